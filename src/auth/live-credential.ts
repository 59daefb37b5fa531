import type { DataSource, EntityManager } from "typeorm";
import { lockKey, shareKey } from "../db/advisory-lock";
import { inTransaction, isTransientConflict, type IsolationLevel } from "../db/transaction";
import type { OrgStatus, UserRole } from "../entities/enums";
import { deadApiKey, disabledAccount, roleChanged, staleToken, standingRefusal } from "./account-standing";
import { issuedSinceLastEnabled, KEY_IS_LIVE } from "./resolve-viewer";
import type { Viewer } from "./viewer";

// A request's credential is checked when the request arrives (resolve-viewer.ts), and its write
// commits later: a key revoked, or a user disabled or given another role, in between would still
// have the write committed after the change, with rights the credential no longer has. So each
// write ends by reading its credential's row again, held FOR SHARE until the commit (not KEY
// SHARE, which a plain UPDATE of the row would not wait for). The revocation updates that row:
// either it committed first, and the write is refused as the credential's next request would be,
// or it waits until the write has committed. Read last, so that a revocation waits for no more
// than a write's commit, and so that a write never holds its credential's row while it waits for
// other locks (an admin disabling a user locks the organization, then the user).
//
// The organization's row is read, not held: held, each write would wait for its member's admin
// actions, which lock it, and one disabling the write's author would deadlock with it. Instead a
// write and a change of its organization's standing (suspension) meet on an advisory lock of the
// organization, which the write holds shared from its re-read to its commit and the suspension
// takes whole after locking the organization's row: a suspension in progress makes the re-read
// wait for it, and then see it (the re-read is a statement of its own, so its snapshot is taken
// after the wait), and one that comes after waits for the write's commit. Nothing else takes that
// lock, so a write holding it waits for nothing but its own commit. A user
// disabled and enabled again while the write ran is not disabled at its end, but enabling moved
// the account's tokens_valid_from past the token's issue: the token is dead as it would be on its
// next request, and so is the write. A role changed meanwhile refuses the write whichever way it
// went: the rules it passed were the old role's, and sent again it is judged by the new one's.

// Called last in the write's transaction (inTransactionAs, or a listing batch's).
//
// At REPEATABLE READ (`isolation`) every read sees the snapshot taken at the transaction's first
// statement, and would miss a revocation committed since. Locking a row changed since is a
// serialization failure there (the write runs again, and is then refused), which covers the
// credential's row, held FOR SHARE; so the organization's row is held FOR SHARE too, first: a
// suspension committed since is then such a failure, one in progress is waited for and then is
// one, and one that comes after waits for the write's commit. The write then waits for its
// organization's admin actions, which lock the row: a cost only writes that need one snapshot pay.
export async function holdLiveCredential(manager: EntityManager, viewer: Viewer, isolation?: IsolationLevel): Promise<void> {
  if (isolation === "REPEATABLE READ") await manager.query(`SELECT 1 FROM organization WHERE id = $1 FOR SHARE`, [viewer.orgId]);
  await shareKey(manager, ORGANIZATION_STANDING, viewer.orgId);
  if (viewer.principal === "USER") {
    const [held]: { disabled: boolean; org_status: OrgStatus; current: boolean; role: UserRole }[] = await manager.query(
      `SELECT u.disabled_at IS NOT NULL AS disabled, o.status AS org_status,
              ($2::double precision IS NULL OR ${issuedSinceLastEnabled("$2")}) AS current, u.role
         FROM app_user u JOIN organization o ON o.id = u.owner_org_id WHERE u.id = $1 FOR SHARE OF u`,
      [viewer.principalId, viewer.tokenIssuedAt ?? null],
    );
    if (!held) throw disabledAccount();
    const refusal = standingRefusal({ disabled: held.disabled, orgStatus: held.org_status });
    if (refusal) throw refusal;
    if (!held.current) throw staleToken();
    if (held.role !== viewer.role) throw roleChanged();
    return;
  }
  const [key]: { org_status: OrgStatus }[] = await manager.query(
    `SELECT o.status AS org_status FROM api_key k JOIN organization o ON o.id = k.owner_org_id WHERE k.id = $1 AND ${KEY_IS_LIVE} FOR SHARE OF k`,
    [viewer.principalId],
  );
  if (!key) throw deadApiKey();
  const refusal = standingRefusal({ disabled: false, orgStatus: key.org_status });
  if (refusal) throw refusal;
}

const ORGANIZATION_STANDING = "organization-standing";

// Taken by a change of an organization's standing, after it has locked the organization's row (a
// write of its members may hold a key-share lock on that row while it waits for this one).
export async function lockOrganizationStanding(manager: EntityManager, orgId: string): Promise<void> {
  await lockKey(manager, ORGANIZATION_STANDING, orgId);
}

// A write on behalf of `viewer`, which commits only while its credential is live; null: the
// operator's own work (the CLI), which no credential vouches for. `isolation`: see inTransaction.
export function inTransactionAs<T>(
  dataSource: DataSource,
  viewer: Viewer | null,
  work: (manager: EntityManager) => Promise<T>,
  isolation?: IsolationLevel,
): Promise<T> {
  return inTransaction(dataSource, async (manager) => {
    const result = await work(manager);
    if (viewer) await holdLiveCredential(manager, viewer, isolation);
    return result;
  }, isTransientConflict, isolation);
}

// A write that ends the viewer's own tokens (a password change, signing out everywhere) would find
// its own token stale at its end: its credential is held first instead, and the work, which changes
// only the credential's own row, waits for nothing else while holding it.
export function inTransactionEndingOwnTokens<T>(dataSource: DataSource, viewer: Viewer, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return inTransaction(dataSource, async (manager) => {
    await holdLiveCredential(manager, viewer);
    return work(manager);
  });
}
