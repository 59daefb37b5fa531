import { readFileSync, readlinkSync } from "node:fs";

// One process, named so that another process can tell later whether it still runs: a pid alone
// is reused (by the next process, or by pid 1 of a restarted container), but with its start time,
// the boot and the pid namespace it was counted in, it names one process. Linux only: elsewhere
// there is no identity, and nothing can be told from it.
export function processIdentity(): string | null {
  try {
    return [bootId(), pidNamespace(), process.pid, stat(process.pid)[1]].join("/");
  } catch {
    return null;
  }
}

// True only when the process is known to have ended: it was counted in this process's boot and
// pid namespace, and its pid is free, another process's, or a zombie (killed, not yet reaped by
// its parent). A process of another machine, container or boot may still run.
export function processEnded(identity: string): boolean {
  const [boot, namespace, pid, started] = identity.split("/");
  try {
    if (boot !== bootId() || namespace !== pidNamespace()) return false;
  } catch {
    return false;
  }
  try {
    const [state, startedAt] = stat(Number(pid));
    return startedAt !== started || state === "Z";
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT";
  }
}

const bootId = () => readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
const pidNamespace = () => readlinkSync("/proc/self/ns/pid");

// The process's state and its start (clock ticks from boot): the 3rd and 22nd fields of
// /proc/<pid>/stat, counted after the command name, which is in parentheses and may hold spaces.
function stat(pid: number): [state: string, startedAt: string] {
  const text = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return [fields[0], fields[19]];
}
