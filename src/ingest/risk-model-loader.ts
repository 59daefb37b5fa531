import type { EntityManager } from "typeorm";
import type { BrandProfile } from "../risk/facts";
import type { RiskConfig } from "../risk/risk-config";
import { RiskModel } from "../risk/risk-model";

interface CatalogueRow {
  brand_id: string;
  owner_org_id: string;
  name: string;
  aliases: string[];
  sku: string | null;
  product_name: string | null;
  msrp_minor: string | null;
  currency: string | null;
  specs: Record<string, string> | null;
  logo_hashes: string[] | null;
}

// A brand's logos as the model compares them: every mark its products are sold under (a product
// under its own mark, like Martell or Snickers, has its own; the others carry the brand's).
export const logosOfProducts = (products: readonly { logoHashes: readonly string[] | null }[]): string[] => [
  ...new Set(products.flatMap((product) => product.logoHashes ?? [])),
];

// The model over every member brand's genuine catalogue. Ingest is the platform's own work (only
// the platform may start it), so this reads all brands, not a viewer's.
export async function loadRiskModel(manager: EntityManager, config: RiskConfig): Promise<RiskModel> {
  const rows: CatalogueRow[] = await manager.query(
    `SELECT b.id AS brand_id, b.owner_org_id, b.name, b.aliases, p.sku, p.name AS product_name, p.msrp_minor, p.currency,
            p.specs, p.logo_hashes
       FROM brand b LEFT JOIN product p ON p.brand_id = b.id AND p.removed_at IS NULL
      ORDER BY b.name, p.sku`,
  );
  const brands = new Map<string, BrandProfile & { products: BrandProfile["products"][number][] }>();
  const productLogos = new Map<string, { logoHashes: string[] | null }[]>();
  for (const row of rows) {
    let brand = brands.get(row.brand_id);
    if (!brand) {
      brand = { id: row.brand_id, ownerOrgId: row.owner_org_id, name: row.name, aliases: row.aliases, products: [], logoHashes: [] };
      brands.set(row.brand_id, brand);
      productLogos.set(row.brand_id, []);
    }
    if (row.sku === null) continue;
    brand.products.push({
      sku: row.sku,
      name: row.product_name ?? "",
      msrpMinor: Number(row.msrp_minor),
      currency: (row.currency ?? "").trim(),
      specs: row.specs ?? {},
    });
    productLogos.get(row.brand_id)!.push({ logoHashes: row.logo_hashes });
  }
  const profiles = [...brands.values()].map((brand) => ({ ...brand, logoHashes: logosOfProducts(productLogos.get(brand.id)!) }));
  return new RiskModel(profiles, config);
}
