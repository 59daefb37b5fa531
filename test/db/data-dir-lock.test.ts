import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { lockDataDir } from "../../src/db/data-dir-lock";
import { serverUrl } from "../support/test-env";

// One process at a time on an embedded database's folder: these tests hold the lock in a child
// process and try to take it from the test's.
jest.setTimeout(60_000);

// The race below starts a process a round (about a minute in all on a loaded machine) and touches no
// database: it runs once, in the embedded database's pass of the suite, not again in the server's.
const inEmbeddedPass = serverUrl ? it.skip : it;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let dir: string;
let holder: ChildProcess | undefined;
let racers: ChildProcess[] = [];
let unlock = () => {};
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "alliance-lock-"));
});
afterEach(() => {
  holder?.kill("SIGKILL");
  holder = undefined;
  for (const racer of racers) racer.kill("SIGKILL");
  racers = [];
  unlock();
  unlock = () => {};
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}.lock`, { recursive: true, force: true });
});

// A child that takes the lock, says "locked", then runs `then` (JavaScript) and stays.
function holdLock(then = "") {
  const child = spawn(
    process.execPath,
    ["-r", "ts-node/register/transpile-only", "-e", `require("./src/db/data-dir-lock").lockDataDir(${JSON.stringify(dir)}); console.log("locked"); ${then}; setInterval(() => {}, 1000);`],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LOG_LEVEL: "error" } },
  );
  holder = child;
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const said = async (line: string) => {
    while (!stdout.includes(line)) {
      if (child.exitCode !== null) throw new Error(`the holder exited ${child.exitCode}: ${stderr}`);
      await sleep(20);
    }
  };
  return { child, exited, said, stderr: () => stderr };
}

// The file in the lock that names its holder ("<pid> <id> <process identity>").
function ownerFileOf(dir: string): string {
  const [name] = readdirSync(`${dir}.lock`);
  return join(`${dir}.lock`, name);
}

it("refuses the folder to a second process, and gives it once the first releases it", () => {
  const release = lockDataDir(dir);
  expect(() => lockDataDir(dir)).toThrow(/in use by another process/);
  // A lock is made beside the folder before it is put in place; a refused one is not left there.
  expect(readdirSync(tmpdir()).filter((entry) => entry.startsWith(`${basename(dir)}.lock.`))).toEqual([]);
  release();
  expect(existsSync(`${dir}.lock`)).toBe(false);
  unlock = lockDataDir(dir);
});

it("keeps the folder while the holder's main thread is held past the staleness by one long statement", async () => {
  // PGlite runs each statement synchronously on the main thread; 13 s of it is a large batch.
  const held = holdLock(`console.log("holding"); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 13_000); console.log("woke")`);
  await held.said("holding");
  await sleep(11_500);
  expect(() => lockDataDir(dir)).toThrow(/in use by another process/);
  await held.said("woke");
  await sleep(2_500);
  expect(held.child.exitCode).toBeNull();
  expect(() => lockDataDir(dir)).toThrow(/in use by another process/);
});

it("stops a process whose lock on the folder another process has taken", async () => {
  const held = holdLock();
  await held.said("locked");
  expect(() => lockDataDir(dir)).toThrow(/in use by another process/);
  // Paused past the staleness, the holder's lock is taken over; resumed, it finds out.
  held.child.kill("SIGSTOP");
  await sleep(11_000);
  unlock = lockDataDir(dir);
  held.child.kill("SIGCONT");
  expect(await held.exited).toBe(75);
  expect(held.stderr()).toContain("lost the lock on the embedded database's folder; stopping");
  // The stopped process leaves the taker's lock in place.
  expect(() => lockDataDir(dir)).toThrow(/in use by another process/);
});

it("frees the folder at once when the holder ends by a signal it does not handle", async () => {
  const held = holdLock();
  await held.said("locked");
  held.child.kill("SIGTERM");
  await held.exited;
  unlock = lockDataDir(dir);
});

// An OOM kill or a container stopped past its grace period: no handler runs, and the lock stays.
// Its owner is known to be gone, so a supervisor's restart a moment later is not refused.
it("takes the folder at once from a holder killed outright on this machine", async () => {
  const held = holdLock();
  await held.said("locked");
  held.child.kill("SIGKILL");
  await held.exited;
  expect(existsSync(`${dir}.lock`)).toBe(true);
  unlock = lockDataDir(dir);
});

it("does not take the folder of a live holder whose lock names a process of another machine", async () => {
  const held = holdLock();
  await held.said("locked");
  const ownerFile = ownerFileOf(dir);
  const [pid, id, identity] = readFileSync(ownerFile, "utf8").split(" ");
  writeFileSync(ownerFile, [pid, id, identity.replace(/^[^/]+/, "another-boot")].join(" "));
  expect(() => lockDataDir(dir)).toThrow(/in use by another process/);
});

// Killed, but not reaped by a parent that is busy or careless: a zombie runs no more.
it("takes the folder at once from a killed holder that its parent has not reaped", async () => {
  const script = `require("./src/db/data-dir-lock").lockDataDir(${JSON.stringify(dir)}); setInterval(() => {}, 1000);`;
  // The shell becomes sleep, which never reaps its child.
  const parent = spawn("sh", ["-c", `"${process.execPath}" -r ts-node/register/transpile-only -e '${script}' & exec sleep 60`], { stdio: "ignore" });
  holder = parent;
  // A lock is put in place with its owner file written.
  while (!existsSync(`${dir}.lock`)) await sleep(20);
  const pid = Number(readFileSync(ownerFileOf(dir), "utf8").split(" ")[0]);
  process.kill(pid, "SIGKILL");
  while (readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1][0] !== "Z") await sleep(20);
  unlock = lockDataDir(dir);
});

// A lock made by an earlier version, whose owner file is named "owner" whoever the owner.
it("takes over a stale lock of an earlier version, and refuses a fresh one", () => {
  mkdirSync(`${dir}.lock`);
  writeFileSync(join(`${dir}.lock`, "owner"), `1 ${randomUUID()} unknown`);
  expect(() => lockDataDir(dir)).toThrow(/in use by another process/);
  const stale = new Date(Date.now() - 11_000);
  utimesSync(`${dir}.lock`, stale, stale);
  unlock = lockDataDir(dir);
  expect(readdirSync(`${dir}.lock`)).toEqual([expect.stringMatching(/^owner-/)]);
});

it("refuses a lock folder that holds no owner file, rather than remove what it does not know", () => {
  mkdirSync(`${dir}.lock`);
  writeFileSync(join(`${dir}.lock`, "notes"), "");
  const stale = new Date(Date.now() - 11_000);
  utimesSync(`${dir}.lock`, stale, stale);
  expect(() => lockDataDir(dir)).toThrow(/holds no owner file: remove it if no process uses the database/);
  expect(readdirSync(`${dir}.lock`)).toEqual(["notes"]);
});

// A process that takes the lock each time it reads "go <time>" on stdin, at that time (racers
// started together), saying "locked" or "refused: <message>"; what it takes it holds until killed.
function racer() {
  const script = `
    const { lockDataDir } = require("./src/db/data-dir-lock");
    console.log("ready");
    require("node:readline").createInterface({ input: process.stdin }).on("line", (line) => {
      const at = Number(line.split(" ")[1]);
      while (Date.now() < at);
      try {
        lockDataDir(${JSON.stringify(dir)});
        console.log("locked");
      } catch (error) {
        console.log("refused: " + error.message);
      }
    });`;
  const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], {
    stdio: ["pipe", "pipe", "inherit"],
    env: { ...process.env, LOG_LEVEL: "error" },
  });
  racers.push(child);
  const lines: string[] = [];
  let rest = "";
  child.stdout.on("data", (chunk: Buffer) => {
    const parts = (rest + chunk.toString()).split("\n");
    rest = parts.pop()!;
    lines.push(...parts);
  });
  const next = async () => {
    while (lines.length === 0) {
      if (child.exitCode !== null) throw new Error(`a racer exited ${child.exitCode}`);
      await sleep(10);
    }
    return lines.shift()!;
  };
  return { child, next };
}

// Processes started together on a lock left by a killed one (a supervisor restarting the server
// while an operator runs the CLI): one takes the folder, the others are refused, however they
// interleave. Each round's holder is killed, leaving the next round a dead holder's lock.
inEmbeddedPass("gives a dead holder's folder to exactly one of many processes taking it over at once", async () => {
  const held = holdLock();
  await held.said("locked");
  held.child.kill("SIGKILL");
  await held.exited;
  let taking = Array.from({ length: 8 }, racer);
  for (const { next } of taking) expect(await next()).toBe("ready");
  for (let round = 0; round < 10; round++) {
    const at = Date.now() + 100;
    for (const { child } of taking) child.stdin!.write(`go ${at}\n`);
    const answers = await Promise.all(taking.map(({ next }) => next()));
    const holders = taking.filter((_, i) => answers[i] === "locked");
    expect({ round, holders: holders.length }).toEqual({ round, holders: 1 });
    for (const answer of answers.filter((answer) => answer !== "locked")) expect(answer).toMatch(/^refused: The embedded database in .* is in use by another process/);
    for (const { child } of holders) {
      child.kill("SIGKILL");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    const fresh = holders.map(racer);
    for (const { next } of fresh) expect(await next()).toBe("ready");
    taking = [...taking.filter((racing) => !holders.includes(racing)), ...fresh];
  }
}, 300_000);
