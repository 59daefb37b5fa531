import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { README_FILE } from "../support/readme";

// The README sends readers to files by path ("src/db/transaction.ts") or by name ("entity-rows.ts"
// in the layout): a file moved or renamed would leave it describing a layout the code no longer has.

const ROOT = join(__dirname, "..", "..");
const text = readFileSync(README_FILE, "utf8");

// Paths inside the repository, as written; a trailing full stop ends the sentence, not the path.
const paths = [...text.matchAll(/(?<![\w./-])(?:\.ci|src|test|bench|scripts|docs)\/[\w./-]*/g)].map(([path]) => path.replace(/\.$/, ""));

// Names of files outside the repository that the README points to ("../shared/DESIGN.md").
const outside = new Set([...text.matchAll(/\.\.\/[\w./-]+/g)].map(([path]) => basename(path)));

const names = [...text.matchAll(/(?<![\w./-])[\w-]+(?:\.[\w-]+)*\.(?:ts|md|sh|graphql)\b/g)]
  .map(([name]) => name)
  .filter((name) => !outside.has(name));

// Every file's name in the repository, dependencies and data left out.
function fileNames(dir: string, found = new Set<string>()): Set<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (["node_modules", ".git", ".data"].includes(entry.name)) continue;
    if (entry.isDirectory()) fileNames(join(dir, entry.name), found);
    else found.add(entry.name);
  }
  return found;
}

describe("the files the README names", () => {
  it("are found: paths and bare file names", () => {
    expect(paths.length).toBeGreaterThan(10);
    expect(names.length).toBeGreaterThan(10);
  });

  it("exist at every path it gives", () => {
    expect([...new Set(paths)].filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });

  it("exist somewhere in the repository by every bare name it gives", () => {
    const files = fileNames(ROOT);
    expect([...new Set(names)].filter((name) => !files.has(name))).toEqual([]);
  });
});
