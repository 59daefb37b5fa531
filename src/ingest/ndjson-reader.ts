import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { validateListingRecord, type ListingRecord } from "./listing-record";

// Reads NDJSON one line at a time (constant memory for any file size), numbering lines from 1.
// A line that is not JSON or not a valid listing becomes a rejection; blank lines are skipped.
export type ReadLine = { line: number; record: ListingRecord } | { line: number; rejection: string };

export async function* readListingLines(input: Readable): AsyncGenerator<ReadLine> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (!text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { line, rejection: `not valid JSON (${(error as Error).message})` };
      continue;
    }
    const validated = validateListingRecord(value);
    yield validated.ok ? { line, record: validated.record } : { line, rejection: validated.reason };
  }
}
