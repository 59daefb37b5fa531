// Quota windows and report periods start at a UTC hour, day or month, by the database's clock or
// the API's (both this machine's). A test whose steps must all fall in one such window waits out
// the end of the current one when it is nearer than the steps could take, instead of failing the
// one run in thousands that straddles it.
export type UtcWindow = "hour" | "day" | "month";

export function nextUtcWindowStart(unit: UtcWindow, nowMs: number): number {
  const now = new Date(nowMs);
  if (unit === "hour") return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), now.getUTCHours() + 1);
  if (unit === "day") return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
}

// Resolves at once when the current window has at least `needMs` left, else just after it ends.
export async function inOneUtcWindow(unit: UtcWindow, needMs = 10_000): Promise<void> {
  const now = Date.now();
  const left = nextUtcWindowStart(unit, now) - now;
  if (left < needMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
