import { driverErrorOf, isConnectionLoss } from "./transaction";

// A server that cannot be reached, or will not let the API in: said in a line, not as an error object.
const UNREACHABLE = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|28P01|28000|3D000)$/;
export function databaseRefusal(error: unknown): string | null {
  const primary = process.env.DATABASE_URL;
  const message = String((error as Error)?.message);
  if (!primary || !(UNREACHABLE.test(driverErrorOf(error).code ?? "") || isConnectionLoss(error) || /timeout/i.test(message))) return null;
  const { variable, url } = refusingServer(error, primary);
  const { hostname, port, pathname } = new URL(url);
  return (
    `Cannot use the PostgreSQL server of ${variable} (${hostname}:${port || 5432}${pathname}): ${message}. ` +
    `Check that it is running, and that ${variable} names it, its database and a user that may connect`
  );
}

// The server a refused connection was to: a replica's when its address names one and not the
// primary (a refused sign-in names no address, and is the primary's, which is tried first).
function refusingServer(error: unknown, primary: string): { variable: string; url: string } {
  const { address, port } = driverErrorOf(error) as { address?: string; port?: number };
  const isAt = (url: string) => {
    const server = new URL(url);
    return (!address || server.hostname === address) && (!port || Number(server.port || 5432) === port);
  };
  const replica = (process.env.DATABASE_REPLICA_URLS ?? "").split(",").find((url) => url && isAt(url));
  return replica && !isAt(primary) ? { variable: "DATABASE_REPLICA_URLS", url: replica } : { variable: "DATABASE_URL", url: primary };
}
