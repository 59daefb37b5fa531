import type { EntityManager } from "typeorm";
import type { LoginThrottlePolicy } from "../config";
import type { TokenService } from "./jwt";
import type { KeyedHasher } from "../domain/intel/keyed-hash";
import { standingRefusal } from "./account-standing";
import { giveBackSignInAttempt, keepSignInFailure, takeSignInAttempt } from "./login-throttle";
import { MAX_PASSWORD_LENGTH, UNKNOWN_USER_HASH, verifyPassword } from "./password";
import { OrgStatus } from "../entities/enums";
import { unauthenticated } from "../errors";
import { normalizedEmail } from "./email-address";

// One answer for a wrong email and a wrong password, each costing one password hash, so that
// neither the message nor the time tells them apart. Only once the password has proved right is
// a disabled user or a suspended organization told so: the person is then the account's owner,
// and "invalid password" would send them off to reset it. Each sign-in counts as a failure of its
// address until it succeeds (login-throttle.ts).
export async function login(
  manager: EntityManager,
  { tokens, hasher, throttle }: { tokens: TokenService; hasher: KeyedHasher; throttle: LoginThrottlePolicy },
  email: string,
  password: string,
): Promise<{ token: string; expiresAt: Date }> {
  const address = normalizedEmail(email);
  const digest = hasher.signInKeyHex(address);
  const window = await takeSignInAttempt(manager, digest, throttle);
  const rows: { id: string; owner_org_id: string; password_hash: string; disabled: boolean; org_status: OrgStatus }[] = await manager.query(
    `SELECT u.id, u.owner_org_id, u.password_hash, u.disabled_at IS NOT NULL AS disabled, o.status AS org_status
       FROM app_user u JOIN organization o ON o.id = u.owner_org_id
      WHERE u.email = $1`,
    [address],
  );
  const user = rows[0];
  let valid: boolean;
  try {
    valid = password.length <= MAX_PASSWORD_LENGTH && (await verifyPassword(password, user?.password_hash ?? UNKNOWN_USER_HASH));
  } catch (error) {
    // Refused before its password was checked (too many hashing at once): no failure of its address,
    // or anyone keeping the hashes busy would use up a stranger's sign-ins.
    await giveBackSignInAttempt(manager, digest, window);
    throw error;
  }
  // A disabled user's or a suspended member's right password is still a sign-in that failed.
  const refusal = !user || !valid ? unauthenticated("Invalid email or password") : standingRefusal({ disabled: user.disabled, orgStatus: user.org_status });
  if (refusal) {
    await keepSignInFailure(manager, digest, window);
    throw refusal;
  }
  await giveBackSignInAttempt(manager, digest, window);
  return tokens.sign({ userId: user.id, orgId: user.owner_org_id });
}
