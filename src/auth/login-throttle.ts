import { createHash } from "node:crypto";
import type { EntityManager } from "typeorm";
import type { LoginThrottlePolicy } from "../config";
import { ApiError, ErrorCode } from "../errors";

// Password guessing is slowed per email address: after `maxFailures` failed sign-ins within
// `windowSeconds` of the first, every sign-in for that address, right password or not, is refused
// with RATE_LIMITED until the window ends. An unknown address counts exactly as a known one, so
// the refusal tells nothing about who has an account. The counts live in the database (one row an
// address, login_failure), shared by every API process; a sign-in that succeeds clears its row.

const WINDOW = "make_interval(secs => $2)";
// Finished windows that a failure deletes on its way, so that the table holds little more than
// the addresses failing now, however many have failed before.
const PRUNED_PER_FAILURE = 10;

export const emailDigest = (normalizedEmail: string) => createHash("sha256").update(normalizedEmail, "utf8").digest("hex");

// RATE_LIMITED when the address has used up its failures in a window that has not ended.
export async function assertSignInAllowed(manager: EntityManager, digest: string, policy: LoginThrottlePolicy): Promise<void> {
  const rows: { seconds_left: number }[] = await manager.query(
    `SELECT ceil(extract(epoch FROM window_started_at + ${WINDOW} - now()))::int AS seconds_left
       FROM login_failure
      WHERE email_digest = $1 AND failures >= $3 AND window_started_at > now() - ${WINDOW}`,
    [digest, policy.windowSeconds, policy.maxFailures],
  );
  if (rows.length === 0) return;
  const retryAfterSeconds = Math.max(1, rows[0].seconds_left);
  throw new ApiError(
    ErrorCode.RATE_LIMITED,
    `Too many failed sign-ins for this email address (${policy.maxFailures} in ${policy.windowSeconds} seconds); retry in ${retryAfterSeconds} seconds`,
    { retryAfterSeconds },
  );
}

// One statement, so that failures arriving at once through several processes are all counted.
export async function recordSignInFailure(manager: EntityManager, digest: string, policy: LoginThrottlePolicy): Promise<void> {
  await manager.query(
    `WITH pruned AS (
       DELETE FROM login_failure
        WHERE email_digest IN (SELECT email_digest FROM login_failure
                                WHERE window_started_at <= now() - ${WINDOW} AND email_digest <> $1
                                LIMIT ${PRUNED_PER_FAILURE})
     )
     INSERT INTO login_failure AS f (email_digest, failures, window_started_at) VALUES ($1, 1, now())
     ON CONFLICT (email_digest) DO UPDATE SET
       failures = CASE WHEN f.window_started_at <= now() - ${WINDOW} THEN 1 ELSE f.failures + 1 END,
       window_started_at = CASE WHEN f.window_started_at <= now() - ${WINDOW} THEN now() ELSE f.window_started_at END`,
    [digest, policy.windowSeconds],
  );
}

export async function clearSignInFailures(manager: EntityManager, digest: string): Promise<void> {
  await manager.query(`DELETE FROM login_failure WHERE email_digest = $1`, [digest]);
}
