import { readFileSync } from "node:fs";
import { join } from "node:path";
import { program } from "../../src/cli/main";
import { fencedBlocks, section } from "../support/readme";

// The commands the README gives an operator: the benchmark scripts, and the CLI's commands with
// their options. A command missing from the README is one no one finds; an option it shows that the
// CLI lacks is refused when typed as written.

const ROOT = join(__dirname, "..", "..");

const benchmarkScripts = () =>
  Object.keys((JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts).filter((name) =>
    /^(bench|eval):/.test(name),
  );

// The sh block that opens a section.
const firstShBlock = (heading: string) => {
  const text = section(heading);
  const block = fencedBlocks().find((candidate) => candidate.language === "sh" && text.includes(candidate.text));
  if (!block) throw new Error(`README.md's "${heading}" section has no sh block`);
  return block.text;
};

// "npm run cli -- generate [--listings 10000] ... > listings.ndjson   # realistic listings": the
// command and the options written before the comment.
const cliLines = () =>
  firstShBlock("Operator CLI")
    .split("\n")
    .map((line) => /npm run (?:-s )?cli -- ([a-z-]+)(.*)$/.exec(line.replace(/\s#\s.*$/, "")))
    .filter((match) => match !== null)
    .map(([, command, rest]) => ({ command, options: [...rest.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map(([option]) => option) }));

// Every command, with its long options but --help.
const cliCommands = () => new Map(program.commands.map((command) => [command.name(), command.options.map((option) => option.long ?? option.flags)] as const));

describe("the README's commands", () => {
  it("name every benchmark script in the Benchmarks block and in the layout", () => {
    const block = firstShBlock("Benchmarks and evaluation");
    const layoutLine = section("Layout")
      .split("\n")
      .find((line) => line.startsWith("bench/"));
    const scripts = benchmarkScripts();
    expect(scripts.length).toBeGreaterThan(5);
    expect(scripts.filter((script) => !block.includes(`npm run -s ${script} `))).toEqual([]);
    expect(scripts.filter((script) => !layoutLine?.includes(script))).toEqual([]);
  });

  it("give every CLI command, with the options each has and no other", () => {
    const optionsOf = cliCommands();
    expect(optionsOf.size).toBeGreaterThan(5);
    const lines = cliLines();
    expect([...new Set(lines.map((line) => line.command))].sort()).toEqual([...optionsOf.keys()].sort());
    const unknown = lines.flatMap(({ command, options }) => options.filter((option) => !optionsOf.get(command)?.includes(option)).map((option) => `${command} ${option}`));
    expect(unknown).toEqual([]);
    const unshown = [...optionsOf].flatMap(([command, options]) =>
      options.filter((option) => !lines.some((line) => line.command === command && line.options.includes(option))).map((option) => `${command} ${option}`),
    );
    expect(unshown).toEqual([]);
  });
});
