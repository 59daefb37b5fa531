import type { DataSource } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { Brand } from "../entities";
import { conflict, notFound } from "../errors";
import { inTransaction } from "../db/transaction";
import { recordAudit } from "./audit";
import { brandNameClashes, checkBrandAliases } from "./invited-brands";
import { lockMemberCap } from "./member-cap";

// The platform keeps a member brand's aliases (a new script's name, a misspelling sellers took up,
// one that flags genuine goods) as it set them at the invitation: the names a brand is matched by
// decide which listings become its cases, so a member does not choose them alone. The next ingest
// matches by the new list; listings already stored keep their cases until they are scanned again.
export async function setBrandAliases(
  dataSource: DataSource,
  viewer: Viewer,
  input: { brandId: string; aliases: readonly string[] },
  now = new Date(),
): Promise<Brand> {
  return inTransaction(dataSource, async (manager) => {
    // Invitations and their acceptance check names against every brand's under this lock too.
    await lockMemberCap(manager);
    const brand = await scopedQuery(manager, viewer, Brand, "brand")
      .andWhere("brand.id = :id", { id: input.brandId })
      .setLock("pessimistic_write")
      .getOne();
    if (!brand) throw notFound("Brand");
    const aliases = checkBrandAliases(brand.name, input.aliases);
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
