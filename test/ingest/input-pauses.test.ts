import { PassThrough, Readable } from "node:stream";
import { PAUSE, readsWithPauses } from "../../src/ingest/input-pauses";

// A feed on stdin that stays open and stops sending is told apart from an input that flows, however
// long whoever reads it takes over each read.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const said = (read: Buffer | string | typeof PAUSE) => (read === PAUSE ? "pause" : read.toString());

it("tells no pause in an input whose reads come at once, though each is handled more slowly than the pause", async () => {
  const reads: string[] = [];
  for await (const read of readsWithPauses(Readable.from(["a", "b", "c", "d"], { objectMode: false }), 10)) {
    reads.push(said(read));
    await sleep(40);
  }
  expect(reads.join("")).toBe("abcd");
  expect(reads).not.toContain("pause");
});

it("tells a pause once, after nothing came for the time given, and again only after the next read", async () => {
  const input = new PassThrough();
  const reads: string[] = [];
  const reading = (async () => {
    for await (const read of readsWithPauses(input, 10)) reads.push(said(read));
  })();
  input.write("a");
  await sleep(150);
  expect(reads).toEqual(["a", "pause"]);
  input.write("b");
  await sleep(150);
  input.end("c");
  await reading;
  expect(reads).toEqual(["a", "pause", "b", "pause", "c"]);
});
