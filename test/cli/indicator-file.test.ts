import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importRefusal, inLinesOf, readIndicatorFile } from "../../src/cli/indicator-file";

// An indicator import file is read whole, naming each row it cannot read by its line, so that
// the import can name every bad row at once.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "indicator-file-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fileOf = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("an indicator import file", () => {
  it("in CSV gives each record the line it starts on, a quoted line break included, and reads past a bad row", () => {
    const path = fileOf("rows.csv", '\uFEFFkind,value,note,confidence\r\nKEYWORD,one,"two\nlines",\r\nKEYWORD,two,,lots\nPHONE,+86 138 0013 8000,,80\n');
    const { rows, problems } = readIndicatorFile(path);
    expect(rows.map((row) => [row.line, row.value, row.note, row.confidence])).toEqual([
      [2, "one", "two\nlines", null],
      [5, "+86 138 0013 8000", null, 80],
    ]);
    expect(problems).toEqual([{ line: 4, reason: "confidence must be a whole number" }]);
  });

  it("in NDJSON names every line that is not a JSON object, or has a bad date, and reads the rest", () => {
    const path = fileOf("rows.ndjson", ['{"kind":"KEYWORD","value":"a"}', "{not json", "[1]", "", '{"kind":"KEYWORD","value":"b","expiresAt":"soon"}', '{"kind":"KEYWORD","value":"c"}'].join("\n"));
    const { rows, problems } = readIndicatorFile(path);
    expect(rows.map((row) => [row.line, row.value])).toEqual([
      [1, "a"],
      [6, "c"],
    ]);
    expect(problems).toEqual([
      { line: 2, reason: "not valid JSON" },
      { line: 3, reason: "expected a JSON object" },
      { line: 5, reason: "expiresAt is not an ISO 8601 date" },
    ]);
  });

  it("in NDJSON reads a byte order mark on the first line, and names one further on, where files were joined", () => {
    const path = fileOf("joined.ndjson", ['\uFEFF{"kind":"KEYWORD","value":"a"}', '\uFEFF{"kind":"KEYWORD","value":"b"}'].join("\n"));
    const { rows, problems } = readIndicatorFile(path);
    expect(rows.map((row) => [row.line, row.value])).toEqual([[1, "a"]]);
    expect(problems).toEqual([
      { line: 2, reason: "starts with a byte order mark (U+FEFF), which only a file's first line may carry: files joined into one? Remove it from the line's start" },
    ]);
  });

  it("in CSV names a byte order mark or a header row further on, where files were joined", () => {
    const path = fileOf("joined.csv", ["\uFEFFkind,value", "KEYWORD,a", "\uFEFFkind,value", "kind, value", "KEYWORD,b"].join("\n"));
    const { rows, problems } = readIndicatorFile(path);
    expect(rows.map((row) => [row.line, row.value])).toEqual([
      [2, "a"],
      [5, "b"],
    ]);
    expect(problems).toEqual([
      { line: 3, reason: "starts with a byte order mark (U+FEFF), which only a file's first line may carry: files joined into one? Remove it from the line's start" },
      { line: 4, reason: "repeats the header row: files joined into one? Remove the line" },
    ]);
  });
});

describe("an import's refusal", () => {
  it("names items by their file lines, and the first 50 bad rows, then how many more", () => {
    const rows = [{ line: 2 }, { line: 5 }, { line: 9 }];
    expect(inLinesOf(rows)("[2] PHONE value is invalid; the same PHONE as item 0")).toBe("[line 9] PHONE value is invalid; the same PHONE as line 2");
    const bad = Array.from({ length: 60 }, (_, i) => ({ line: i + 2, reason: "bad" }));
    const lines = importRefusal("x.csv", bad).message.split("\n");
    expect(lines[0]).toBe("60 bad rows in x.csv; nothing was imported:");
    expect(lines.slice(1, -1)).toHaveLength(50);
    expect(lines[50]).toBe("  line 51: bad");
    expect(lines.at(-1)).toBe("  and 10 more");
  });
});
