import type { Writable } from "node:stream";

// Writes one line per item, waiting whenever the stream's buffer is full, so that memory stays
// flat however many items there are (and a closed pipe such as `| head` ends the command quietly).
export async function writeLines<T>(out: Writable, items: Iterable<T>, format: (item: T) => string): Promise<void> {
  let closed = false;
  out.on("error", () => {
    closed = true;
  });
  for (const item of items) {
    if (closed) return;
    if (!out.write(`${format(item)}\n`)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          out.off("drain", done);
          out.off("error", done);
          resolve();
        };
        out.on("drain", done);
        out.on("error", done);
      });
    }
  }
}
