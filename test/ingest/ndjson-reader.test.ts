import { createInterface } from "node:readline";
import { PassThrough, Readable } from "node:stream";
import { linesOf, ndjsonChunks, readListingLine } from "../../src/ingest/ndjson-reader";

// An ingest reads a file in chunks of lines, as bytes, and decodes them where it prepares them:
// it must see exactly the lines readline sees (less a byte order mark first in the input),
// numbered the same, however the bytes arrive.

const INPUTS: Buffer[] = [
  "a\nb\nc\n",
  "a\nb\nc",
  "a\r\nb\r\n\r\nc\r\n",
  "a\rb\r\rc\r",
  "a\r\r\nb\n\r\nc",
  "\n\n\na\n\n",
  "",
  "\r\n",
  '{"title":"高仿 包"}\n{"title":"精仿"}\r\n{"x":"é"}',
  "\ufeffbom\n",
].map((text) => Buffer.from(text, "utf8"));
// Bytes that are no valid UTF-8: a cut sequence before a line end, a stray byte, a cut sequence at the end.
INPUTS.push(
  Buffer.from([0x61, 0xe4, 0x0a, 0x62, 0xff, 0x63, 0x0d, 0xe4, 0xb8, 0x0a, 0xe9, 0xab]),
  Buffer.from([0x61, 0x0a, 0xe4]),
  Buffer.from([0x78, 0xf0, 0x9f, 0x98]),
  Buffer.from([0x78, 0x80]),
  Buffer.from([0xed, 0xa0, 0x80, 0x0a, 0xc0, 0xaf, 0x0d, 0x0a, 0xf0, 0x9f, 0x98, 0x80, 0xe4, 0xb8, 0x0d]),
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const streamOf = (bytes: Buffer, size: number) => {
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
  return Readable.from(pieces, { objectMode: false });
};

async function readlineLines(bytes: Buffer, size: number): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: streamOf(bytes, size), crlfDelay: Infinity })) lines.push(line);
  if (lines[0]?.startsWith("\ufeff")) lines[0] = lines[0].slice(1);
  return lines;
}

async function chunkedLines(bytes: Buffer, size: number, linesPerChunk: number, maxLineBytes?: number, maxChunkBytes?: number): Promise<string[]> {
  const lines: string[] = [];
  for await (const chunk of ndjsonChunks(streamOf(bytes, size), linesPerChunk, { maxLineBytes, maxChunkBytes })) {
    expect(chunk.firstLine).toBe(lines.length + 1);
    const ofChunk = linesOf(chunk);
    expect(ofChunk).toHaveLength(chunk.lineCount);
    expect(chunk.lineCount).toBeLessThanOrEqual(linesPerChunk);
    lines.push(...ofChunk);
  }
  return lines;
}

// A line whose bytes are not UTF-8 is rejected by its number, where readline reads it with U+FFFD
// in place of the bad bytes (none of the inputs holds a U+FFFD of its own).
const NOT_UTF8 = "not valid UTF-8: send the feed in UTF-8 (a byte that is no UTF-8 character would be stored as U+FFFD)";
const asRead = (line: string) => {
  const read = readListingLine(line, 1);
  return read && "rejection" in read && read.rejection === NOT_UTF8 ? NOT_UTF8 : line;
};

describe("NDJSON chunks", () => {
  it("hold the lines readline reads (but for lines that are not UTF-8, rejected), however the bytes arrive and however many lines a chunk holds", async () => {
    for (const bytes of INPUTS) {
      for (const size of [1, 2, 3, 5, 65_536]) {
        const expected = (await readlineLines(bytes, size)).map((line) => (line.includes("\ufffd") ? NOT_UTF8 : line));
        for (const [linesPerChunk, maxChunkBytes] of [[1], [2], [3], [1000], [1000, 1], [1000, 4]]) {
          const lines = (await chunkedLines(bytes, size, linesPerChunk, undefined, maxChunkBytes)).map(asRead);
          expect({ text: bytes.toString("hex"), size, linesPerChunk, maxChunkBytes, lines }).toEqual({
            text: bytes.toString("hex"),
            size,
            linesPerChunk,
            maxChunkBytes,
            lines: expected,
          });
        }
      }
    }
  });

  it("hold no line longer than the limit: it stands as a line rejected by its number, however the bytes arrive", async () => {
    const long = "x".repeat(50);
    const cases: [string, (string | null)[]][] = [
      [`ok\n${long}\nfine\n`, ["ok", null, "fine"]],
      [`ok\r\n${long}\r\nfine`, ["ok", null, "fine"]],
      [`${long}\r${long}\rfine\r`, [null, null, "fine"]],
      [`ok\n${long}`, ["ok", null]],
      [`0123456789abcdef\n0123456789abcdefg\n`, ["0123456789abcdef", null]],
    ];
    for (const [text, expected] of cases) {
      for (const size of [1, 3, 7, 65_536]) {
        for (const linesPerChunk of [1, 2, 1000]) {
          const lines = await chunkedLines(Buffer.from(text), size, linesPerChunk, 17);
          const read = lines.map((line, index) => readListingLine(line, index + 1));
          expect({ text, size, linesPerChunk, lines: lines.map((line, index) => (expected[index] === null ? read[index] : line)) }).toEqual({
            text,
            size,
            linesPerChunk,
            lines: expected.map((line, index) =>
              line === null ? { line: index + 1, rejection: "longer than 1048576 bytes (a listing is a few kilobytes); not read" } : line,
            ),
          });
        }
      }
    }
  });

  it("end at the first line end past a number of bytes, whatever their line count, so that no chunk outgrows a string", async () => {
    const line = `${"x".repeat(99)}\n`;
    for (const size of [7, 65_536]) {
      const chunks = [];
      for await (const chunk of ndjsonChunks(streamOf(Buffer.from(line.repeat(10)), size), 1000, { maxChunkBytes: 250 })) chunks.push(chunk);
      expect(chunks.map((chunk) => [chunk.firstLine, chunk.lineCount, chunk.bytes.length])).toEqual([[1, 3, 300], [4, 3, 300], [7, 3, 300], [10, 1, 100]]);
    }
  });

  it("end at a pause of the input with the lines ended so far, a line whose end has not come kept for the next chunk", async () => {
    const input = new PassThrough();
    const chunks: [number, string[], boolean][] = [];
    const reading = (async () => {
      for await (const chunk of ndjsonChunks(input, 100, { pauseMs: 10 })) chunks.push([chunk.firstLine, linesOf(chunk), chunk.cutEarly]);
    })();
    input.write("a\r\nb\rc");
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(chunks).toEqual([[1, ["a", "b"], true]]);
    input.end("d\nef");
    await reading;
    expect(chunks).toEqual([[1, ["a", "b"], true], [3, ["cd", "ef"], false]]);
  });

  it("make the same chunks of an input that flows with pauses watched as without", async () => {
    const bytes = Buffer.from("x\n".repeat(1000));
    const chunksOf = async (pauseMs?: number) => {
      const chunks = [];
      for await (const chunk of ndjsonChunks(streamOf(bytes, 64), 300, { pauseMs })) chunks.push(chunk);
      return chunks;
    };
    expect(await chunksOf(1)).toEqual(await chunksOf());
  });

  it("end a chunk, once its first bytes have been held maxHoldMs, at the next read of an input that never pauses, a line whose end has not come kept for the next chunk", async () => {
    const input = new PassThrough();
    const chunks: [number, string[], boolean][] = [];
    const reading = (async () => {
      for await (const chunk of ndjsonChunks(input, 1000, { pauseMs: 10_000, maxHoldMs: 50 })) chunks.push([chunk.firstLine, linesOf(chunk), chunk.cutEarly]);
    })();
    // A line every 10 ms, each in two reads: 40 lines take 400 ms or more, the pause 10 s.
    const sent = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`);
    for (const line of sent) {
      input.write(line.slice(0, 3));
      await sleep(5);
      input.write(`${line.slice(3)}\n`);
      await sleep(5);
    }
    const cutWhileSending = [...chunks];
    input.end();
    await reading;
    expect(cutWhileSending.length).toBeGreaterThan(0);
    expect(cutWhileSending.every(([, , cutEarly]) => cutEarly)).toBe(true);
    expect(chunks.flatMap(([, lines]) => lines)).toEqual(sent);
    // Numbered on from one chunk to the next.
    chunks.reduce((firstLine, [at, lines]) => (expect(at).toBe(firstLine), firstLine + lines.length), 1);
  });

  it("end no chunk early because of a consumer slow to ask for it: the lines wait on it, not on the input", async () => {
    const chunks: [number, number, boolean][] = [];
    for await (const chunk of ndjsonChunks(Readable.from(["a\nb\nc\nd\ne\n", "f\ng\nh\ni\n"]), 3, { pauseMs: 10_000, maxHoldMs: 20 })) {
      chunks.push([chunk.firstLine, chunk.lineCount, chunk.cutEarly]);
      await sleep(80);
    }
    expect(chunks).toEqual([[1, 3, false], [4, 3, false], [7, 3, false]]);
  });

  it("read a stream of strings as their UTF-8", async () => {
    const chunks = [];
    for await (const chunk of ndjsonChunks(Readable.from(["a\n高", "仿\r", "\nb"]), 2)) chunks.push(linesOf(chunk));
    expect(chunks).toEqual([["a", "高仿"], ["b"]]);
  });
});
