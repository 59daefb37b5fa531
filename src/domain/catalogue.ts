import type { DataSource, EntityManager } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { inTransactionAs } from "../auth/live-credential";
import { Brand, Product } from "../entities";
import { ApiError, badInput, notFound } from "../errors";
import type { Config } from "../config";
import { isHash64 } from "../matching/perceptual-hash";
import { recordAudit } from "./audit";
import { endCatalogueSpells, openCatalogueSpells } from "./catalogue-history";
import { FirstIndexes, itemErrors, type ItemError } from "./item-errors";
import { checkLogoClashBudget, recordLogoClash } from "./logo-clash-refusals";
import { blankLogoReason, findLogoClashes, logoClashRefusal, newLogoClaims } from "./logo-claims";
import { checkMoney, checkReference, MAX_SPECS, requiredText, type MoneyValue } from "./validation";

// A brand keeps its genuine catalogue: products by SKU, each with its MSRP, specs and logo hashes,
// which the risk model measures listings against from the next ingest on. A call adds the SKUs the
// brand does not have and replaces those it has (bringing back one it had removed), all or nothing:
// one bad product refuses the call, naming each bad one by its index. Another takes SKUs out.
// Both keep each product's spells in the catalogue, with its category in each (catalogue-history.ts).

const MAX_PRODUCTS_PER_CALL = 1000;
const MAX_LOGO_HASHES = 20;

export interface ProductDraft {
  sku: string;
  name: string;
  category: string;
  msrp: MoneyValue;
  specs?: Record<string, unknown> | null;
  logoHashes?: string[] | null;
}

interface ValidProduct {
  sku: string;
  name: string;
  category: string;
  msrpMinor: number;
  currency: string;
  specs: Record<string, string>;
  logoHashes: string[];
}

function specsOf(specs: Record<string, unknown>): Record<string, string> {
  const entries = Object.entries(specs);
  if (entries.length > MAX_SPECS) throw badInput(`\`specs\` may hold at most ${MAX_SPECS} specs`);
  const checked: Record<string, string> = {};
  for (const [name, value] of entries) {
    const key = requiredText(name, "a spec's name", 100);
    if (typeof value !== "string") throw badInput(`\`specs.${key}\` must be text, e.g. "1TB"`);
    // Two names that are one once trimmed would keep only the last one's value.
    if (Object.hasOwn(checked, key)) throw badInput(`\`specs\` names \`${key}\` twice (its names are trimmed): give each spec once`);
    checked[key] = requiredText(value, `specs.${key}`, 500);
  }
  return checked;
}

function validProduct(draft: ProductDraft, logoMaxDistance: number): ValidProduct {
  const msrp = checkMoney(draft.msrp, "msrp", { allowZero: false });
  const logoHashes = (draft.logoHashes ?? []).map((hash) => hash.trim().toLowerCase());
  if (logoHashes.length > MAX_LOGO_HASHES) throw badInput(`\`logoHashes\` may hold at most ${MAX_LOGO_HASHES} hashes`);
  if (!logoHashes.every(isHash64)) throw badInput("`logoHashes` must be 64-bit hashes as 16 hex digits");
  const blank = logoHashes.map((hash) => blankLogoReason(hash, logoMaxDistance)).find((reason) => reason !== null);
  if (blank) throw badInput(blank);
  const specs = specsOf(draft.specs ?? {});
  return {
    // A SKU keys the catalogue, and the reports count a brand by category: they, and the name
    // people read beside them, must read as they compare.
    sku: checkReference(requiredText(draft.sku, "sku", 100), "sku"),
    name: checkReference(requiredText(draft.name, "name", 200), "name"),
    category: checkReference(requiredText(draft.category, "category", 100), "category"),
    msrpMinor: msrp.amountMinor,
    currency: msrp.currency,
    specs,
    logoHashes: [...new Set(logoHashes)],
  };
}

function checkedProducts(drafts: readonly ProductDraft[], logoMaxDistance: number): ValidProduct[] {
  if (drafts.length === 0) throw badInput("Give at least one product");
  if (drafts.length > MAX_PRODUCTS_PER_CALL) throw badInput(`At most ${MAX_PRODUCTS_PER_CALL} products a call; split the ${drafts.length} into batches`);
  const errors: ItemError[] = [];
  const valid: ValidProduct[] = [];
  const firstIndexOfSku = new FirstIndexes<string>();
  drafts.forEach((draft, index) => {
    try {
      const product = validProduct(draft, logoMaxDistance);
      const earlier = firstIndexOfSku.earlierThan(product.sku, index);
      if (earlier !== undefined) return errors.push({ index, reason: `the same sku as item ${earlier}` });
      valid.push(product);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      errors.push({ index, reason: error.message.replace(/`/g, "") });
    }
  });
  if (errors.length) throw itemErrors("products", drafts.length, errors);
  return valid;
}

async function writeProducts(manager: EntityManager, brand: Brand, products: ValidProduct[], now: Date): Promise<{ created: number; updated: number }> {
  const rows: { id: string; inserted: boolean }[] = await manager.query(
    `INSERT INTO product (owner_org_id, brand_id, sku, name, category, msrp_minor, currency, specs, logo_hashes, created_at)
     SELECT $1, $2, p.sku, p.name, p.category, p.msrp_minor, p.currency, p.specs::jsonb, ARRAY(SELECT jsonb_array_elements_text(p.logo_hashes::jsonb)), $10::timestamptz
       FROM unnest($3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::text[], $9::text[])
         AS p(sku, name, category, msrp_minor, currency, specs, logo_hashes)
     ON CONFLICT (brand_id, sku) DO UPDATE SET name = EXCLUDED.name, category = EXCLUDED.category, msrp_minor = EXCLUDED.msrp_minor,
       currency = EXCLUDED.currency, specs = EXCLUDED.specs, logo_hashes = EXCLUDED.logo_hashes, removed_at = NULL
     RETURNING id, (xmax = 0) AS inserted`,
    [
      brand.ownerOrgId,
      brand.id,
      products.map((p) => p.sku),
      products.map((p) => p.name),
      products.map((p) => p.category),
      products.map((p) => p.msrpMinor),
      products.map((p) => p.currency),
      // As text, to be read as jsonb: arrays of jsonb and of text[] do not unnest a row at a time.
      products.map((p) => JSON.stringify(p.specs)),
      products.map((p) => JSON.stringify(p.logoHashes)),
      now,
    ],
  );
  await openCatalogueSpells(manager, rows.map((row) => row.id), now);
  const created = rows.filter((row) => row.inserted).length;
  return { created, updated: rows.length - created };
}

export async function upsertProducts(
  dataSource: DataSource,
  config: Pick<Config, "risk" | "catalogue">,
  viewer: Viewer,
  input: { brandId: string; products: readonly ProductDraft[] },
  now = new Date(),
): Promise<{ created: number; updated: number; products: Product[] }> {
  const { logoMaxDistance } = config.risk;
  const { logoClashRefusalsPerDay } = config.catalogue;
  const products = checkedProducts(input.products, logoMaxDistance);
  // null: refused for a logo clash.
  const saved = await inTransactionAs(dataSource, viewer, async (manager) => {
    const brand = await scopedQuery(manager, viewer, Brand, "brand").andWhere("brand.id = :id", { id: input.brandId }).getOne();
    if (!brand) throw notFound("Brand");
    const claims = products.some((product) => product.logoHashes.length) ? await newLogoClaims(manager, brand.ownerOrgId, products) : [];
    if (claims.length) {
      await checkLogoClashBudget(manager, viewer.orgId, logoClashRefusalsPerDay);
      const clashes = await findLogoClashes(manager, brand.ownerOrgId, claims, logoMaxDistance);
      if (clashes.length) {
        // Nothing of the call is written before this point: the refusal's record is all that commits,
        // so that it stays when the call is refused.
        await recordLogoClash(manager, viewer, brand, products, clashes);
        return null;
      }
    }
    const { created, updated } = await writeProducts(manager, brand, products, now);
    await recordAudit(manager, viewer, { action: "catalogue.upsert", targetType: "Brand", targetId: brand.id, after: { created, updated } });
    const stored = await scopedQuery(manager, viewer, Product, "product")
      .andWhere("product.brand_id = :brandId AND product.sku = ANY(:skus)", { brandId: brand.id, skus: products.map((p) => p.sku) })
      .orderBy("product.sku", "ASC")
      .getMany();
    return { created, updated, products: stored };
  });
  if (!saved) throw logoClashRefusal(logoMaxDistance, logoClashRefusalsPerDay);
  return saved;
}

// Takes SKUs out of the catalogue, all or nothing: a SKU the brand does not have, or has already
// removed, refuses the call. A removed product stays readable (with its removedAt) and counts in
// the reports of periods it was in the catalogue; the audit event keeps each as it was.
export async function removeProducts(
  dataSource: DataSource,
  viewer: Viewer,
  input: { brandId: string; skus: readonly string[] },
  now = new Date(),
): Promise<Product[]> {
  const skus = input.skus.map((sku) => sku.trim());
  if (skus.length === 0) throw badInput("Give at least one SKU");
  if (skus.length > MAX_PRODUCTS_PER_CALL) throw badInput(`At most ${MAX_PRODUCTS_PER_CALL} SKUs a call; split the ${skus.length} into batches`);
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const brand = await scopedQuery(manager, viewer, Brand, "brand").andWhere("brand.id = :id", { id: input.brandId }).getOne();
    if (!brand) throw notFound("Brand");
    const stored = await scopedQuery(manager, viewer, Product, "product")
      .andWhere("product.brand_id = :brandId AND product.sku = ANY(:skus)", { brandId: brand.id, skus })
      .setLock("pessimistic_write")
      .getMany();
    const bySku = new Map(stored.map((product) => [product.sku, product]));
    const errors: ItemError[] = [];
    const firstIndexOfSku = new FirstIndexes<string>();
    skus.forEach((sku, index) => {
      const earlier = firstIndexOfSku.earlierThan(sku, index);
      if (earlier !== undefined) return errors.push({ index, reason: `the same sku as item ${earlier}` });
      const product = bySku.get(sku);
      if (!product) errors.push({ index, reason: `${brand.name} has no product of sku ${JSON.stringify(sku.slice(0, 100))}` });
      else if (product.removedAt) errors.push({ index, reason: `sku ${sku} was already removed on ${product.removedAt.toISOString()}` });
    });
    if (errors.length) throw itemErrors("skus", skus.length, errors, "nothing was removed");
    const removed = skus.map((sku) => bySku.get(sku)!);
    await manager.update(Product, removed.map((product) => product.id), { removedAt: now });
    await endCatalogueSpells(manager, removed.map((product) => product.id), now);
    await recordAudit(manager, viewer, {
      action: "catalogue.remove",
      targetType: "Brand",
      targetId: brand.id,
      before: { products: removed.map(({ id, sku, name, category, msrpMinor, currency, specs, logoHashes }) => ({ id, sku, name, category, msrpMinor, currency, specs, logoHashes })) },
    });
    return removed.map((product) => Object.assign(product, { removedAt: now })).sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  });
}
