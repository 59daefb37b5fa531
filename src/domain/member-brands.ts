import type { DataSource } from "typeorm";
import type { Viewer } from "../auth/viewer";
import type { Config } from "../config";
import { Brand, Organization } from "../entities";
import { OrgKind, OrgStatus } from "../entities/enums";
import { badInput, conflict } from "../errors";
import { inTransactionAs } from "../auth/live-credential";
import { recordAudit } from "./audit";
import { brandNameClashes, checkBrandAliases, checkInvitedBrands } from "./invited-brands";
import { assertMemberCapAllows, lockMemberCap } from "./member-cap";
import { lockVisibleRow } from "./locked-row";

// A member's brands after it joined, which the platform keeps: the names a brand is matched by
// decide which listings become its cases, so a member does not choose them alone. Each change is
// checked as an invitation's brands are, under the lock invitations take.

// A brand a member took up (bought, launched) after it joined: a place under the cap, like an
// invited brand. The next ingest matches listings by it.
export async function addMemberBrand(
  dataSource: DataSource,
  config: Config,
  viewer: Viewer,
  input: { organizationId: string; name: string; aliases: readonly string[] },
  now = new Date(),
): Promise<Brand> {
  const [brand] = checkInvitedBrands([{ name: input.name, aliases: [...input.aliases] }], config.risk.counterfeitTerms);
  return inTransactionAs(dataSource, viewer, async (manager) => {
    await lockMemberCap(manager);
    // Locked, as suspendMember locks it: a suspension committing meanwhile is read, not missed.
    const org = await lockVisibleRow(manager, viewer, Organization, input.organizationId, "Organization");
    if (org.kind !== OrgKind.BRAND || org.status !== OrgStatus.ACTIVE) {
      throw badInput(`Only an ACTIVE member (BRAND) organization takes a brand; this one is ${org.kind}, ${org.status}`);
    }
    const clashes = await brandNameClashes(manager, [brand], now);
    if (clashes.length) throw conflict(`This brand's names would match another brand's listings: ${clashes.join("; ")}`);
    await assertMemberCapAllows(manager, config.membership.memberBrandCap, 1, now, true);
    const added = await manager.save(manager.create(Brand, { ownerOrgId: org.id, name: brand.name, aliases: brand.aliases }));
    await recordAudit(manager, viewer, {
      action: "brand.create",
      targetType: "Brand",
      targetId: added.id,
      after: { organizationId: org.id, name: added.name, aliases: added.aliases },
    });
    return added;
  });
}

// The platform keeps a member brand's aliases (a new script's name, a misspelling sellers took up,
// one that flags genuine goods). The next ingest matches by the new list; listings already stored
// keep their cases until they are scanned again.
export async function setBrandAliases(
  dataSource: DataSource,
  config: Config,
  viewer: Viewer,
  input: { brandId: string; aliases: readonly string[] },
  now = new Date(),
): Promise<Brand> {
  return inTransactionAs(dataSource, viewer, async (manager) => {
    await lockMemberCap(manager);
    const brand = await lockVisibleRow(manager, viewer, Brand, input.brandId, "Brand");
    const aliases = checkBrandAliases(brand.name, input.aliases, config.risk.counterfeitTerms);
    const clashes = await brandNameClashes(manager, [{ name: brand.name, aliases }], now, { brandId: brand.id });
    if (clashes.length) throw conflict(`These aliases would match another brand's listings: ${clashes.join("; ")}`);
    await manager.update(Brand, { id: brand.id }, { aliases });
    await recordAudit(manager, viewer, {
      action: "brand.aliases",
      targetType: "Brand",
      targetId: brand.id,
      before: { aliases: brand.aliases },
      after: { aliases },
    });
    return Object.assign(brand, { aliases });
  });
}
