import { readFileSync } from "node:fs";
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType } from "graphql";
import { buildBaseSchema } from "../src/schema/build-schema";
import { printedSchema, SCHEMA_FILE } from "../src/schema/emit-schema";

// Every name a caller can meet in the schema: types, their fields and input fields, arguments, enum values.
function undescribed(): string[] {
  const missing: string[] = [];
  for (const type of Object.values(buildBaseSchema().getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of "args" in field ? field.args : []) {
          if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing;
}

describe("schema.graphql", () => {
  it("is the schema the code builds (run `npm run schema:emit` and commit it when this fails)", () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(printedSchema());
  });

  // The schema is the reference a brand team reads (Sandbox, introspection): nothing in it goes undocumented.
  it("describes every type, field, argument and enum value", () => {
    expect(undescribed()).toEqual([]);
  });
});
