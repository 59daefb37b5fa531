import { readFileSync } from "node:fs";
import type { IndicatorDistribution, IndicatorKind } from "../entities/enums";
import { BOM, LATER_BOM_REJECTION } from "../ingest/ndjson-reader";

// The rows of an indicator import file, before validation: CSV with a header row, or NDJSON with
// one object a line. Both use the columns kind, value, distribution, confidence, note, brand
// (a brand name of the importing organization) and expiresAt (ISO 8601). A row that cannot be
// read is a problem named by its line, and the rest are still read, so that every bad row is
// named at once.
export interface IndicatorFileRow {
  // Its line in the file (where a CSV record starts).
  line: number;
  kind: IndicatorKind;
  value: string;
  distribution: IndicatorDistribution;
  confidence: number | null;
  note: string | null;
  brand: string | null;
  expiresAt: Date | null;
}

const COLUMNS = ["kind", "value", "distribution", "confidence", "note", "brand", "expiresAt"] as const;

export interface RowProblem {
  line: number;
  reason: string;
}

export interface IndicatorFile {
  rows: IndicatorFileRow[];
  problems: RowProblem[];
}

export function readIndicatorFile(path: string): IndicatorFile {
  const text = readFileSync(path, "utf8");
  if (path.endsWith(".ndjson") || path.endsWith(".jsonl")) return parseNdjson(text);
  if (path.endsWith(".csv")) return parseCsv(text);
  throw new Error(`${path}: expected a .csv or .ndjson file`);
}

function toRow(record: Record<string, unknown>, line: number): IndicatorFileRow | RowProblem {
  const text = (key: string) => {
    const value = record[key];
    return value === undefined || value === null || value === "" ? null : String(value);
  };
  const confidence = text("confidence");
  const expiresAt = text("expiresAt");
  if (confidence !== null && !/^\d+$/.test(confidence)) return { line, reason: "confidence must be a whole number" };
  if (expiresAt !== null && Number.isNaN(Date.parse(expiresAt))) return { line, reason: "expiresAt is not an ISO 8601 date" };
  return {
    line,
    kind: (text("kind") ?? "").toUpperCase() as IndicatorKind,
    value: text("value") ?? "",
    distribution: (text("distribution") ?? "PRIVATE").toUpperCase() as IndicatorDistribution,
    confidence: confidence === null ? null : Number(confidence),
    note: text("note"),
    brand: text("brand"),
    expiresAt: expiresAt === null ? null : new Date(expiresAt),
  };
}

function splitResults(results: (IndicatorFileRow | RowProblem)[]): IndicatorFile {
  const file: IndicatorFile = { rows: [], problems: [] };
  for (const result of results) {
    if ("reason" in result) file.problems.push(result);
    else file.rows.push(result);
  }
  return file;
}

function parseNdjson(text: string): IndicatorFile {
  const results: (IndicatorFileRow | RowProblem)[] = [];
  text.replace(/^\uFEFF/, "").split("\n").forEach((text, index) => {
    const line = index + 1;
    if (!text.trim()) return;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch {
      return results.push({ line, reason: text.startsWith(BOM) ? LATER_BOM_REJECTION : "not valid JSON" });
    }
    if (typeof record !== "object" || record === null || Array.isArray(record)) return results.push({ line, reason: "expected a JSON object" });
    results.push(toRow(record as Record<string, unknown>, line));
  });
  return splitResults(results);
}

// RFC 4180: fields may be quoted, with "" for a quote and line breaks inside quotes. Each record
// with the line it starts on.
function csvRecords(text: string): { fields: string[]; line: number }[] {
  const records: { fields: string[]; line: number }[] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    record.push(field);
    if (record.some((f) => f !== "")) records.push({ fields: record, line: recordLine });
    record = [];
    field = "";
    recordLine = line;
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line += 1;
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
      if (c === "\r" && text[i + 1] === "\n") {
        i += 1;
        line += 1;
      }
      endRecord();
    } else field += c;
  }
  endRecord();
  return records;
}

function parseCsv(text: string): IndicatorFile {
  const [header, ...records] = csvRecords(text.replace(/^\uFEFF/, ""));
  if (!header) return { rows: [], problems: [] };
  const names = header.fields.map((name) => name.trim());
  const unknown = names.filter((name) => !(COLUMNS as readonly string[]).includes(name));
  if (unknown.length || !names.includes("kind") || !names.includes("value")) {
    throw new Error(`CSV header must name kind and value, and only columns of ${COLUMNS.join(", ")}${unknown.length ? `; unknown: ${unknown.join(", ")}` : ""}`);
  }
  const headerText = names.join(",");
  return splitResults(records.map(({ fields, line }) => csvRow(names, headerText, fields, line)));
}

// Files joined into one show as a byte order mark or a header row in the middle: named as such,
// rather than as a kind no one would recognise.
function csvRow(names: string[], headerText: string, fields: string[], line: number): IndicatorFileRow | RowProblem {
  if (fields[0]?.startsWith(BOM)) return { line, reason: LATER_BOM_REJECTION };
  if (fields.map((field) => field.trim()).join(",") === headerText) return { line, reason: "repeats the header row: files joined into one? Remove the line" };
  return toRow(Object.fromEntries(names.map((name, i) => [name, fields[i]])), line);
}

// A refusal names items by their index from 0 ("[3]", "item 3"); a person reads the file by its lines.
export function inLinesOf(rows: readonly { line: number }[]): (text: string) => string {
  const lineOf = (index: string) => rows[Number(index)].line;
  return (text) => text.replace(/\[(\d+)\]/g, (_m, i: string) => `[line ${lineOf(i)}]`).replace(/item (\d+)/g, (_m, i: string) => `line ${lineOf(i)}`);
}

// Bad rows of an import named in its error, at most.
const SHOWN_PROBLEMS = 50;

// Every bad row of a file at once, in line order, the first SHOWN_PROBLEMS of them named.
export function importRefusal(file: string, bad: readonly RowProblem[]): Error {
  const listed = bad.slice(0, SHOWN_PROBLEMS).map((p) => `  line ${p.line}: ${p.reason}`);
  const more = bad.length > SHOWN_PROBLEMS ? [`  and ${bad.length - SHOWN_PROBLEMS} more`] : [];
  return new Error([`${bad.length} bad row${bad.length === 1 ? "" : "s"} in ${file}; nothing was imported:`, ...listed, ...more].join("\n"));
}
