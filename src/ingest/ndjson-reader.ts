import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { validateListingRecord, type ListingRecord } from "./listing-record";

// Reads NDJSON in chunks of lines (constant memory for any file size), kept as the bytes they were
// read as: whoever prepares a chunk decodes it, on a worker thread for a large file, so that the
// thread writing batches never makes a string of every line. Lines end as readline ends them (a
// \n, a \r\n or a lone \r), are numbered from 1, and a last line without an end counts unless it
// is empty. A line that is not JSON or not a valid listing, or is too long to be one, becomes a
// rejection; blank lines are skipped.
export type ReadLine = { line: number; record: ListingRecord } | { line: number; rejection: string };

export interface LineChunk {
  firstLine: number;
  lineCount: number;
  // UTF-8 (as read), each line with its end but perhaps the input's last line.
  bytes: Uint8Array;
}

const LF = 0x0a;
const CR = 0x0d;
const LINE_END = /\r?\n|\r(?!\n)/;
const BOM = "\ufeff";

// A listing's record is a few kilobytes at most. A longer line (its line end counted; a file with
// no line ends, say) is not held: its bytes are dropped as they come, and the line stands as
// TOO_LONG, rejected by its number, so that memory stays flat whatever the file.
export const MAX_LINE_BYTES = 1 << 20;
// Not JSON (a raw NUL cannot start a JSON text), so never a record.
const TOO_LONG = "\u0000line too long";

export async function* ndjsonChunks(input: Readable, linesPerChunk: number, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<LineChunk> {
  let pieces: Buffer[] = [];
  let firstLine = 1;
  let lineCount = 0;
  // Bytes of a line whose end has not come yet.
  let openLine = false;
  // How many bytes of the open line `pieces` ends with; whether they are being dropped.
  let lineBytes = 0;
  let dropping = false;
  // The last data ended with a \r: a \n first in the next belongs to the same line end.
  let afterCR = false;
  const take = (): LineChunk => {
    const chunk = { firstLine, lineCount, bytes: Buffer.concat(pieces) };
    [pieces, firstLine, lineCount] = [[], firstLine + lineCount, 0];
    return chunk;
  };
  // The open line's bytes held so far go; the line will read as TOO_LONG.
  const dropOpenLine = () => {
    let excess = lineBytes;
    while (excess > 0) {
      const last = pieces.pop()!;
      if (last.length > excess) pieces.push(last.subarray(0, last.length - excess));
      excess -= Math.min(excess, last.length);
    }
    lineBytes = 0;
  };
  for await (const read of input as AsyncIterable<Buffer | string>) {
    // A stream of strings (a test's Readable.from) is read as their UTF-8.
    const data = typeof read === "string" ? Buffer.from(read, "utf8") : read;
    if (data.length === 0) continue;
    let start = afterCR && data[0] === LF ? 1 : 0;
    const withCR = data.includes(CR, start);
    let at = start;
    for (let end = lineEndAfter(data, at, withCR); end > 0; end = lineEndAfter(data, at, withCR)) {
      if (dropping || lineBytes + end - at > maxLineBytes) {
        // The lines before it, then the long line as TOO_LONG with a line end.
        if (!dropping) {
          pieces.push(data.subarray(start, at));
          dropOpenLine();
        }
        pieces.push(Buffer.from(`${TOO_LONG}\n`));
        dropping = false;
        start = end;
      }
      at = end;
      openLine = false;
      lineBytes = 0;
      if (++lineCount < linesPerChunk) continue;
      pieces.push(data.subarray(start, at));
      start = at;
      yield take();
    }
    if (at < data.length) {
      openLine = true;
      if (!dropping && lineBytes + data.length - at > maxLineBytes) {
        pieces.push(data.subarray(start, at));
        dropOpenLine();
        dropping = true;
      }
      if (dropping) start = data.length;
      else lineBytes += data.length - at;
    }
    if (start < data.length) pieces.push(data.subarray(start));
    afterCR = data[data.length - 1] === CR;
  }
  if (openLine && dropping) {
    pieces.push(Buffer.from(TOO_LONG));
    lineCount++;
  } else if (openLine) lastLineAsReadline();
  if (lineCount > 0) yield take();

  // readline decodes as it reads, and drops an incomplete character at the very end of the input
  // (its decoder waits for the rest): a last line without an end is decoded the same way, and
  // counts unless nothing is left of it.
  function lastLineAsReadline() {
    const rest = Buffer.concat(pieces);
    const lineStart = Math.max(rest.lastIndexOf(LF), rest.lastIndexOf(CR)) + 1;
    const text = new StringDecoder("utf8").write(rest.subarray(lineStart));
    pieces = [rest.subarray(0, lineStart), Buffer.from(text, "utf8")];
    if (text) lineCount++;
  }
}

// The index just past the first line end in `data` from `from`, or 0 when there is none.
function lineEndAfter(data: Buffer, from: number, withCR: boolean): number {
  if (!withCR) return data.indexOf(LF, from) + 1;
  for (let i = from; i < data.length; i++) {
    if (data[i] === LF) return i + 1;
    if (data[i] === CR) return data[i + 1] === LF ? i + 2 : i + 1;
  }
  return 0;
}

// A chunk's lines, decoded and split as readline would have, less the byte order mark that some
// editors write first in a UTF-8 file: it is no part of the first line.
export function linesOf(chunk: LineChunk): string[] {
  const lines = Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength).toString("utf8").split(LINE_END);
  if (lines.length > chunk.lineCount) lines.pop();
  if (chunk.firstLine === 1 && lines[0]?.startsWith(BOM)) lines[0] = lines[0].slice(BOM.length);
  return lines;
}

// One line: its record, its rejection, or null when blank.
export function readListingLine(text: string, line: number): ReadLine | null {
  if (text === TOO_LONG) return { line, rejection: `longer than ${MAX_LINE_BYTES} bytes (a listing is a few kilobytes); not read` };
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
