import { pipeline, Readable } from "node:stream";
import { createGunzip } from "node:zlib";

// A feed often comes gzip-compressed. A file or stdin whose first two bytes are gzip's magic number
// is read through gunzip; anything else is read as it is. (Read as text, a compressed file was
// rejected line by line: 136,614 lines of "not valid UTF-8" for a 17 MB file.)
export async function decompressedIfGzip(input: Readable): Promise<Readable> {
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const head: Buffer[] = [];
  let headLength = 0;
  while (headLength < 2) {
    const next = await chunks.next();
    if (next.done) break;
    const chunk = typeof next.value === "string" ? Buffer.from(next.value) : next.value;
    head.push(chunk);
    headLength += chunk.length;
  }
  async function* whole(): AsyncGenerator<Buffer | string> {
    yield* head;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  const read = Readable.from(whole(), { objectMode: false });
  const start = Buffer.concat(head, Math.min(headLength, 2));
  if (start.length < 2 || start[0] !== 0x1f || start[1] !== 0x8b) return read;
  const gunzip = createGunzip();
  // Registered before the reader's own listener, so that the reader sees the error said plainly.
  gunzip.on("error", (error) => {
    error.message = `the input is gzip-compressed but could not be decompressed: ${error.message}`;
  });
  return pipeline(read, gunzip, () => {});
}
