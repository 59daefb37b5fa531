import type { DataSource } from "typeorm";
import { generateApiKeySecret } from "../auth/api-key-secret";
import { scopedQuery } from "../auth/scoped-query";
import { ORG_KIND_SCOPES, READ_SCOPE_OF_WRITE, type Scope } from "../auth/scopes";
import type { Viewer } from "../auth/viewer";
import { ApiKey } from "../entities";
import { badInput, conflict, notFound } from "../errors";
import { recordAudit } from "./audit";
import { lockKey } from "../db/advisory-lock";
import { inTransactionAs } from "../auth/live-credential";
import { checkReference, requiredText } from "./validation";

const MAX_NAME_LENGTH = 100;

export interface NewApiKey {
  name: string;
  scopes: Scope[];
  expiresAt?: Date | null;
}

export async function createApiKey(
  dataSource: DataSource,
  viewer: Viewer,
  input: NewApiKey,
  now = new Date(),
): Promise<{ apiKey: ApiKey; secret: string }> {
  // CONFLICT while a live key has it: it must read as it compares.
  const name = checkReference(requiredText(input.name, "name", MAX_NAME_LENGTH), "name");
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0) throw badInput("A key needs at least one scope");
  const allowed = ORG_KIND_SCOPES[viewer.orgKind];
  const refused = scopes.filter((scope) => !allowed.includes(scope));
  if (refused.length) {
    throw badInput(`Not available to ${viewer.orgKind} organizations: ${refused.join(", ")}`, { refusedScopes: refused });
  }
  const unreadable = scopes.filter((scope) => READ_SCOPE_OF_WRITE[scope] && !scopes.includes(READ_SCOPE_OF_WRITE[scope]!));
  if (unreadable.length) {
    const needs = unreadable.map((scope) => `${scope} needs ${READ_SCOPE_OF_WRITE[scope]}`).join(", ");
    throw badInput(`A write answers with what it wrote, so ${needs}: add it, or the key could do nothing`, { refusedScopes: unreadable });
  }
  if (input.expiresAt && input.expiresAt <= now) throw badInput("`expiresAt` must be in the future");

  const { secret, prefix, hash } = generateApiKeySecret();
  return inTransactionAs(dataSource, viewer, async (manager) => {
    // A key is known by its name in the organization's list: a second live one of that name (a
    // retried creation, whose secret nobody saw) could not be told from the first.
    await lockKey(manager, "api_key", viewer.orgId);
    const live = await scopedQuery(manager, viewer, ApiKey, "k")
      .andWhere("k.owner_org_id = :orgId AND k.name = :name AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > :now)", {
        orgId: viewer.orgId,
        name,
        now,
      })
      .getOne();
    if (live) throw conflict(`Your organization has a live key named "${name}" (${live.prefix}…): revoke it first, or choose another name`);
    const apiKey = manager.create(ApiKey, {
      ownerOrgId: viewer.orgId,
      name,
      prefix,
      keyHash: hash,
      scopes,
      createdByUserId: viewer.principal === "USER" ? viewer.principalId : null,
      expiresAt: input.expiresAt ?? null,
      revokedAt: null,
      lastUsedAt: null,
    });
    await manager.save(apiKey);
    await recordAudit(manager, viewer, {
      action: "apiKey.create",
      targetType: "ApiKey",
      targetId: apiKey.id,
      after: { name, scopes, expiresAt: apiKey.expiresAt },
    });
    return { apiKey, secret };
  });
}

// Revoking twice is harmless and keeps the first revocation time.
export async function revokeApiKey(dataSource: DataSource, viewer: Viewer, id: string): Promise<ApiKey> {
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const apiKey = await scopedQuery(manager, viewer, ApiKey, "key")
      .andWhere("key.id = :id", { id })
      .setLock("pessimistic_write")
      .getOne();
    if (!apiKey) throw notFound("ApiKey");
    if (apiKey.revokedAt) return apiKey;
    apiKey.revokedAt = new Date();
    await manager.update(ApiKey, { id: apiKey.id }, { revokedAt: apiKey.revokedAt });
    await recordAudit(manager, viewer, { action: "apiKey.revoke", targetType: "ApiKey", targetId: apiKey.id });
    return apiKey;
  });
}
