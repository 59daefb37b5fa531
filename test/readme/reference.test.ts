import { EnvSchema } from "../../src/config";
import { ErrorCode } from "../../src/errors";
import { section } from "../support/readme";

// The README's configuration table and error list are what operators and client authors read
// instead of the code: a variable the code reads but the table lacks is a setting no one finds, one
// the table names but the code ignores is a setting that silently does nothing.

// The configuration table's rows: "| `PORT` | `4000` | HTTP port |".
const configurationRows = () =>
  section("Configuration")
    .split("\n")
    .map((line) => /^\| `([A-Z][A-Z0-9_]*)` \| ([^|]*) \|/.exec(line))
    .filter((row) => row !== null)
    .map(([, name, fallback]) => ({ name, fallback: fallback.trim() }));

const documentedVariables = () => configurationRows().map((row) => row.name);

const readVariables = Object.keys(EnvSchema.shape);

describe("the README's reference sections", () => {
  it("document every environment variable src/config.ts reads", () => {
    const documented = documentedVariables();
    expect(readVariables.filter((name) => !documented.includes(name))).toEqual([]);
  });

  it("document no environment variable that src/config.ts does not read", () => {
    expect(documentedVariables().filter((name) => !readVariables.includes(name))).toEqual([]);
  });

  it("document each variable once", () => {
    const documented = documentedVariables();
    expect(documented.filter((name, index) => documented.indexOf(name) !== index)).toEqual([]);
  });

  it("give the defaults the code has, where the table shows a value", () => {
    const defaults = EnvSchema.parse({}) as Record<string, unknown>;
    const wrong = configurationRows()
      .filter((row) => /^`[^`]*`$/.test(row.fallback) && defaults[row.name] !== undefined)
      .filter((row) => row.fallback !== `\`${String(defaults[row.name])}\``)
      .map((row) => `${row.name}: README ${row.fallback}, code ${String(defaults[row.name])}`);
    expect(wrong).toEqual([]);
  });

  // Each code is explained where it is introduced: "`NOT_FOUND` (does not exist, or is not yours...".
  it("explain every error code the API answers with", () => {
    const errors = section("Errors");
    expect(Object.values(ErrorCode).filter((code) => !errors.includes(`\`${code}\` (`))).toEqual([]);
  });
});
