import { readFileSync } from "node:fs";
import type { IndicatorDistribution, IndicatorKind } from "../entities/enums";

// The rows of an indicator import file, before validation: CSV with a header row, or NDJSON with
// one object a line. Both use the columns kind, value, distribution, confidence, note, brand
// (a brand name of the importing organization) and expiresAt (ISO 8601).
export interface IndicatorFileRow {
  kind: IndicatorKind;
  value: string;
  distribution: IndicatorDistribution;
  confidence: number | null;
  note: string | null;
  brand: string | null;
  expiresAt: Date | null;
}

const COLUMNS = ["kind", "value", "distribution", "confidence", "note", "brand", "expiresAt"] as const;

export function readIndicatorFile(path: string): IndicatorFileRow[] {
  const text = readFileSync(path, "utf8");
  if (path.endsWith(".ndjson") || path.endsWith(".jsonl")) return parseNdjson(text);
  if (path.endsWith(".csv")) return parseCsv(text);
  throw new Error(`${path}: expected a .csv or .ndjson file`);
}

function toRow(record: Record<string, unknown>, where: string): IndicatorFileRow {
  const text = (key: string) => {
    const value = record[key];
    return value === undefined || value === null || value === "" ? null : String(value);
  };
  const confidence = text("confidence");
  const expiresAt = text("expiresAt");
  if (confidence !== null && !/^\d+$/.test(confidence)) throw new Error(`${where}: confidence must be a whole number`);
  if (expiresAt !== null && Number.isNaN(Date.parse(expiresAt))) throw new Error(`${where}: expiresAt is not an ISO 8601 date`);
  return {
    kind: (text("kind") ?? "").toUpperCase() as IndicatorKind,
    value: text("value") ?? "",
    distribution: (text("distribution") ?? "PRIVATE").toUpperCase() as IndicatorDistribution,
    confidence: confidence === null ? null : Number(confidence),
    note: text("note"),
    brand: text("brand"),
    expiresAt: expiresAt === null ? null : new Date(expiresAt),
  };
}

function parseNdjson(text: string): IndicatorFileRow[] {
  const rows: IndicatorFileRow[] = [];
  text.split("\n").forEach((line, index) => {
    if (!line.trim()) return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      throw new Error(`line ${index + 1}: not valid JSON`);
    }
    if (typeof record !== "object" || record === null || Array.isArray(record)) throw new Error(`line ${index + 1}: expected a JSON object`);
    rows.push(toRow(record as Record<string, unknown>, `line ${index + 1}`));
  });
  return rows;
}

// RFC 4180: fields may be quoted, with "" for a quote and line breaks inside quotes.
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  const endRecord = () => {
    record.push(field);
    if (record.some((f) => f !== "")) records.push(record);
    record = [];
    field = "";
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i += 1;
      endRecord();
    } else field += c;
  }
  endRecord();
  return records;
}

function parseCsv(text: string): IndicatorFileRow[] {
  const [header, ...records] = csvRecords(text.replace(/^\uFEFF/, ""));
  if (!header) return [];
  const names = header.map((name) => name.trim());
  const unknown = names.filter((name) => !(COLUMNS as readonly string[]).includes(name));
  if (unknown.length || !names.includes("kind") || !names.includes("value")) {
    throw new Error(`CSV header must name kind and value, and only columns of ${COLUMNS.join(", ")}${unknown.length ? `; unknown: ${unknown.join(", ")}` : ""}`);
  }
  return records.map((fields, index) => toRow(Object.fromEntries(names.map((name, i) => [name, fields[i]])), `line ${index + 2}`));
}
