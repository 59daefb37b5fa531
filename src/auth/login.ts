import type { EntityManager } from "typeorm";
import type { LoginThrottlePolicy } from "../config";
import type { TokenService } from "./jwt";
import type { KeyedHasher } from "../domain/intel/keyed-hash";
import { standingRefusal } from "./account-standing";
import { giveBackSignInAttempt, keepSignInFailure, takeSignInAttempt } from "./login-throttle";
import { MAX_PASSWORD_LENGTH, UNKNOWN_USER_HASH, verifyPassword } from "./password";
import { OrgStatus } from "../entities/enums";
import { unauthenticated, type ApiError } from "../errors";
import { normalizedEmail } from "./email-address";
import { recordAudit } from "../domain/audit";

export interface SignInChecks {
  hasher: KeyedHasher;
  throttle: LoginThrottlePolicy;
  client: string;
}

// One answer for a wrong email and a wrong password, each costing one password hash, so that
// neither the message nor the time tells them apart. Only once the password has proved right is
// a disabled user or a suspended organization told so: the person is then the account's owner,
// and "invalid password" would send them off to reset it. Each sign-in counts as a failure of its
// address until it succeeds (login-throttle.ts).
export async function login(
  manager: EntityManager,
  { tokens, ...checks }: SignInChecks & { tokens: TokenService },
  email: string,
  password: string,
): Promise<{ token: string; expiresAt: Date }> {
  const user = await checkPassword(manager, checks, email, password, () => unauthenticated("Invalid email or password"));
  return tokens.sign({ userId: user.id, orgId: user.ownerOrgId });
}

// The account of `email`, when `password` is its own and it may sign in; `wrong` is the answer
// otherwise. Counted as a sign-in of the address (a wrong password as a failure, up to the
// throttle's limit), whoever asks: a signed-in user confirming their password too, so that a
// stolen token cannot try passwords faster than anyone may.
export async function checkPassword(
  manager: EntityManager,
  { hasher, throttle, client }: SignInChecks,
  email: string,
  password: string,
  wrong: () => ApiError,
): Promise<{ id: string; ownerOrgId: string }> {
  const address = normalizedEmail(email);
  const digest = hasher.signInKeyHex(address);
  const window = await takeSignInAttempt(manager, digest, throttle);
  // Every way out settles the attempt, or it would stay counted as `checking` until its window
  // ended, and the address's other sign-ins be refused for it. Only a password that proved wrong (or
  // a right one of an account that may not sign in) leaves a failure: one refused before its check
  // (the lookup failed, too many hashing at once) is none, or anyone keeping the database or the
  // hashes busy would use up a stranger's sign-ins.
  let failed: { userId: string | null } | null = null;
  try {
    const rows: { id: string; owner_org_id: string; password_hash: string; disabled: boolean; org_status: OrgStatus }[] = await manager.query(
      `SELECT u.id, u.owner_org_id, u.password_hash, u.disabled_at IS NOT NULL AS disabled, o.status AS org_status
         FROM app_user u JOIN organization o ON o.id = u.owner_org_id
        WHERE u.email = $1`,
      [address],
    );
    const user = rows[0];
    const valid = password.length <= MAX_PASSWORD_LENGTH && (await verifyPassword(password, user?.password_hash ?? UNKNOWN_USER_HASH, client));
    // A disabled user's or a suspended member's right password is still a sign-in that failed.
    const refusal = !user || !valid ? wrong() : standingRefusal({ disabled: user.disabled, orgStatus: user.org_status });
    if (refusal) {
      failed = { userId: user?.id ?? null };
      throw refusal;
    }
    return { id: user.id, ownerOrgId: user.owner_org_id };
  } finally {
    if (!failed) await giveBackSignInAttempt(manager, digest, window);
    else if ((await keepSignInFailure(manager, digest, window)) === throttle.maxFailures) await recordLockout(manager, failed.userId, throttle);
  }
}

// The platform's audit log shows each address locked out, so that an attack on it (or its owner's
// being kept out) is seen before its owner complains: the account when the address has one, and
// never the address itself (anyone may try any address).
async function recordLockout(manager: EntityManager, userId: string | null, throttle: LoginThrottlePolicy): Promise<void> {
  await recordAudit(manager, null, {
    action: "signIn.lockout",
    targetType: "User",
    targetId: userId,
    after: { failures: throttle.maxFailures, windowSeconds: throttle.windowSeconds },
  });
}
