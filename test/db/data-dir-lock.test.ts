import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lockDataDir } from "../../src/db/data-dir-lock";

// A process that loses the embedded database's folder to another (it was paused past the lock's
// staleness, and the other took the lock) stops, rather than answer writes it may lose.
jest.setTimeout(60_000);

it("stops a process whose lock on the folder another process has taken", async () => {
  const dir = mkdtempSync(join(tmpdir(), "alliance-lock-"));
  const holder = spawn(
    process.execPath,
    ["-r", "ts-node/register/transpile-only", "-e", `require("./src/db/data-dir-lock").lockDataDir(${JSON.stringify(dir)}); console.log("locked"); setInterval(() => {}, 1000);`],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LOG_LEVEL: "error" } },
  );
  let stderr = "";
  holder.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => holder.once("exit", resolve));
  let unlock = () => {};
  try {
    await new Promise<void>((resolve) => holder.stdout.once("data", () => resolve()));
    expect(() => lockDataDir(dir)).toThrow(/in use by another process/);
    // Paused past the staleness, the holder's lock is taken over; resumed, it finds out.
    holder.kill("SIGSTOP");
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    unlock = lockDataDir(dir);
    holder.kill("SIGCONT");
    expect(await exited).toBe(75);
    expect(stderr).toContain("lost the lock on the embedded database's folder; stopping");
  } finally {
    holder.kill("SIGKILL");
    unlock();
    rmSync(dir, { recursive: true, force: true });
  }
});
