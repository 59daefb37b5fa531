import type { EntityManager } from "typeorm";
import type { LoginThrottlePolicy } from "../config";
import type { TokenService } from "./jwt";
import type { KeyedHasher } from "../domain/intel/keyed-hash";
import { clearSignInFailures, takeSignInAttempt } from "./login-throttle";
import { UNKNOWN_USER_HASH, verifyPassword } from "./password";
import { OrgStatus } from "../entities/enums";
import { unauthenticated } from "../errors";
import { normalizedEmail } from "./email-address";

// One answer for a wrong email, a wrong password, a disabled user and a suspended organization,
// each costing one password hash, so that neither the message nor the time tells them apart. Each
// sign-in counts as a failure of its address until its password proves right (login-throttle.ts).
export async function login(
  manager: EntityManager,
  { tokens, hasher, throttle }: { tokens: TokenService; hasher: KeyedHasher; throttle: LoginThrottlePolicy },
  email: string,
  password: string,
): Promise<{ token: string; expiresAt: Date }> {
  const address = normalizedEmail(email);
  const digest = hasher.signInKeyHex(address);
  await takeSignInAttempt(manager, digest, throttle);
  const rows: { id: string; owner_org_id: string; password_hash: string }[] = await manager.query(
    `SELECT u.id, u.owner_org_id, u.password_hash
       FROM app_user u JOIN organization o ON o.id = u.owner_org_id
      WHERE u.email = $1 AND u.disabled_at IS NULL AND o.status = $2`,
    [address, OrgStatus.ACTIVE],
  );
  const user = rows[0];
  const valid = await verifyPassword(password, user?.password_hash ?? UNKNOWN_USER_HASH);
  if (!user || !valid) throw unauthenticated("Invalid email or password");
  await clearSignInFailures(manager, digest);
  return tokens.sign({ userId: user.id, orgId: user.owner_org_id });
}
