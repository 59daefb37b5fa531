import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
} from "graphql";
import { parseGlobalId, toGlobalId } from "../../src/schema/global-id";
import { crawlSchema } from "./schema-crawl";

// Bad values for a mutation's input, derived from the schema (test/api/bad-input-crawl.test.ts):
// each input field reachable from a mutation's arguments, and the values that break it alone,
// chosen by its type and by the limits its description documents.

export type Path = (string | number)[];

// Where an input is declared: "Mutation.login(email)" for an argument, "MoneyInput.amountMinor" for
// an input object's field.
export interface InputField {
  path: Path;
  coordinate: string;
  type: GraphQLInputType;
  description: string;
}

export interface Variant {
  kind: string;
  value: unknown;
}

export const MISSING_UUID = "00000000-0000-4000-8000-000000000000";

export const pathText = (path: Path) => path.map((step, i) => (typeof step === "number" ? `[${step}]` : i ? `.${step}` : step)).join("");

export const valueAt = (value: unknown, path: Path): unknown =>
  path.reduce<unknown>((at, step) => (at !== null && typeof at === "object" ? (at as Record<string | number, unknown>)[step] : undefined), value);

// The variables with one value replaced, the others as they were.
export function withValueAt(variables: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  const copy = structuredClone(variables);
  const parent = valueAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]] = value;
  return copy;
}

// Every input a mutation's baseline reaches: its arguments, the fields of the input objects it
// gives (a field it leaves out is broken by setting it), and the first item of each list it gives.
export function inputFieldsOf(mutation: GraphQLField<unknown, unknown>, variables: Record<string, unknown>): InputField[] {
  const found: InputField[] = [];
  const walk = (path: Path, coordinate: string, type: GraphQLInputType, description: string) => {
    found.push({ path, coordinate, type, description });
    const value = valueAt(variables, path);
    const nullable = getNullableType(type);
    if (!isListType(nullable)) walkInside(path, nullable, value);
    else if (Array.isArray(value) && value.length) {
      const item = nullable.ofType as GraphQLInputType;
      if (isInputObjectType(getNullableType(item))) walkInside([...path, 0], item, value[0]);
      else found.push({ path: [...path, 0], coordinate, type: item, description });
    }
  };
  const walkInside = (path: Path, type: GraphQLInputType, value: unknown) => {
    const named = getNullableType(type);
    if (!isInputObjectType(named) || value === null || typeof value !== "object") return;
    for (const field of Object.values(named.getFields())) walk([...path, field.name], `${named.name}.${field.name}`, field.type, field.description ?? "");
  };
  for (const arg of mutation.args) walk([arg.name], `Mutation.${mutation.name}(${arg.name})`, arg.type, arg.description ?? "");
  return found;
}

// Every input any baseline could reach from a mutation's arguments, for the coverage check.
export function everyInputCoordinate(mutation: GraphQLField<unknown, unknown>): string[] {
  const found = new Set<string>();
  const inside = (type: GraphQLInputType) => {
    const named = getNamedType(type);
    if (!isInputObjectType(named)) return;
    for (const field of Object.values(named.getFields())) {
      const coordinate = `${named.name}.${field.name}`;
      if (found.has(coordinate)) continue;
      found.add(coordinate);
      inside(field.type);
    }
  };
  for (const arg of mutation.args) {
    found.add(`Mutation.${mutation.name}(${arg.name})`);
    inside(arg.type);
  }
  return [...found];
}

// Limits as descriptions write them: "1 to 5,000 characters", "Up to 20 other names", "0 to 100",
// "more than 0", or a setting's name ("Up to MAX_INGEST_BATCH listings") whose value the test sets.
// Each is read on the field or argument it limits only: a mutation's argument that is an input
// object describes it whole, and a number there belongs to none of its fields.
const number = (text: string) => Number(text.replace(/,/g, ""));
const NUMBER = String.raw`(\d[\d,]*)`;

function maxOf(description: string, unit: string, settings: Record<string, number>): number | null {
  const written = new RegExp(String.raw`(?:\bto|up to|at most)\s+${NUMBER}${unit ? `\\s+(?:[\\w-]+\\s+){0,2}${unit}` : ""}`, "i").exec(description);
  if (written) return number(written[1]);
  const setting = /\b(?:to|up to|at most)\s+([A-Z][A-Z_]+)\b/.exec(description);
  return setting && setting[1] in settings ? settings[setting[1]] : null;
}

function minOf(description: string): number | null {
  if (/more than 0|at least 1\b/i.test(description)) return 1;
  const range = new RegExp(String.raw`\b${NUMBER}\s+to\s+(?:\d|[A-Z])`).exec(description);
  return range ? number(range[1]) : null;
}

// Another type's global id for the same row: a server that looked the row up without its type
// would find it.
const OTHER_TYPE = (typeName: string) => (typeName === "Organization" ? "Brand" : "Organization");

const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000);

function stringVariants(value: unknown, description: string, settings: Record<string, number>): Variant[] {
  const text = typeof value === "string" && value ? value : "text";
  const max = maxOf(description, "characters", settings);
  const variants: Variant[] = [
    { kind: "empty", value: "" },
    { kind: "whitespace only", value: " \t " },
    { kind: "a control character", value: `${text}\u0007` },
    { kind: "an unpaired surrogate", value: `${text}\ud800` },
    max !== null
      ? { kind: `over its maximum of ${max} characters`, value: "x".repeat(max + 1) }
      : // No maximum documented: a text far longer than any field holds must still be refused, or listed as accepted.
        { kind: "100,000 characters", value: "x".repeat(100_000) },
  ];
  const hex = /(\d+) hex(?:adecimal)? digits/.exec(description);
  if (hex) variants.push({ kind: "not hex digits", value: "z".repeat(Number(hex[1])) });
  if (/ISO 4217/.test(description)) variants.push({ kind: "no currency code", value: "ZZZ" });
  return variants;
}

function numberVariants(typeName: string, description: string, settings: Record<string, number>): Variant[] {
  const variants: Variant[] = [{ kind: "negative", value: -1 }];
  const min = minOf(description);
  if (min !== null && min > 0) variants.push({ kind: `zero, under its minimum of ${min}`, value: 0 });
  // "Share (0-1)"
  const share = /\((\d+)-(\d+)\)/.exec(description);
  const max = share ? Number(share[2]) : maxOf(description, "", settings);
  if (max !== null) variants.push({ kind: `over its maximum of ${max}`, value: max + (typeName === "Float" ? 0.5 : 1) });
  if (typeName !== "Float") variants.push({ kind: "not an integer", value: 1.5 });
  return variants;
}

function dateVariants(typeName: string, description: string): Variant[] {
  const format = typeName === "LocalDate" ? (day: Date) => day.toISOString().slice(0, 10) : (day: Date) => day.toISOString();
  const variants: Variant[] = [
    { kind: "malformed", value: "yesterday" },
    { kind: "no such day", value: typeName === "LocalDate" ? "2026-02-30" : "2026-02-30T00:00:00Z" },
    { kind: "year 0, out of range", value: typeName === "LocalDate" ? "0000-06-01" : "0000-06-01T00:00:00Z" },
  ];
  // "not in the future", "When it opened: in the past"; "In the future, at most 10 years ahead", "or in the past (by more than 5 minutes)".
  if (/not in the future|:\s*in the past/i.test(description)) variants.push({ kind: "in the future", value: format(daysFromNow(3)) });
  if (/^in the future|or in the past/i.test(description)) variants.push({ kind: "in the past", value: format(daysFromNow(-3)) });
  if (/1990/.test(description)) variants.push({ kind: "before 1990", value: typeName === "LocalDate" ? "1989-12-31" : "1989-12-31T00:00:00Z" });
  const yearsAhead = /(?:at most|more than) (\d+|a) years? ahead/i.exec(description);
  if (yearsAhead) variants.push({ kind: "too far ahead", value: format(daysFromNow(366 * (yearsAhead[1] === "a" ? 1 : Number(yearsAhead[1])) + 3)) });
  return variants;
}

// The values that break one input, as its type and description say, given its value in the
// baseline (undefined when the baseline leaves it out).
export function variantsOf(field: InputField, value: unknown, settings: Record<string, number>): Variant[] {
  const type = getNullableType(field.type);
  if (isListType(type)) {
    const items = Array.isArray(value) ? value : [];
    const variants: Variant[] = [{ kind: "an empty list", value: [] }];
    if (items.length) variants.push({ kind: "an item twice", value: [items[0], ...items] });
    const max = maxOf(field.description, "", settings);
    if (max !== null && items.length) {
      // Distinct items where they can be made (texts), so that the count is what breaks the list.
      const item = (i: number) => (typeof items[0] === "string" && getNamedType(field.type).name === "String" ? `${items[0]}-${i}` : items[0]);
      variants.push({ kind: `over its maximum of ${max} items`, value: Array.from({ length: max + 1 }, (_, i) => item(i)) });
    }
    return variants;
  }
  if (isInputObjectType(type)) return [];
  if (isEnumType(type)) return [{ kind: "no such value", value: "NOT_A_VALUE" }];
  if (!isScalarType(type)) return [];
  switch (type.name) {
    case "String":
      return stringVariants(value, field.description, settings);
    case "Int":
    case "SafeInt":
    case "Float":
      return numberVariants(type.name, field.description, settings);
    case "Boolean":
      return [{ kind: "not a boolean", value: "yes" }];
    case "DateTime":
    case "LocalDate":
      return dateVariants(type.name, field.description);
    case "JSONObject":
      return [
        { kind: "not an object", value: "text" },
        { kind: "a list", value: [1] },
      ];
    case "ID": {
      const variants: Variant[] = [{ kind: "malformed", value: "not-an-id" }];
      if (typeof value !== "string") return variants;
      const { typeName, id } = parseGlobalId(value);
      return [
        ...variants,
        { kind: "another type's id", value: toGlobalId(OTHER_TYPE(typeName), id) },
        { kind: "no such record", value: toGlobalId(typeName, MISSING_UUID) },
      ];
    }
    default:
      throw new Error(`No bad values known for the scalar ${type.name}: add them to test/support/input-variants.ts`);
  }
}

// A mutation's document, its arguments as variables, answering as little as it can.
export function mutationDocument(name: string, answer = "{ __typename }"): string {
  const field = crawlSchema.getMutationType()!.getFields()[name];
  const declared = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(", ");
  const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
  const selection = isScalarType(getNamedType(field.type)) ? "" : ` ${answer}`;
  return `mutation${declared ? `(${declared})` : ""} { ${name}${passed ? `(${passed})` : ""}${selection} }`;
}
