import { Writable } from "node:stream";
import { writeLines } from "../../src/cli/write-lines";

// A stream that takes `room` lines, then fails every write with `code`.
function failingAfter(room: number, code: string) {
  const lines: string[] = [];
  const out = new Writable({
    highWaterMark: 16,
    write(chunk: Buffer, _encoding, callback) {
      if (chunk.length === 0) return callback();
      if (lines.length >= room) return callback(Object.assign(new Error(`write ${code}`), { code }));
      lines.push(chunk.toString());
      callback();
    },
  });
  return { out, lines };
}

const numbers = function* (count: number) {
  for (let i = 0; i < count; i++) yield i;
};

it("writes every line", async () => {
  const { out, lines } = failingAfter(Infinity, "ENOSPC");
  await writeLines(out, numbers(1_000), String);
  expect(lines).toHaveLength(1_000);
  expect(lines[999]).toBe("999\n");
});

it("stops quietly at a closed pipe, as `| head` closes it", async () => {
  const { out, lines } = failingAfter(10, "EPIPE");
  await expect(writeLines(out, numbers(1_000), String)).resolves.toBeUndefined();
  expect(lines).toHaveLength(10);
});

it("fails on any other write error, such as a full disk, rather than leave a cut file unsaid", async () => {
  const { out } = failingAfter(10, "ENOSPC");
  await expect(writeLines(out, numbers(1_000), String)).rejects.toThrow("the output could not be written (ENOSPC); what was written is incomplete");
});
