import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { generateApiKeySecret } from "../../src/auth/api-key-secret";
import { generateInvitationToken } from "../../src/auth/invitation-token";
import { hashPassword } from "../../src/auth/password";
import type { Scope } from "../../src/auth/scopes";
import { ApiKey, Brand, Invitation, Listing, Organization, Product, Seller, SuspectedInfringement, User } from "../../src/entities";
import {
  InfringementStatus,
  InvitationKind,
  ListingStatus,
  Marketplace,
  OrgKind,
  RiskSignalKind,
  SellerStatus,
  UserRole,
} from "../../src/entities/enums";
import type { RiskSignal } from "../../src/entities/risk-signal";

// Small factories: each test makes the rows it needs, with unique names, so tests never depend on
// each other's data or order.
const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;
// scrypt is slow on purpose; one hash serves every test user.
const testPasswordHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

// Its users' addresses (createUser) are at its own domain, <slug>.test.
// Unless told otherwise, organizations, brands and products are there since before any period a
// test reports on: a report counts the members and brands there were by its period's end, and
// takes a brand's category from its catalogue as it stood then.
export const BEFORE_ANY_REPORTED_PERIOD = new Date("2020-01-01T00:00:00Z");

export async function createOrganization(db: DataSource, kind: OrgKind, name = unique(kind.toLowerCase())) {
  const slug = unique("org");
  return db.manager.save(db.manager.create(Organization, { slug, name, kind, emailDomains: [`${slug}.test`], joinedAt: BEFORE_ANY_REPORTED_PERIOD }));
}

export async function createUser(db: DataSource, org: Organization, role: UserRole) {
  return db.manager.save(
    db.manager.create(User, {
      ownerOrgId: org.id,
      email: `${unique(role.toLowerCase())}@${org.slug}.test`,
      displayName: `${role} of ${org.name}`,
      role,
      passwordHash: await testPasswordHash(),
      disabledAt: null,
    }),
  );
}

// An invitation written directly, past the checks of inviteMember and inviteUser (as one made
// before a check existed, or one already expired); a pending USER invitation unless `fields` say
// otherwise. Returns its token.
export async function createInvitation(db: DataSource, inviter: Organization, fields: Partial<Invitation> = {}): Promise<string> {
  const { token, hash } = generateInvitationToken();
  await db.manager.insert(Invitation, {
    ownerOrgId: inviter.id,
    kind: InvitationKind.USER,
    email: `${unique("invitee")}@invited.test`,
    displayName: "Invitee",
    role: UserRole.VIEWER,
    organizationName: null,
    brands: [],
    tokenHash: hash,
    invitedByUserId: "00000000-0000-4000-8000-000000000001",
    expiresAt: new Date(Date.now() + 3_600_000),
    ...fields,
  });
  return token;
}

export async function createApiKeyRow(
  db: DataSource,
  org: Organization,
  scopes: Scope[],
  fields: Partial<Pick<ApiKey, "expiresAt" | "revokedAt">> = {},
) {
  const { secret, prefix, hash } = generateApiKeySecret();
  const apiKey = await db.manager.save(
    db.manager.create(ApiKey, {
      ownerOrgId: org.id,
      name: unique("key"),
      prefix,
      keyHash: hash,
      scopes,
      createdByUserId: null,
      expiresAt: fields.expiresAt ?? null,
      revokedAt: fields.revokedAt ?? null,
      lastUsedAt: null,
    }),
  );
  return { apiKey, secret };
}

export async function createBrand(db: DataSource, org: Organization, aliases: string[] = []) {
  const brand = await db.manager.save(db.manager.create(Brand, { ownerOrgId: org.id, name: unique("Brand"), aliases }));
  brand.createdAt = BEFORE_ANY_REPORTED_PERIOD;
  await db.query(`UPDATE brand SET created_at = $1 WHERE id = $2`, [brand.createdAt, brand.id]);
  return brand;
}


export async function createProduct(db: DataSource, brand: Brand, fields: Partial<Product> = {}) {
  const product = await db.manager.save(
    db.manager.create(Product, {
      ownerOrgId: brand.ownerOrgId,
      brandId: brand.id,
      sku: unique("SKU"),
      name: "Genuine product",
      category: "bags",
      msrpMinor: 129_000,
      currency: "CNY",
      specs: { material: "leather" },
      logoHashes: ["a1b2c3d4e5f60718"],
      ...fields,
    }),
  );
  product.createdAt = fields.createdAt ?? BEFORE_ANY_REPORTED_PERIOD;
  await db.query(`UPDATE product SET created_at = $1 WHERE id = $2`, [product.createdAt, product.id]);
  // Its one spell in the catalogue, as upsertProducts and removeProducts keep them.
  await db.query(`INSERT INTO product_spell (product_id, category, started_at, ended_at) VALUES ($1, $2, $3, $4)`, [
    product.id,
    product.category,
    product.createdAt,
    product.removedAt ?? null,
  ]);
  return product;
}

// Unless told otherwise, a store whose score owes nothing to any brand's catalogue: members read
// the same score as the platform (src/auth/store-score.ts).
export async function createSeller(db: DataSource, fields: Partial<Seller> = {}) {
  const riskScore = fields.riskScore ?? 50;
  return db.manager.save(
    db.manager.create(Seller, {
      marketplace: Marketplace.TAOBAO,
      externalId: unique("store"),
      publicName: unique("Store"),
      status: SellerStatus.ACTIVE,
      strikeCount: 0,
      riskScore,
      brandFreeRiskScore: riskScore,
      openedAt: new Date("2024-01-01T00:00:00Z"),
      registeredName: "Yiwu Example Trading Co.",
      contact: "+86 138 0000 0000",
      paymentAccount: "6222 **** **** 1234",
      ...fields,
    }),
  );
}

export async function createListing(db: DataSource, seller: Seller, fields: Partial<Listing> = {}) {
  return db.manager.save(
    db.manager.create(Listing, {
      marketplace: seller.marketplace,
      externalId: unique("item"),
      sellerId: seller.id,
      title: "AAA replica bag 1:1",
      priceMinor: 15_900,
      currency: "CNY",
      specs: {},
      imageHashes: [],
      reviewCount: 12,
      averageRating: 4.9,
      status: ListingStatus.ACTIVE,
      riskScore: 88,
      riskSignals: [{ kind: RiskSignalKind.PRICE_ANOMALY, contribution: 88, reason: "platform-only explanation" }],
      modelVersion: "test-1",
      ...fields,
    }),
  );
}

export async function createInfringement(
  db: DataSource,
  brand: Brand,
  listing: Listing,
  fields: Partial<SuspectedInfringement> = {},
) {
  const signals: RiskSignal[] = [
    { kind: RiskSignalKind.PRICE_ANOMALY, contribution: 50, reason: `price 12% of MSRP for ${brand.name}` },
    { kind: RiskSignalKind.COUNTERFEIT_KEYWORDS, contribution: 37, reason: "title contains 'AAA', '1:1'" },
  ];
  return db.manager.save(
    db.manager.create(SuspectedInfringement, {
      ownerOrgId: brand.ownerOrgId,
      brandId: brand.id,
      listingId: listing.id,
      sellerId: listing.sellerId,
      marketplace: listing.marketplace,
      status: InfringementStatus.FLAGGED,
      riskScore: 87,
      riskSignals: signals,
      modelVersion: "test-1",
      ...fields,
    }),
  );
}

export { OrgKind };
