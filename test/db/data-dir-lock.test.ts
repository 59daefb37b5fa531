import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lockDataDir } from "../../src/db/data-dir-lock";

// One process at a time on an embedded database's folder: these tests hold the lock in a child
// process and try to take it from the test's.
jest.setTimeout(60_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let dir: string;
let holder: ChildProcess | undefined;
let unlock = () => {};
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "alliance-lock-"));
});
afterEach(() => {
  holder?.kill("SIGKILL");
  holder = undefined;
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

it("refuses the folder to a second process, and gives it once the first releases it", () => {
  const release = lockDataDir(dir);
  expect(() => lockDataDir(dir)).toThrow(/in use by another process/);
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
  const ownerFile = join(`${dir}.lock`, "owner");
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
  const ownerFile = join(`${dir}.lock`, "owner");
  while (!existsSync(ownerFile) || readFileSync(ownerFile, "utf8") === "") await sleep(20);
  const pid = Number(readFileSync(ownerFile, "utf8").split(" ")[0]);
  process.kill(pid, "SIGKILL");
  while (readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1][0] !== "Z") await sleep(20);
  unlock = lockDataDir(dir);
});
