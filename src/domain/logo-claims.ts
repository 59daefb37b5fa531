import type { EntityManager } from "typeorm";
import { lockKey } from "../db/advisory-lock";
import { conflict } from "../errors";
import { LogoMatcher } from "../matching/logo-matcher";
import { hammingDistance, parseHash64 } from "../matching/perceptual-hash";

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

// A logo hash of a call within twice `maxDistance` (the risk model's) of another organization's logo.
export interface LogoClash {
  sku: string;
  logoHash: string;
  // The nearest such logo's brand and organization, and how near: the platform's to know, not the member's.
  brandId: string;
  organizationId: string;
  distance: number;
}

type ProductLogos = { sku: string; logoHashes: readonly string[] };

// The call's logo hashes that its organization's live catalogue does not hold already, each with its
// product: only these claim anything new. One it holds was checked when it was registered, under the
// rule of the day (logos registered before the clash distance was doubled may be nearer another
// organization's than it now allows, which the platform settles), and comes again with each change
// of its product, which is sent whole: refused, its owner could change nothing of the product.
// Serialized until the transaction ends, with every other call that claims logos, so that two
// members registering the same logo at once cannot both find it free.
export async function newLogoClaims(manager: EntityManager, ownerOrgId: string, products: readonly ProductLogos[]): Promise<ProductLogos[]> {
  await lockKey(manager, "logo_hashes");
  const held: { hash: string }[] = await manager.query(
    `SELECT DISTINCT unnest(logo_hashes) AS hash FROM product WHERE owner_org_id = $1 AND removed_at IS NULL AND logo_hashes && $2::text[]`,
    [ownerOrgId, products.flatMap((product) => product.logoHashes)],
  );
  const registered = new Set(held.map((row) => row.hash));
  return products
    .map((product) => ({ sku: product.sku, logoHashes: product.logoHashes.filter((hash) => !registered.has(hash)) }))
    .filter((product) => product.logoHashes.length);
}

// Of the logo hashes newLogoClaims found (and under its lock), those within twice `maxDistance` of a
// logo of another organization's catalogue.
export async function findLogoClashes(manager: EntityManager, ownerOrgId: string, products: readonly ProductLogos[], maxDistance: number): Promise<LogoClash[]> {
  const others: { brandId: string; organizationId: string; logoHashes: string[] }[] = await manager.query(
    `SELECT brand_id AS "brandId", owner_org_id AS "organizationId", logo_hashes AS "logoHashes" FROM product
      WHERE owner_org_id <> $1 AND removed_at IS NULL AND cardinality(logo_hashes) > 0`,
    [ownerOrgId],
  );
  const organizationOf = new Map(others.map((logos) => [logos.brandId, logos.organizationId]));
  const matcher = new LogoMatcher(others, 2 * maxDistance);
  // Every hash is compared, not only those up to the first that clashes: the time the answer takes
  // would say how far into the call that one is.
  return products.flatMap((product) =>
    product.logoHashes.flatMap((logoHash) => {
      const [nearest] = matcher.match([parseHash64(logoHash)]).sort((a, b) => a.distance - b.distance);
      return nearest ? [{ sku: product.sku, logoHash, brandId: nearest.brandId, organizationId: organizationOf.get(nearest.brandId)!, distance: nearest.distance }] : [];
    }),
  );
}

// The one answer to a call with any clash. It names neither the hash, nor how near it is, nor whose
// logo: an answer for each hash (its distance, or only whether it clashed) maps another member's logo,
// which its catalogue keeps from other members, from one call of a hash near it (one seen on a
// co-branded listing) and its one-bit flips.
export const logoClashRefusal = (maxDistance: number, refusalsPerDay: number) =>
  conflict(
    `A logo hash in this call is within ${2 * maxDistance} bits of a logo another organization registered (an image near both would be both ` +
      "brands' case), so nothing was saved. Which hash, how near and whose logo are not said, so that no answer maps another member's " +
      "logo: the platform can tell you which (the refusal is in your organization's audit log, catalogue.logoClash), and settles a logo two members share. " +
      `After ${refusalsPerDay} such refusals in 24 hours, calls that carry logo hashes your organization has not registered are refused (RATE_LIMITED) until the oldest is a day old`,
  );
