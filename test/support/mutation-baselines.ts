import { randomBytes } from "node:crypto";
import { Scope } from "../../src/auth/scopes";
import { InfringementStatus, OrgKind, UserRole } from "../../src/entities/enums";
import { CREATE_REFERRAL, EVIDENCE, RECORD_TEST_BUY, REQUEST_TAKEDOWN, dataOf } from "./enforcement";
import {
  TEST_PASSWORD,
  createApiKeyRow,
  createBrand,
  createInfringement,
  createInvitation,
  createListing,
  createOrganization,
  createProduct,
  createUser,
} from "./factories";
import { contribute } from "./intel";
import { createCast, gid, userPersona, type Cast, type Persona } from "./personas";
import type { Credentials, TestApi } from "./test-api";

export interface Baseline {
  as?: Credentials;
  variables: Record<string, unknown>;
}
export type Setup = () => Promise<Baseline>;

// What the baselines act in: filled in once the test's server and cast are up (a test lists its
// mutations before then). `ruleCode`: a governance rule the platform has published, for feedback.
export interface BaselineWorld {
  api: TestApi;
  cast: Cast;
  platformAdmin: Persona;
  ruleCode: string;
}

// The cast, the platform's admin, and a rule published for feedback to be given on.
export async function baselineWorld(api: TestApi, ruleCode: string): Promise<BaselineWorld> {
  const cast = await createCast(api);
  const platformAdmin = await cast.userOf(cast.platformAnalyst.org, UserRole.ADMIN);
  const published = await api.gql(
    `mutation($code: String!) { publishGovernanceRule(input: { code: $code, title: "A rule", body: "A rule to give feedback on" }) { id } }`,
    { code: ruleCode },
    platformAdmin.as,
  );
  dataOf(published);
  return { api, cast, platformAdmin, ruleCode };
}

// Each mutation's valid call, as the persona entitled to it, on rows of its own: fresh ones each
// time a setup is called.
export function mutationBaselines(world: BaselineWorld): Record<string, Setup> {
  const letters = (n: number) => [...randomBytes(n)].map((byte) => String.fromCharCode(97 + (byte % 26))).join("");
  const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;
  const db = () => world.api.dataSource;
  const ok = async <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, as: Credentials) => dataOf(await world.api.gql<T>(query, variables, as));
  const idOf = (data: Record<string, unknown>) => (Object.values(data)[0] as { id: string }).id;

  // ---- Fresh rows on which each mutation's baseline is allowed ----

  async function caseOfBrandA(status = InfringementStatus.FLAGGED): Promise<string> {
    const listing = await createListing(db(), world.cast.seller);
    return gid("Infringement", (await createInfringement(db(), world.cast.brandA.brand, listing, { status })).id);
  }
  const pendingTakedown = async () => idOf(await ok(REQUEST_TAKEDOWN, { id: await caseOfBrandA(InfringementStatus.CONFIRMED) }, world.cast.brandAAnalyst.as));
  const referral = async () =>
    idOf(await ok(CREATE_REFERRAL, { agencyId: gid("Organization", world.cast.investigator.org.id), ids: [await caseOfBrandA(InfringementStatus.CONFIRMED)] }, world.cast.platformAnalyst.as));
  const feedback = async (visibility = "PRIVATE") =>
    idOf(
      await ok(
        `mutation($input: SubmitPolicyFeedbackInput!) { submitPolicyFeedback(input: $input) { id } }`,
        { input: { ruleCode: world.ruleCode, kind: "SUGGESTION", body: unique("feedback"), visibility } },
        world.cast.brandAAnalyst.as,
      ),
    );
  const indicator = async () => gid("Indicator", (await contribute(world.api, world.cast.brandAAnalyst, [{ kind: "KEYWORD", value: letters(12) }]))[0]);
  // A report of a month long past, a month of its own: generated, so a DRAFT.
  let reportedMonths = 0;
  const draftReport = async () => {
    const month = reportedMonths++;
    const period = `${2001 + Math.floor(month / 12)}-${String(1 + (month % 12)).padStart(2, "0")}`;
    const data = await ok<{ generateProgressReport: { id: string; generatedAt: string } }>(
      `mutation($period: String!) { generateProgressReport(period: $period) { id generatedAt } }`,
      { period },
      world.platformAdmin.as,
    );
    return data.generateProgressReport;
  };
  const member = () => createOrganization(db(), OrgKind.BRAND);
  const userOfBrandA = (role = UserRole.ANALYST) => createUser(db(), world.cast.brandA.org, role);
  const money = (amountMinor: number) => ({ amountMinor, currency: "CNY" });
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

  return {
    acceptInvitation: async () => ({ variables: { token: await createInvitation(db(), world.cast.brandA.org), password: "a long enough passphrase 42" } }),
    addInfringementNote: async () => ({ as: world.cast.brandAAnalyst.as, variables: { input: { infringementId: await caseOfBrandA(), body: "seen again" } } }),
    addMemberBrand: async () => ({
      as: world.platformAdmin.as,
      variables: { input: { organizationId: gid("Organization", (await member()).id), name: `Zb${letters(10)}`, aliases: [`Zb${letters(10)}`] } },
    }),
    changePassword: async () => {
      const user = await userPersona(world.api, world.cast.brandA.org, UserRole.ANALYST);
      return { as: user.as, variables: { currentPassword: TEST_PASSWORD, newPassword: "another long passphrase 42" } };
    },
    changeUserRole: async () => ({ as: world.cast.brandAAdmin.as, variables: { id: gid("User", (await userOfBrandA()).id), role: "VIEWER" } }),
    contributeIndicators: async () => ({
      as: world.cast.brandAAnalyst.as,
      variables: {
        indicators: [
          {
            kind: "KEYWORD",
            value: letters(12),
            distribution: "PRIVATE",
            confidence: 60,
            note: "seen on three stores",
            brandId: gid("Brand", world.cast.brandA.brand.id),
            expiresAt: daysAgo(-30).toISOString(),
          },
        ],
      },
    }),
    createApiKey: async () => ({
      as: world.cast.brandAAdmin.as,
      variables: { input: { name: unique("key"), scopes: ["CATALOGUE_READ"], expiresAt: daysAgo(-30).toISOString() } },
    }),
    createReferral: async () => ({
      as: world.cast.platformAnalyst.as,
      variables: {
        input: { agencyId: gid("Organization", world.cast.investigator.org.id), infringementIds: [await caseOfBrandA(InfringementStatus.CONFIRMED)], summary: "one ring" },
      },
    }),
    decideTakedown: async () => ({ as: world.cast.platformAnalyst.as, variables: { input: { id: await pendingTakedown(), decision: "REJECT", note: "not enough" } } }),
    disableUser: async () => ({ as: world.cast.brandAAdmin.as, variables: { id: gid("User", (await userOfBrandA()).id) } }),
    enableUser: async () => {
      const user = await userOfBrandA();
      await db().query(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [user.id]);
      return { as: world.cast.brandAAdmin.as, variables: { id: gid("User", user.id) } };
    },
    endorsePolicyFeedback: async () => ({ as: world.cast.brandBAnalyst.as, variables: { id: await feedback("ALLIANCE") } }),
    expireIndicator: async () => ({ as: world.cast.brandAAnalyst.as, variables: { id: await indicator() } }),
    fileLegalAction: async () => ({
      as: world.cast.brandAAnalyst.as,
      variables: {
        input: { sellerId: gid("Seller", world.cast.seller.id), court: unique("Court"), caseNumber: unique("case"), claim: money(100_000), filedOn: daysAgo(3).toISOString().slice(0, 10) },
      },
    }),
    generateProgressReport: async () => {
      const now = new Date();
      const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
      return { as: world.platformAdmin.as, variables: { period: lastMonth } };
    },
    ingestListings: async () => ({
      as: world.cast.platformAnalyst.as,
      variables: {
        listings: [
          {
            marketplace: "TAOBAO",
            externalId: unique("item"),
            title: "replica bag 1:1",
            description: "a bag",
            price: money(15_900),
            imageHashes: ["0123456789abcdef"],
            listedAt: daysAgo(10).toISOString(),
            seenAt: daysAgo(1).toISOString(),
            specs: { colour: "red" },
            reviews: { count: 12, averageRating: 4.5, duplicateTextShare: 0.1, fiveStarFirstWeek: 3, newAccountShare: 0.2 },
            seller: {
              externalId: unique("store"),
              name: "A store",
              brandCount: 3,
              contact: "+86 138 0000 0000",
              paymentAccount: "6222 **** 1234",
              registeredName: "Example Trading Co.",
              openedAt: daysAgo(400).toISOString(),
              strikeCount: 0,
            },
          },
        ],
      },
    }),
    inviteMember: async () => ({
      as: world.platformAdmin.as,
      variables: {
        input: {
          organizationName: unique("Member"),
          adminEmail: `${unique("admin")}@${unique("member")}.test`,
          adminName: "Ada Admin",
          brands: [{ name: `Zb${letters(10)}`, aliases: [`Zb${letters(10)}`] }],
        },
      },
    }),
    inviteUser: async () => ({
      as: world.cast.brandAAdmin.as,
      variables: { input: { email: `${unique("invitee")}@${world.cast.brandA.org.slug}.test`, name: "Ivy Invitee", role: "VIEWER" } },
    }),
    login: async () => {
      const user = await userOfBrandA();
      return { variables: { email: user.email, password: TEST_PASSWORD } };
    },
    publishGovernanceRule: async () => ({
      as: world.platformAdmin.as,
      variables: { input: { code: unique("RULE").toUpperCase(), title: "A rule", body: "What members agree to", effectiveAt: daysAgo(-1).toISOString() } },
    }),
    publishProgressReport: async () => {
      const { id } = await draftReport();
      await ok(`mutation($id: ID!) { reviewProgressReport(input: { id: $id }) { id } }`, { id }, world.platformAdmin.as);
      return { as: world.platformAdmin.as, variables: { id } };
    },
    recordSighting: async () => ({
      as: world.cast.brandAAnalyst.as,
      variables: { input: { indicatorId: await indicator(), seenAt: daysAgo(2).toISOString(), source: "https://market.example/item/1" } },
    }),
    recordTestBuy: async () => ({
      as: world.cast.brandAAnalyst.as,
      variables: { input: { infringementId: await caseOfBrandA(), orderedAt: daysAgo(2).toISOString(), cost: money(15_900), orderReference: unique("order") } },
    }),
    recordTestBuyOutcome: async () => {
      const bought = await ok(
        RECORD_TEST_BUY,
        { input: { infringementId: await caseOfBrandA(), orderedAt: daysAgo(2).toISOString(), cost: money(15_900), orderReference: unique("order") } },
        world.cast.brandAAnalyst.as,
      );
      return { as: world.cast.brandAAnalyst.as, variables: { input: { id: idOf(bought), outcome: "COUNTERFEIT", findings: "fake stitching", evidence: [EVIDENCE[0]] } } };
    },
    reinstateMember: async () => {
      const org = await member();
      await ok(`mutation($id: ID!) { suspendMember(input: { id: $id }) { id } }`, { id: gid("Organization", org.id) }, world.platformAdmin.as);
      return { as: world.platformAdmin.as, variables: { id: gid("Organization", org.id) } };
    },
    removeProducts: async () => {
      const product = await createProduct(db(), world.cast.brandA.brand);
      return { as: world.cast.brandAAdmin.as, variables: { input: { brandId: gid("Brand", world.cast.brandA.brand.id), skus: [product.sku] } } };
    },
    requestTakedown: async () => ({ as: world.cast.brandAAnalyst.as, variables: { input: { infringementId: await caseOfBrandA(InfringementStatus.CONFIRMED), reason: "confirmed fake" } } }),
    requestTakedowns: async () => ({
      as: world.cast.brandAAnalyst.as,
      variables: { input: { infringementIds: [await caseOfBrandA(InfringementStatus.CONFIRMED)], reason: "confirmed fakes" } },
    }),
    respondToPolicyFeedback: async () => ({ as: world.platformAdmin.as, variables: { input: { id: await feedback(), response: "looking into it", status: "UNDER_REVIEW" } } }),
    reviewInfringement: async () => ({ as: world.cast.brandAAnalyst.as, variables: { input: { id: await caseOfBrandA(), status: "UNDER_REVIEW", note: "looking" } } }),
    reviewInfringements: async () => ({ as: world.cast.brandAAnalyst.as, variables: { input: { infringementIds: [await caseOfBrandA()], status: "UNDER_REVIEW", note: "looking" } } }),
    reviewProgressReport: async () => {
      const { id, generatedAt } = await draftReport();
      return { as: world.platformAdmin.as, variables: { input: { id, generatedAt, note: "figures checked" } } };
    },
    revokeApiKey: async () => ({ as: world.cast.brandAAdmin.as, variables: { id: gid("ApiKey", (await createApiKeyRow(db(), world.cast.brandA.org, [Scope.CATALOGUE_READ])).apiKey.id) } }),
    revokeInvitation: async () => {
      const invited = await ok<{ inviteUser: { invitation: { id: string } } }>(
        `mutation($input: InviteUserInput!) { inviteUser(input: $input) { invitation { id } } }`,
        { input: { email: `${unique("invitee")}@${world.cast.brandA.org.slug}.test`, name: "Ivy Invitee", role: "VIEWER" } },
        world.cast.brandAAdmin.as,
      );
      return { as: world.cast.brandAAdmin.as, variables: { id: invited.inviteUser.invitation.id } };
    },
    setBrandAliases: async () => ({
      as: world.platformAdmin.as,
      variables: { input: { brandId: gid("Brand", (await createBrand(db(), await member())).id), aliases: [`Zb${letters(10)}`] } },
    }),
    setEmailDomains: async () => ({ as: world.platformAdmin.as, variables: { input: { organizationId: gid("Organization", (await member()).id), domains: [`${unique("mail")}.test`] } } }),
    signOutEverywhere: async () => ({ as: (await userPersona(world.api, world.cast.brandA.org, UserRole.ANALYST)).as, variables: {} }),
    submitPolicyFeedback: async () => ({ as: world.cast.brandAAnalyst.as, variables: { input: { ruleCode: world.ruleCode, kind: "SUGGESTION", body: unique("feedback"), visibility: "PRIVATE" } } }),
    suspendMember: async () => ({ as: world.platformAdmin.as, variables: { input: { id: gid("Organization", (await member()).id), reason: "unpaid dues" } } }),
    takeDownListing: async () => ({
      as: world.cast.platformAnalyst.as,
      variables: { input: { listingId: gid("Listing", (await createListing(db(), world.cast.seller)).id), reason: "sells fakes" } },
    }),
    updateLegalAction: async () => {
      const filed = await ok(
        `mutation($input: FileLegalActionInput!) { fileLegalAction(input: $input) { id } }`,
        { input: { sellerId: gid("Seller", world.cast.seller.id), court: unique("Court"), claim: money(100_000), filedOn: daysAgo(3).toISOString().slice(0, 10) } },
        world.cast.brandAAnalyst.as,
      );
      return { as: world.cast.brandAAnalyst.as, variables: { input: { id: idOf(filed), status: "JUDGMENT_FOR_PLAINTIFF", judgment: money(90_000), caseNumber: unique("case") } } };
    },
    updateReferral: async () => {
      const id = await referral();
      await ok(`mutation($id: ID!) { updateReferral(input: { id: $id, status: INVESTIGATING }) { id } }`, { id }, world.cast.investigator.as);
      return {
        as: world.cast.investigator.as,
        variables: { input: { id, status: "RAIDED", raidDate: new Date().toISOString().slice(0, 10), arrests: 2, seizedUnits: 300, seizedValue: money(5_000_000) } },
      };
    },
    upsertProducts: async () => ({
      as: world.cast.brandAAdmin.as,
      variables: {
        input: {
          brandId: gid("Brand", world.cast.brandA.brand.id),
          products: [{ sku: unique("SKU"), name: "Silk scarf", category: "scarves", msrp: money(129_000), specs: { material: "silk" }, logoHashes: [randomBytes(8).toString("hex")] }],
        },
      },
    }),
    widenIndicatorDistribution: async () => ({ as: world.cast.brandAAnalyst.as, variables: { input: { id: await indicator(), distribution: "ALLIANCE" } } }),
    withdrawEndorsement: async () => {
      const id = await feedback("ALLIANCE");
      await ok(`mutation($id: ID!) { endorsePolicyFeedback(id: $id) { id } }`, { id }, world.cast.brandBAnalyst.as);
      return { as: world.cast.brandBAnalyst.as, variables: { id } };
    },
    withdrawPolicyFeedback: async () => ({ as: world.cast.brandAAnalyst.as, variables: { id: await feedback() } }),
    withdrawReferral: async () => ({ as: world.cast.platformAnalyst.as, variables: { input: { id: await referral(), reason: "sent in error" } } }),
    withdrawTakedown: async () => ({ as: world.cast.brandAAnalyst.as, variables: { input: { id: await pendingTakedown(), note: "settled with the store" } } }),
  };
}
