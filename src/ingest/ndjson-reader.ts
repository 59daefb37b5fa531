import { isUtf8 } from "node:buffer";
import type { Readable } from "node:stream";
import { PAUSE, readsWithPauses } from "./input-pauses";
import { validateListingRecord, type ListingRecord } from "./listing-record";

// Reads NDJSON in chunks of lines (constant memory for any file size), kept as the bytes they were
// read as: whoever prepares a chunk decodes it, on a worker thread for a large file, so that the
// thread writing batches never makes a string of every line. Lines end as readline ends them (a
// \n, a \r\n or a lone \r), are numbered from 1, and a last line without an end counts unless it
// is empty. A line that is not JSON or not a valid listing, or is too long to be one, becomes a
// rejection; blank lines are skipped. When the input pauses (readsWithPauses), or a read comes when
// the chunk's first bytes have been held `maxHoldMs`, the lines read so far are a chunk of their
// own, however few.
export type ReadLine = { line: number; record: ListingRecord } | { line: number; rejection: string };

export interface LineChunk {
  firstLine: number;
  lineCount: number;
  // UTF-8 (as read), each line with its end but perhaps the input's last line.
  bytes: Uint8Array;
  // Cut before it was full, its lines not to wait for more (the input paused after them, there may
  // be none, or the chunk was held maxHoldMs): what was read before them is not to wait either.
  cutEarly: boolean;
}

const LF = 0x0a;
const CR = 0x0d;
const LINE_END = /\r?\n|\r(?!\n)/;
// The same, its ends kept as items of their own, for splitting bytes read as latin1.
const LINE_END_KEPT = /(\r?\n|\r(?!\n))/;
export const BOM = "\ufeff";
// A byte order mark further on is where files were joined (cat a.ndjson b.ndjson): its line is
// refused, saying so, rather than as JSON whose fault shows as nothing. Only the lines that JSON
// refuses are looked at.
export const LATER_BOM_REJECTION =
  "starts with a byte order mark (U+FEFF), which only a file's first line may carry: files joined into one? Remove it from the line's start";

// A listing's record is a few kilobytes at most. A longer line (its line end counted; a file with
// no line ends, say) is not held: its bytes are dropped as they come, and the line stands as
// TOO_LONG, rejected by its number, so that memory stays flat whatever the file.
const MAX_LINE_BYTES = 1 << 20;
// Not JSON (a raw NUL cannot start a JSON text), so never a record.
const TOO_LONG = "\u0000line too long";
const NOT_UTF8 = "\u0000not UTF-8";

// A chunk ends at a line end once it holds this many bytes, whatever its line count: a batch of
// 5,000 lines near MAX_LINE_BYTES each would be gigabytes, past the longest string V8 can decode.
const MAX_CHUNK_BYTES = 64 << 20;

export async function* ndjsonChunks(
  input: Readable,
  linesPerChunk: number,
  { pauseMs = Infinity, maxHoldMs = Infinity, maxLineBytes = MAX_LINE_BYTES, maxChunkBytes = MAX_CHUNK_BYTES } = {},
): AsyncGenerator<LineChunk> {
  let pieces: Buffer[] = [];
  // The bytes `pieces` holds.
  let heldBytes = 0;
  // When `pieces` got its first bytes since the last chunk was taken: held after the reader's
  // consumer handed control back, since a consumer slow to ask for the next chunk (batches writing)
  // is no feed slow to send its lines.
  let heldSince = 0;
  const hold = (bytes: Buffer) => {
    if (heldBytes === 0 && bytes.length > 0) heldSince = performance.now();
    pieces.push(bytes);
    heldBytes += bytes.length;
  };
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
    const chunk = { firstLine, lineCount, bytes: Buffer.concat(pieces), cutEarly: false };
    [pieces, heldBytes, firstLine, lineCount] = [[], 0, firstLine + lineCount, 0];
    return chunk;
  };
  // The lines ended so far; the open line's bytes (the last `lineBytes` held) wait for its end.
  const takeEarly = (): LineChunk => {
    const held = Buffer.concat(pieces);
    const chunk = { firstLine, lineCount, bytes: held.subarray(0, held.length - lineBytes), cutEarly: true };
    [pieces, heldBytes, firstLine, lineCount] = [lineBytes > 0 ? [held.subarray(held.length - lineBytes)] : [], lineBytes, firstLine + lineCount, 0];
    return chunk;
  };
  // The open line's bytes held so far go; the line will read as TOO_LONG.
  const dropOpenLine = () => {
    let excess = lineBytes;
    heldBytes -= lineBytes;
    while (excess > 0) {
      const last = pieces.pop()!;
      if (last.length > excess) pieces.push(last.subarray(0, last.length - excess));
      excess -= Math.min(excess, last.length);
    }
    lineBytes = 0;
  };
  const reads = pauseMs === Infinity ? (input as AsyncIterable<Buffer | string>) : readsWithPauses(input, pauseMs);
  for await (const read of reads) {
    if (read === PAUSE) {
      yield takeEarly();
      // An open line's bytes, held anew: its line cannot be taken before its end anyway.
      heldSince = performance.now();
      continue;
    }
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
          hold(data.subarray(start, at));
          dropOpenLine();
        }
        hold(Buffer.from(`${TOO_LONG}\n`));
        dropping = false;
        start = end;
      }
      at = end;
      openLine = false;
      lineBytes = 0;
      if (++lineCount < linesPerChunk && heldBytes + at - start < maxChunkBytes) continue;
      hold(data.subarray(start, at));
      start = at;
      yield take();
    }
    if (at < data.length) {
      openLine = true;
      if (!dropping && lineBytes + data.length - at > maxLineBytes) {
        hold(data.subarray(start, at));
        dropOpenLine();
        dropping = true;
      }
      if (dropping) start = data.length;
      else lineBytes += data.length - at;
    }
    if (start < data.length) hold(data.subarray(start));
    afterCR = data[data.length - 1] === CR;
    // A feed that sends steadily but slowly never pauses, and would fill a chunk in minutes. Its age
    // is looked at as each read comes (a clock read, no timer): between two reads there is less
    // than twice pauseMs, or a pause is told, so a line is cut within maxHoldMs and twice pauseMs.
    if (lineCount > 0 && performance.now() - heldSince >= maxHoldMs) {
      yield takeEarly();
      // As after a pause.
      heldSince = performance.now();
    }
  }
  if (openLine && dropping) {
    pieces.push(Buffer.from(TOO_LONG));
    lineCount++;
  } else if (openLine) lastLineAsReadline();
  if (lineCount > 0) yield take();

  // readline decodes as it reads, and drops an incomplete character at the very end of the input
  // (its decoder waits for the rest): a last line without an end drops it too, and counts unless
  // nothing is left of it.
  function lastLineAsReadline() {
    const rest = Buffer.concat(pieces);
    const lineStart = Math.max(rest.lastIndexOf(LF), rest.lastIndexOf(CR)) + 1;
    const line = rest.subarray(lineStart);
    // Its bytes as they are (one that is no UTF-8 is the line's rejection), less the unfinished one.
    const kept = line.subarray(0, line.length - unfinishedCharacterBytes(line));
    pieces = [rest.subarray(0, lineStart), kept];
    if (kept.length > 0) lineCount++;
  }
}

// How many bytes at the end of `bytes` start a UTF-8 character that they end before finishing:
// a lead byte followed by fewer continuation bytes than it announces.
function unfinishedCharacterBytes(bytes: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, bytes.length); k++) {
    const byte = bytes[bytes.length - k];
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 && byte <= 0xf4 ? 4 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xc2 && byte <= 0xdf ? 2 : 1;
    return length > k ? k : 0;
  }
  return 0;
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
  const bytes = Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength);
  const lines = isUtf8(bytes) ? bytes.toString("utf8").split(LINE_END) : linesOfMixed(bytes);
  if (lines.length > chunk.lineCount) lines.pop();
  if (chunk.firstLine === 1 && lines[0]?.startsWith(BOM)) lines[0] = lines[0].slice(BOM.length);
  return lines;
}

// A chunk with bytes that are not UTF-8, line by line: a line that is not UTF-8 stands as NOT_UTF8,
// rejected by its number, rather than stored with U+FFFD in place of what was sent. Read as latin1,
// one character a byte, its line ends fall where they are in the bytes (a CR or an LF byte is never
// part of a UTF-8 character).
function linesOfMixed(bytes: Buffer): string[] {
  const lines: string[] = [];
  let at = 0;
  // With its ends kept, the split alternates: a line, its end, a line, ...
  bytes.toString("latin1").split(LINE_END_KEPT).forEach((piece, index) => {
    const pieceBytes = bytes.subarray(at, at + piece.length);
    at += piece.length;
    if (index % 2 === 0) lines.push(isUtf8(pieceBytes) ? pieceBytes.toString("utf8") : NOT_UTF8);
  });
  return lines;
}

// One line: its record, its rejection, or null when blank.
export function readListingLine(text: string, line: number): ReadLine | null {
  if (text === TOO_LONG) return { line, rejection: `longer than ${MAX_LINE_BYTES} bytes (a listing is a few kilobytes); not read` };
  if (text === NOT_UTF8) return { line, rejection: "not valid UTF-8: send the feed in UTF-8 (a byte that is no UTF-8 character would be stored as U+FFFD)" };
  if (!text.trim()) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { line, rejection: text.startsWith(BOM) ? LATER_BOM_REJECTION : `not valid JSON (${(error as Error).message})` };
  }
  const validated = validateListingRecord(value);
  return validated.ok ? { line, record: validated.record } : { line, rejection: validated.reason };
}
