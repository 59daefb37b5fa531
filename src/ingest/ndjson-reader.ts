import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { validateListingRecord, type ListingRecord } from "./listing-record";

// Reads NDJSON one line at a time (constant memory for any file size); the caller numbers lines
// from 1. A line that is not JSON or not a valid listing becomes a rejection; blank lines are skipped.
export type ReadLine = { line: number; record: ListingRecord } | { line: number; rejection: string };

export const ndjsonLines = (input: Readable): AsyncIterable<string> => createInterface({ input, crlfDelay: Infinity });

// One line: its record, its rejection, or null when blank.
export function readListingLine(text: string, line: number): ReadLine | null {
  if (!text.trim()) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { line, rejection: `not valid JSON (${(error as Error).message})` };
  }
  const validated = validateListingRecord(value);
  return validated.ok ? { line, record: validated.record } : { line, rejection: validated.reason };
}
