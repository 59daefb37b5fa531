import type { EntityManager } from "typeorm";
import { hashPassword } from "../auth/password";
import { generateListings, startOfUtcDay, type GeneratedListing } from "../generator/marketplace-generator";
import { SeededRandom } from "../generator/random";
import { validateListingRecord } from "../ingest/listing-record";
import { writeListingBatch, type BatchRow } from "../ingest/batch/listing-batch-writer";
import { loadRiskModel } from "../ingest/risk-model-loader";
import { buildCatalogue } from "./catalogue";
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS, PLATFORM_ORGANIZATION } from "./demo-alliance.data";
import type { Config } from "../config";
import { loadKeyedHasher } from "../domain/intel/keyed-hash";
import { sharedIntelligence } from "../ingest/intel-source";
import { domainOf } from "../domain/email-domains";
import { seedDemoGovernance } from "./demo-governance";
import { seedDemoIntel } from "./demo-intel";
import { spreadDemoLifecycle } from "./demo-lifecycle";
import { insertBrands, insertOrganizations, insertProducts, insertUsers, type SeedOrganization, type SeedUser } from "./seed-writers";

export interface SeedSummary {
  organizations: number;
  users: number;
  brands: number;
  products: number;
  sellers: number;
  listings: number;
  infringements: number;
}

export interface SeedOptions {
  seed?: number;
  listings?: number;
  // Generated times are offsets from this instant. It defaults to the start of the current UTC
  // day, so that two seedings with the same seed on the same day store identical rows.
  now?: Date;
  onProgress?: (message: string) => void;
}

const DEFAULT_SEED = 2017;
const DEFAULT_LISTINGS = 3000;
const BATCH_ROWS = 5000;

export async function isSeeded(manager: EntityManager): Promise<boolean> {
  const rows: unknown[] = await manager.query(`SELECT 1 FROM organization WHERE slug = $1`, [PLATFORM_ORGANIZATION.slug]);
  return rows.length > 0;
}

// The alliance's members: organizations, users, brands and their genuine catalogues.
export async function seedMembers(manager: EntityManager, random: SeededRandom): Promise<Omit<SeedSummary, "sellers" | "listings" | "infringements">> {
  const idRandom = random.fork("organizations");
  const organizations: SeedOrganization[] = DEMO_ORGANIZATIONS.map((org) => ({
    id: idRandom.uuid(),
    slug: org.slug,
    name: org.name,
    kind: org.kind,
    joinedAt: new Date(org.joinedAt),
    emailDomains: [...new Set(DEMO_USERS.filter((user) => user.orgSlug === org.slug).map((user) => domainOf(user.email)))].sort(),
  }));
  const orgIdBySlug = new Map(organizations.map((org) => [org.slug, org.id]));
  const joinedAt = new Map(organizations.map((org) => [org.id, org.joinedAt]));
  const joinedAtOf = (orgId: string) => joinedAt.get(orgId)!;
  await insertOrganizations(manager, organizations);

  // scrypt is deliberately slow: one hash, shared by every demo user.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userRandom = random.fork("users");
  const users: SeedUser[] = DEMO_USERS.map(({ orgSlug, ...user }) => {
    const ownerOrgId = orgIdBySlug.get(orgSlug)!;
    return { ...user, id: userRandom.uuid(), ownerOrgId, passwordHash, createdAt: joinedAtOf(ownerOrgId) };
  });
  await insertUsers(manager, users);

  const catalogue = buildCatalogue(random.fork("catalogue"), DEMO_ORGANIZATIONS, orgIdBySlug);
  const products = catalogue.flatMap((brand) => brand.products);
  await insertBrands(manager, catalogue, joinedAtOf);
  await insertProducts(manager, products, joinedAtOf);
  return { organizations: organizations.length, users: users.length, brands: catalogue.length, products: products.length };
}

// Seeds the demo alliance through `manager`, which must belong to the caller's transaction: the
// embedded database has a single connection, so any other route to it would deadlock. Listings
// come from the marketplace generator through the same ingest and risk model as real feeds.
export async function seedDemoAlliance(manager: EntityManager, config: Config, options: SeedOptions = {}): Promise<SeedSummary> {
  const seed = options.seed ?? DEFAULT_SEED;
  const random = new SeededRandom(seed);
  const now = options.now ?? startOfUtcDay(new Date());
  const progress = options.onProgress ?? (() => {});
  if (await isSeeded(manager)) throw new Error("The demo alliance is already seeded in this database.");

  const members = await seedMembers(manager, random);
  progress(`members: ${JSON.stringify(members)}`);

  // Shared before the listings are scored, so that the demo's scores show the intelligence signal
  // as a real feed's do once members have shared.
  const listings = () => generateListings({ listings: options.listings ?? DEFAULT_LISTINGS, seed, now });
  const hasher = loadKeyedHasher(config);
  await seedDemoIntel(manager, hasher, random.fork("intel"), storesMembersReport(listings()));

  const model = await loadRiskModel(manager, config.risk);
  const idRandom = random.fork("ids");
  const batchOptions = { model, now, intel: sharedIntelligence(hasher, config.intel.minMembers), newId: () => idRandom.uuid() };
  let batch: BatchRow[] = [];
  let line = 0;
  // What this seed wrote, not the tables' totals: a database may hold listings of its own already.
  const created = { sellers: 0, listings: 0, infringements: 0 };
  const write = async (rows: readonly BatchRow[]) => {
    const counts = await writeListingBatch(manager, rows, batchOptions);
    created.sellers += counts.sellersCreated;
    created.listings += counts.inserted;
    created.infringements += counts.infringementsCreated;
  };
  for (const generated of listings()) {
    const validated = validateListingRecord(generated);
    if (!validated.ok) throw new Error(`generated listing ${line + 1} is invalid: ${validated.reason}`);
    batch.push({ line: ++line, record: validated.record });
    if (batch.length === BATCH_ROWS) {
      await write(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await write(batch);
  progress(`listings: ${line}`);

  await spreadDemoLifecycle(manager, random.fork("lifecycle"), now, model.config);
  await seedDemoGovernance(manager, random.fork("governance"), now);
  return { ...members, ...created };
}

// The stores with the most fakes in the feed, as members who test-bought from them would report
// them: the first is reported by two members, so that other members' cases there show the match.
// A small seed's stores may sell no fakes at all; they are still named, most listings first.
function storesMembersReport(feed: Iterable<GeneratedListing>): string[] {
  const stores = new Map<string, { fakes: number; listings: number }>();
  for (const listing of feed) {
    const key = `${listing.marketplace}:${listing.seller.externalId}`;
    const store = stores.get(key) ?? { fakes: 0, listings: 0 };
    store.fakes += listing.label.counterfeit ? 1 : 0;
    store.listings += 1;
    stores.set(key, store);
  }
  return [...stores]
    .sort(([a, x], [b, y]) => y.fakes - x.fakes || y.listings - x.listings || (a < b ? -1 : 1))
    .slice(0, 3)
    .map(([key]) => key);
}
