import { Readable } from "node:stream";
import type { DataSource } from "typeorm";
import { Brand, type Organization } from "../../src/entities";
import { createProduct } from "./factories";

// Listing records as a feed sends them, and a brand with a catalogue to match them against.

let serial = 0;

export function listingRecord(fields: Record<string, unknown> = {}): Record<string, unknown> {
  serial++;
  return {
    marketplace: "TAOBAO",
    externalId: `item-${process.pid}-${serial}`,
    title: "Genuine product",
    description: "",
    price: { amountMinor: 129_000, currency: "CNY" },
    specs: {},
    imageHashes: [],
    reviews: { count: 3, averageRating: 4.7 },
    seenAt: "2026-11-01T00:00:00.000Z",
    seller: { externalId: "store-1", name: "Honest Store", openedAt: "2019-01-01T00:00:00.000Z", brandCount: 2 },
    ...fields,
  };
}

export const ndjson = (lines: (Record<string, unknown> | string)[]) =>
  Readable.from([lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n") + "\n"]);

// A brand under a name of its own (the matcher looks for it in titles), with one genuine product.
export async function createCatalogueBrand(
  db: DataSource,
  org: Organization,
  name: string,
  aliases: string[],
  product: { sku: string; name: string; logoHash: string; msrpMinor?: number; specs?: Record<string, string> },
): Promise<Brand> {
  const brand = await db.manager.save(db.manager.create(Brand, { ownerOrgId: org.id, name, aliases }));
  await createProduct(db, brand, {
    sku: product.sku,
    name: product.name,
    msrpMinor: product.msrpMinor ?? 129_000,
    specs: product.specs ?? {},
    logoHashes: [product.logoHash],
  });
  return brand;
}
