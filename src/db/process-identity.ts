import { readFileSync, readlinkSync } from "node:fs";

// One process, named so that another process can tell later whether it still runs: a pid alone
// is reused (by the next process, or by pid 1 of a restarted container), but with its start time,
// the boot and the pid namespace it was counted in, it names one process. Linux only: elsewhere
// there is no identity, and nothing can be told from it.
export function processIdentity(): string | null {
  try {
    return [bootId(), pidNamespace(), process.pid, startTime(process.pid)].join("/");
  } catch {
    return null;
  }
}

// True only when the process is known to have ended: it was counted in this process's boot and
// pid namespace, and its pid is free or another process's. A process of another machine,
// container or boot, or one whose identity is unknown, may still run.
export function processEnded(identity: string): boolean {
  const [boot, namespace, pid, started] = identity.split("/");
  try {
    if (boot !== bootId() || namespace !== pidNamespace()) return false;
  } catch {
    return false;
  }
  try {
    return startTime(Number(pid)) !== started;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT";
  }
}

const bootId = () => readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
const pidNamespace = () => readlinkSync("/proc/self/ns/pid");

// Clock ticks from boot to the process's start: the 22nd field of /proc/<pid>/stat, counted after
// the command name, which is in parentheses and may hold spaces.
function startTime(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
}
