import type { EntityManager } from "typeorm";
import type { LoginThrottlePolicy } from "../config";
import { ApiError, ErrorCode } from "../errors";

// Password guessing is slowed per email address: an address has `maxFailures` sign-ins that fail
// within `windowSeconds` of its first failure; after that every sign-in for it, right password or
// not, is refused with RATE_LIMITED until the window ends. An unknown address counts exactly as a
// known one, so the refusal tells nothing about who has an account. The counts live in the
// database (one row an address, login_failure), shared by every API process.
//
// Each sign-in takes one of the window's attempts before its password is checked, and gives that
// one back when the password was right: attempts sent all at once, through any number of
// processes, get no more password checks than the limit. A successful sign-in gives back its own
// attempt only, never the failures before it: someone failing an address's sign-ins on purpose
// would otherwise see from their count starting over when its owner signed in, and so that the
// address has an account. Until its password is checked, an attempt is also counted as `checking`:
// a sign-in refused while the window's attempts are used up only with such ones (several sent at
// once by the account's owner) is told to retry in a second, when they will have been given back
// or become failures, rather than at the window's end.

const WINDOW = "make_interval(secs => $2)";
const ENDED = `f.window_started_at <= now() - ${WINDOW}`;
// Rows of ended windows that an attempt deletes on its way, so that the table holds little more
// than the addresses failing now, however many have failed before. It skips rows another sign-in
// holds (two attempts pruning each other's rows would deadlock), and checks the window again on
// the row it deletes, which a sign-in may have started afresh meanwhile.
const PRUNED_PER_ATTEMPT = 10;

// Which window an attempt was counted in (its start, as the database writes it, to the
// microsecond): the attempt is settled in that window only. One that ends, or that an operator
// clears, while the attempt is checked is no longer the address's window, and settling there would
// take a failure or a `checking` from the window that followed.
export type SignInWindow = string;

// Counts the attempt, or refuses it with RATE_LIMITED when the window's attempts are used up.
export async function takeSignInAttempt(manager: EntityManager, digest: string, policy: LoginThrottlePolicy): Promise<SignInWindow> {
  const taken: { window: SignInWindow }[] = await manager.query(
    `WITH pruned AS (
       DELETE FROM login_failure
        WHERE email_digest IN (SELECT email_digest FROM login_failure
                                WHERE window_started_at <= now() - ${WINDOW} AND email_digest <> $1
                                LIMIT ${PRUNED_PER_ATTEMPT} FOR UPDATE SKIP LOCKED)
          AND window_started_at <= now() - ${WINDOW}
     )
     INSERT INTO login_failure AS f (email_digest, failures, checking, window_started_at) VALUES ($1, 1, 1, now())
     ON CONFLICT (email_digest) DO UPDATE SET
       failures = CASE WHEN ${ENDED} THEN 1 ELSE f.failures + 1 END,
       checking = CASE WHEN ${ENDED} THEN 1 ELSE f.checking + 1 END,
       window_started_at = CASE WHEN ${ENDED} THEN now() ELSE f.window_started_at END
     WHERE ${ENDED} OR f.failures < $3
     RETURNING f.window_started_at::text AS window`,
    [digest, policy.windowSeconds, policy.maxFailures],
  );
  if (taken.length > 0) return taken[0].window;
  const [window]: { seconds_left: number; failed: number }[] = await manager.query(
    `SELECT ceil(extract(epoch FROM f.window_started_at + ${WINDOW} - now()))::int AS seconds_left, f.failures - f.checking AS failed
       FROM login_failure f WHERE f.email_digest = $1`,
    [digest, policy.windowSeconds],
  );
  if (window && window.failed < policy.maxFailures) {
    throw new ApiError(ErrorCode.RATE_LIMITED, "Other sign-ins for this email address are having their password checked; retry in a second", {
      retryAfterSeconds: 1,
    });
  }
  // A window that ended between the refusal and this read is over: asking again is enough.
  const retryAfterSeconds = Math.max(1, window?.seconds_left ?? 1);
  throw new ApiError(
    ErrorCode.RATE_LIMITED,
    `Too many failed sign-ins for this email address (${policy.maxFailures} in ${policy.windowSeconds} seconds); retry in ${retryAfterSeconds} seconds`,
    { retryAfterSeconds },
  );
}

// After a sign-in that succeeded: the attempt it took is given back (the address's row goes when
// no failure is left in it).
export async function giveBackSignInAttempt(manager: EntityManager, digest: string, window: SignInWindow): Promise<void> {
  await manager.query(
    `WITH emptied AS (DELETE FROM login_failure WHERE email_digest = $1 AND window_started_at = $2::timestamptz AND failures <= 1)
     UPDATE login_failure SET failures = failures - 1, checking = greatest(checking - 1, 0)
      WHERE email_digest = $1 AND window_started_at = $2::timestamptz AND failures > 1`,
    [digest, window],
  );
}

// After a sign-in that failed: its attempt stays a failure, no longer being checked. Returns the
// window's failures so far (0 when the window is gone): the one that reaches the limit, once a window,
// is the one that locks the address.
export async function keepSignInFailure(manager: EntityManager, digest: string, window: SignInWindow): Promise<number> {
  const rows: { failed: number }[] = await manager.query(
    `WITH kept AS (UPDATE login_failure SET checking = greatest(checking - 1, 0) WHERE email_digest = $1 AND window_started_at = $2::timestamptz
                   RETURNING failures - checking AS failed)
     SELECT failed FROM kept`,
    [digest, window],
  );
  return rows[0]?.failed ?? 0;
}

// When an operator lets the address in again: its failures are forgotten. Returns how many there were.
export async function clearSignInFailures(manager: EntityManager, digest: string): Promise<number> {
  // As a SELECT, so that TypeORM answers the rows (a DELETE's answer is [rows, count]).
  const rows: { failures: number }[] = await manager.query(
    `WITH cleared AS (DELETE FROM login_failure WHERE email_digest = $1 RETURNING failures) SELECT failures FROM cleared`,
    [digest],
  );
  return rows[0]?.failures ?? 0;
}
