import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { lexicographicSortSchema, printSchema } from "graphql";
import { buildBaseSchema } from "./build-schema";

// schema.graphql is committed, so that every API change shows in review; a test fails when stale.
export const SCHEMA_FILE = join(__dirname, "..", "..", "schema.graphql");

export const printedSchema = () => `${printSchema(lexicographicSortSchema(buildBaseSchema()))}\n`;

if (require.main === module) {
  writeFileSync(SCHEMA_FILE, printedSchema());
  console.log(`wrote ${SCHEMA_FILE}`);
}
