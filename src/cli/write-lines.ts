import type { Writable } from "node:stream";

// Writes one line per item, waiting whenever the stream's buffer is full, so that memory stays
// flat however many items there are. A closed pipe (`| head`, EPIPE) ends the command quietly; any
// other write error (a full disk) is thrown once the writes stop, so that the command fails rather
// than leave a cut file behind an exit code of 0.
export async function writeLines<T>(out: Writable, items: Iterable<T>, format: (item: T) => string): Promise<void> {
  let failure: NodeJS.ErrnoException | null = null;
  const failed = (error: NodeJS.ErrnoException) => {
    failure ??= error;
  };
  out.on("error", failed);
  try {
    for (const item of items) {
      if (failure) break;
      if (!out.write(`${format(item)}\n`)) await settled(out, "drain");
    }
    // The last writes may still be on their way: their errors count too.
    if (!failure) await new Promise<void>((resolve) => out.write("", () => resolve()));
  } finally {
    out.off("error", failed);
  }
  const error = failure as NodeJS.ErrnoException | null;
  if (error && error.code !== "EPIPE") throw new Error(`the output could not be written (${error.code ?? error.message}); what was written is incomplete`);
}

// Resolves on the stream's `event`, or on its error (which the caller has recorded).
function settled(out: Writable, event: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      out.off(event, done);
      out.off("error", done);
      resolve();
    };
    out.on(event, done);
    out.on("error", done);
  });
}
