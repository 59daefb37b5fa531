import type { EntityManager } from "typeorm";
import type { KeyedHasher } from "../domain/intel/keyed-hash";
import { recordAudit } from "../domain/audit";
import { clearSignInFailures } from "./login-throttle";
import { normalizedEmail } from "./email-address";

// An operator lets an address sign in again before its window ends (someone failed its sign-ins on
// purpose to keep its owner out): its failures are forgotten, and the audit log says so, naming
// the user when the address has one. Run in the caller's transaction.
export async function forgetSignInFailures(manager: EntityManager, hasher: KeyedHasher, email: string): Promise<number> {
  const address = normalizedEmail(email);
  const failures = await clearSignInFailures(manager, hasher.signInKeyHex(address));
  if (failures === 0) return 0;
  const [user]: { id: string }[] = await manager.query(`SELECT id FROM app_user WHERE email = $1`, [address]);
  await recordAudit(manager, null, { action: "signIn.failuresClear", targetType: "User", targetId: user?.id ?? null, after: { failures } });
  return failures;
}
