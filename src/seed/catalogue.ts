import type { DemoOrganization } from "./demo-alliance.data";
import type { SeededRandom } from "../generator/random";

// The member brands and their genuine products with the ids they are stored under: what the
// listing generator imitates and the risk model compares against.

export interface CatalogueBrand {
  id: string;
  ownerOrgId: string;
  name: string;
  aliases: string[];
  category: string;
  popularity: number;
  products: CatalogueProduct[];
}

export interface CatalogueProduct {
  id: string;
  brand: CatalogueBrand;
  sku: string;
  name: string;
  zhName: string;
  msrpMinor: number;
  currency: string;
  specs: Record<string, string>;
  logoHashes: string[];
}

export function buildCatalogue(
  random: SeededRandom,
  organizations: DemoOrganization[],
  orgIdBySlug: Map<string, string>,
): CatalogueBrand[] {
  return organizations.flatMap((org) =>
    org.brands.map((demoBrand) => {
      const { products, logoHashes, ...facts } = demoBrand;
      const brand: CatalogueBrand = { ...facts, id: random.uuid(), ownerOrgId: orgIdBySlug.get(org.slug)!, products: [] };
      brand.products = products.map((product) => ({
        ...product,
        id: random.uuid(),
        brand,
        logoHashes: product.logoHashes ?? logoHashes,
      }));
      return brand;
    }),
  );
}
