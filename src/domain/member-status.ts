import type { DataSource } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import type { Config } from "../config";
import { Brand, Organization } from "../entities";
import { OrgKind, OrgStatus } from "../entities/enums";
import { badInput, notFound } from "../errors";
import { recordAudit } from "./audit";
import { revokePendingInvitations } from "./invitation-revocation";
import { assertMemberCapAllows, lockMemberCap } from "./member-cap";
import { inTransactionAs, lockOrganizationStanding } from "../auth/live-credential";
import { optionalText } from "./validation";

const MAX_REASON_LENGTH = 2000;

// Suspension keeps every row; resolve-viewer.ts refuses the organization's users and keys from the
// next request on, and reinstatement lets them in again.
export async function suspendMember(dataSource: DataSource, viewer: Viewer, input: { id: string; reason?: string | null }) {
  const reason = optionalText(input.reason, "reason", MAX_REASON_LENGTH);
  return setStatus(dataSource, viewer, input.id, OrgStatus.SUSPENDED, reason);
}

export async function reinstateMember(dataSource: DataSource, config: Config, viewer: Viewer, id: string) {
  return setStatus(dataSource, viewer, id, OrgStatus.ACTIVE, null, config);
}

async function setStatus(
  dataSource: DataSource,
  viewer: Viewer,
  id: string,
  status: OrgStatus,
  reason: string | null,
  config?: Config,
): Promise<Organization> {
  return inTransactionAs(dataSource, viewer, async (manager) => {
    if (status === OrgStatus.ACTIVE) await lockMemberCap(manager);
    const org = await scopedQuery(manager, viewer, Organization, "org")
      .andWhere("org.id = :id", { id })
      .setLock("pessimistic_write")
      .getOne();
    if (!org) throw notFound("Organization");
    // Every viewer may see an organization's kind, so naming it here tells the caller nothing new.
    if (org.kind !== OrgKind.BRAND) {
      throw badInput(`Only members (organizations of kind BRAND) can be suspended or reinstated; this one is of kind ${org.kind}`);
    }
    if (org.status === status) throw badInput(`The organization is already ${org.status}; nothing was changed`, { status: org.status });
    if (status === OrgStatus.ACTIVE && config) {
      const brands = await manager.countBy(Brand, { ownerOrgId: org.id });
      await assertMemberCapAllows(manager, config.membership.memberBrandCap, brands, new Date(), true);
    }
    // Its members' writes still in flight commit first, or see the suspension (live-credential.ts).
    await lockOrganizationStanding(manager, org.id);
    const changes = { status, statusReason: status === OrgStatus.SUSPENDED ? reason : null, statusChangedAt: new Date() };
    await manager.update(Organization, { id: org.id }, changes);
    await recordAudit(manager, viewer, {
      action: status === OrgStatus.SUSPENDED ? "organization.suspend" : "organization.reinstate",
      targetType: "Organization",
      targetId: org.id,
      before: { status: org.status },
      after: { status, reason },
    });
    if (status === OrgStatus.SUSPENDED) await revokePendingInvitations(manager, viewer, { organizationId: org.id }, "its organization was suspended");
    return Object.assign(org, changes);
  });
}
