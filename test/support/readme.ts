import { readFileSync } from "node:fs";
import { join } from "node:path";

// The README read as the tests that hold it to the code need it: its fenced blocks, and the text
// under one heading.

export const README_FILE = join(__dirname, "..", "..", "README.md");

export interface FencedBlock {
  // The info string after the opening fence ("graphql", "sh"), "" when there is none.
  language: string;
  // The README's line number of the block's first line of content (1-based).
  firstLine: number;
  text: string;
}

const readmeLines = () => readFileSync(README_FILE, "utf8").split("\n");

export function fencedBlocks(): FencedBlock[] {
  const lines = readmeLines();
  const blocks: FencedBlock[] = [];
  let open: { language: string; firstLine: number; body: string[] } | null = null;
  lines.forEach((line, index) => {
    const fence = /^```(\S*)\s*$/.exec(line);
    if (!fence) {
      open?.body.push(line);
      return;
    }
    if (open) {
      blocks.push({ language: open.language, firstLine: open.firstLine, text: open.body.join("\n") });
      open = null;
    } else {
      open = { language: fence[1], firstLine: index + 2, body: [] };
    }
  });
  if (open) throw new Error(`README.md: the fenced block opened at line ${(open as { firstLine: number }).firstLine - 1} is never closed`);
  return blocks;
}

// The lines under a `## heading`, up to the next heading of that level.
export function section(heading: string): string {
  const lines = readmeLines();
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`README.md has no "## ${heading}" section`);
  const end = lines.findIndex((line, index) => index > start && line.startsWith("## "));
  return lines.slice(start + 1, end < 0 ? undefined : end).join("\n");
}
