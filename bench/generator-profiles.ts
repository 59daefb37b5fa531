import { generatorCatalogue } from "../src/generator/catalogue";
import { logosOfProducts } from "../src/ingest/risk-model-loader";
import type { BrandProfile } from "../src/risk/facts";

// The brand profiles the risk model is given for generated files without a database: the
// generator's catalogue, as ingest builds profiles from the stored catalogue (risk-model-loader.ts).
export const generatorProfiles = (): BrandProfile[] =>
  generatorCatalogue().map((b) => ({
    id: b.name,
    ownerOrgId: b.name,
    name: b.name,
    aliases: b.aliases,
    logoHashes: logosOfProducts(b.products),
    products: b.products,
  }));
