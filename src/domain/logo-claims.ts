import type { EntityManager } from "typeorm";
import { lockKey } from "../db/advisory-lock";
import { conflict } from "../errors";
import { LogoMatcher } from "../matching/logo-matcher";
import { hammingDistance, parseHash64 } from "../matching/perceptual-hash";
import type { ItemError } from "./item-errors";

// A registered logo claims listings as a brand's name does: a listing whose image hashes within the
// risk model's distance of it is matched to the brand, and becomes a case its owner reads (the
// listing, its store, its signals). So a logo hash may not claim any image that another
// organization's logo already claims, which would hand this member that organization's listings:
// two logos up to twice the distance apart both claim the images between them, so that is how near
// to another organization's logo one may not be. Nor may it be near the hash of a blank image (all
// its bits alike, as any plain one-colour picture hashes), which would claim listings of every brand.

const BLANK = [parseHash64("0000000000000000"), parseHash64("ffffffffffffffff")];

// Why `hash` may not be registered as a logo, if it may not.
export function blankLogoReason(hash: string, maxDistance: number): string | null {
  const parsed = parseHash64(hash);
  const near = BLANK.find((blank) => hammingDistance(parsed, blank) <= maxDistance);
  return near ? `logo ${hash} is within ${maxDistance} bits of a blank image's hash, which plain pictures of any brand are: it would claim them all` : null;
}

// Refuses, with CONFLICT naming each product and hash, logo hashes within twice `maxDistance` (the
// risk model's) of a logo of another organization's catalogue. The other organization is not named: whose logo a hash is near
// is its catalogue, which other members do not see. Serialized, so that two members registering the
// same logo at once cannot both find it free.
export async function checkLogoClaims(
  manager: EntityManager,
  ownerOrgId: string,
  products: readonly { logoHashes: readonly string[] }[],
  maxDistance: number,
): Promise<void> {
  if (!products.some((product) => product.logoHashes.length)) return;
  await lockKey(manager, "logo_hashes");
  const others: { brandId: string; logoHashes: string[] }[] = await manager.query(
    `SELECT brand_id AS "brandId", logo_hashes AS "logoHashes" FROM product
      WHERE owner_org_id <> $1 AND removed_at IS NULL AND cardinality(logo_hashes) > 0`,
    [ownerOrgId],
  );
  const matcher = new LogoMatcher(others, 2 * maxDistance);
  const clashes: ItemError[] = [];
  products.forEach((product, index) => {
    for (const hash of product.logoHashes) {
      const [nearest] = matcher.match([parseHash64(hash)]).sort((a, b) => a.distance - b.distance);
      if (nearest) clashes.push({ index, reason: `logo ${hash} is within ${nearest.distance} bits of a logo another organization registered` });
    }
  });
  if (clashes.length) {
    const listed = clashes.map((clash) => `[${clash.index}] ${clash.reason}`).join("; ");
    throw conflict(`Listings bearing these logos are another member's cases, so nothing was saved: ${listed}. A logo two members share is the platform's to settle`);
  }
}
