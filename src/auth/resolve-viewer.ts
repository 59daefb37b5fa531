import type { EntityManager } from "typeorm";
import { runSql } from "../db/prepared-statements";
import { OrgKind, OrgStatus, UserRole } from "../entities/enums";
import { unauthenticated } from "../errors";
import { deadApiKey, staleToken, standingRefusal } from "./account-standing";
import { hashApiKeySecret, isWellFormedApiKey } from "./api-key-secret";
import type { TokenService } from "./jwt";
import { scopesOfRole, type Scope } from "./scopes";
import type { Viewer } from "./viewer";
import { normalizedEmail } from "./email-address";

export interface Credentials {
  authorization?: string;
  apiKey?: string;
}

// A key's last use is written at most once a minute, so that reads do not all become writes.
const LAST_USED_GRANULARITY_SECONDS = 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// No credentials: an anonymous request (null), which may only log in. Credentials that do not
// resolve to an active principal of an active organization: UNAUTHENTICATED, whatever the reason.
export async function resolveViewer(
  manager: EntityManager,
  tokens: TokenService,
  credentials: Credentials,
): Promise<Viewer | null> {
  const { authorization, apiKey } = credentials;
  if (authorization !== undefined && apiKey !== undefined) {
    throw unauthenticated("Send either a Bearer token or an x-api-key header, not both");
  }
  if (authorization !== undefined) return viewerFromToken(manager, tokens, authorization);
  if (apiKey !== undefined) return viewerFromApiKey(manager, apiKey);
  return null;
}

async function viewerFromToken(manager: EntityManager, tokens: TokenService, authorization: string): Promise<Viewer> {
  // The scheme's name is case-insensitive (RFC 9110).
  const match = /^Bearer ([A-Za-z0-9._-]+)$/i.exec(authorization.trim());
  if (!match) throw unauthenticated("The Authorization header must be 'Bearer <token>'");
  const claims = await tokens.verify(match[1]);
  if (!claims || !UUID.test(claims.userId) || !UUID.test(claims.orgId)) throw unauthenticated("Invalid or expired token; sign in again (send login without it)");
  const viewer = await activeUserViewer(manager, `u.id = $1 AND o.id = $2 AND ${issuedSinceLastEnabled("$3")}`, [
    claims.userId,
    claims.orgId,
    String(claims.issuedAt),
  ]);
  if (viewer) return { ...viewer, tokenIssuedAt: claims.issuedAt };
  // A token this API signed, for an account that may not act now: its owner is told why.
  const [account] = await runSql<{ disabled: boolean; org_status: OrgStatus; current: boolean }>(
    manager,
    `SELECT u.disabled_at IS NOT NULL AS disabled, o.status AS org_status, ${issuedSinceLastEnabled("$3")} AS current
       FROM app_user u JOIN organization o ON o.id = u.owner_org_id WHERE u.id = $1 AND o.id = $2`,
    [claims.userId, claims.orgId, String(claims.issuedAt)],
  );
  const refusal = account && standingRefusal({ disabled: account.disabled, orgStatus: account.org_status });
  if (refusal) throw refusal;
  if (account && !account.current) throw staleToken();
  throw unauthenticated("Invalid or expired token; sign in again (send login without it)");
}

// A token issued (`iat`, the parameter holding its iat) before its account (as `u`) was last
// enabled, or its organization's (as `o`) status last changed (a suspension or a reinstatement), is
// dead: disabling, suspending and letting in again must not bring old tokens back to life. To the
// millisecond, as iat is (jwt.ts).
export const issuedSinceLastEnabled = (iat: string) =>
  `to_timestamp(${iat}::double precision) >= coalesce(greatest(u.tokens_valid_from, o.status_changed_at), '-infinity'::timestamptz)`;

// The viewer of an active user of an active organization, for the operator's CLI.
export const viewerOfUserEmail = (manager: EntityManager, email: string) =>
  activeUserViewer(manager, "u.email = $1", [normalizedEmail(email)]);

async function activeUserViewer(manager: EntityManager, condition: string, params: string[]): Promise<Viewer | null> {
  const rows = await runSql<{ id: string; role: UserRole; org_id: string; org_kind: OrgKind }>(
    manager,
    `SELECT u.id, u.role, o.id AS org_id, o.kind AS org_kind
       FROM app_user u JOIN organization o ON o.id = u.owner_org_id
      WHERE ${condition} AND u.disabled_at IS NULL AND o.status = '${OrgStatus.ACTIVE}'`,
    params,
  );
  const user = rows[0];
  if (!user) return null;
  return {
    principal: "USER",
    principalId: user.id,
    orgId: user.org_id,
    orgKind: user.org_kind,
    role: user.role,
    scopes: new Set(scopesOfRole(user.org_kind, user.role)),
  };
}

// A key (as `k`) that may still be used.
export const KEY_IS_LIVE = "k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())";
const LIVE_KEY = `k.key_hash = $1 AND ${KEY_IS_LIVE}`;

async function viewerFromApiKey(manager: EntityManager, secret: string): Promise<Viewer> {
  if (!isWellFormedApiKey(secret.trim())) throw deadApiKey();
  const keyHash = hashApiKeySecret(secret.trim());
  const rows = await runSql<{ id: string; scopes: Scope[]; org_id: string; org_kind: OrgKind; stale: boolean }>(
    manager,
    `SELECT k.id, k.scopes, o.id AS org_id, o.kind AS org_kind,
            (k.last_used_at IS NULL OR k.last_used_at < now() - make_interval(secs => $3)) AS stale
       FROM api_key k JOIN organization o ON o.id = k.owner_org_id
      WHERE ${LIVE_KEY} AND o.status = $2`,
    [keyHash, OrgStatus.ACTIVE, LAST_USED_GRANULARITY_SECONDS],
  );
  const key = rows[0];
  if (!key) {
    // A live key of an organization that may not act now: whoever holds its secret is told why.
    const [owner] = await runSql<{ org_status: OrgStatus }>(
      manager,
      `SELECT o.status AS org_status FROM api_key k JOIN organization o ON o.id = k.owner_org_id WHERE ${LIVE_KEY}`,
      [keyHash],
    );
    throw (owner && standingRefusal({ disabled: false, orgStatus: owner.org_status })) || deadApiKey();
  }
  if (key.stale) await manager.query(`UPDATE api_key SET last_used_at = now() WHERE id = $1`, [key.id]);
  return {
    principal: "API_KEY",
    principalId: key.id,
    orgId: key.org_id,
    orgKind: key.org_kind,
    role: null,
    scopes: new Set(key.scopes),
  };
}
