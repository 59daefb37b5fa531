import { readFileSync } from "node:fs";
import { printedSchema, SCHEMA_FILE } from "../src/schema/emit-schema";

describe("schema.graphql", () => {
  it("is the schema the code builds (run `npm run schema:emit` and commit it when this fails)", () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(printedSchema());
  });
});
