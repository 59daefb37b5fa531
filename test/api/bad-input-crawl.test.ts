import { randomBytes } from "node:crypto";
import type { GraphQLObjectType } from "graphql";
import { Scope } from "../../src/auth/scopes";
import { InfringementStatus, OrgKind, UserRole } from "../../src/entities/enums";
import { ErrorCode } from "../../src/errors";
import { CREATE_REFERRAL, EVIDENCE, RECORD_TEST_BUY, REQUEST_TAKEDOWN, dataOf } from "../support/enforcement";
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
} from "../support/factories";
import { footprint } from "../support/footprint";
import { contribute } from "../support/intel";
import {
  everyInputCoordinate,
  inputFieldsOf,
  mutationDocument,
  pathText,
  valueAt,
  variantsOf,
  withValueAt,
} from "../support/input-variants";
import { createCast, gid, userPersona, type Cast, type Persona } from "../support/personas";
import { crawlSchema } from "../support/schema-crawl";
import { startTestApi, type Credentials, type GraphQLResponse, type TestApi } from "../support/test-api";

// Bad input gets a clear coded error and changes nothing. test/api/bad-input.test.ts checks cases
// picked by hand; this crawl asks what the schema has: every mutation, with each input field its
// arguments reach broken alone, in the ways its type and its description's limits say
// (test/support/input-variants.ts), and then with the input it broke, whole: a positive control,
// sent on the rows every variant was refused on, so that each refusal was the broken field's.
// Each refusal must be a client's error code, never an internal error, with every table as it
// was. A new mutation or input field fails the coverage test until it is crawled or listed below
// with a reason.

// Settings the descriptions name as limits ("Up to MAX_INGEST_BATCH listings"), small so that a
// list over them is cheap to send.
const SETTINGS = { INTEL_MAX_CONTRIBUTE_BATCH: 3, MAX_INGEST_BATCH: 3, MAX_BULK_TAKEDOWNS: 3, MAX_PAGE_SIZE: 3 };

// Codes that say the client is to mend its request (README, "Errors"); the server's own troubles
// (INTERNAL_SERVER_ERROR, SERVICE_UNAVAILABLE, TIMEOUT) are not answers to bad input.
const CLIENT_CODES = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.CONFLICT,
  ErrorCode.FORBIDDEN,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.RATE_LIMITED,
]);

// Variants that are valid input by design, "<mutation> <path>: <variant>", and why. A variant
// accepted and not listed here fails the crawl; one listed here and refused does too.
const FREE_TEXT = "free text people read and nothing compares: only names and references refuse control characters (src/domain/validation.ts)";
const PASSWORD = "a password may hold any character: it is only hashed";
const SCANNED = "a scanned listing's text is kept as the marketplace shows it";
const ALIASES_OPTIONAL = "up to 20 other names: a brand may have none";
const ALIASES_ALIKE = "names read alike are kept once, as first given (SetBrandAliasesInput.aliases; an invitation's brands are checked the same way)";
const BLANK_IS_NONE = "optional text: blank is none, as left out";
const IDENTITY_KEPT = "documented: left out or blank, the stored one stays";
const ACCEPTED: Record<string, string> = {
  "acceptInvitation password: a control character": PASSWORD,
  "changePassword newPassword: a control character": PASSWORD,
  "addInfringementNote input.body: a control character": FREE_TEXT,
  "addMemberBrand input.aliases: an empty list": ALIASES_OPTIONAL,
  "addMemberBrand input.aliases: an item twice": ALIASES_ALIKE,
  "contributeIndicators indicators[0].note: empty": "documented: blank is none",
  "contributeIndicators indicators[0].note: whitespace only": "documented: blank is none",
  "contributeIndicators indicators[0].note: a control character": FREE_TEXT,
  "createApiKey input.scopes: an item twice": "scopes are a set: one given twice is held once",
  "createReferral input.summary: a control character": FREE_TEXT,
  "decideTakedown input.note: a control character": FREE_TEXT,
  "fileLegalAction input.caseNumber: empty": "a case number is given if the court has given one: blank is none, as updateLegalAction's clears one",
  "fileLegalAction input.caseNumber: whitespace only": "as an empty caseNumber",
  "ingestListings listings: an empty list": "up to MAX_INGEST_BATCH listings: a scanner with nothing new sends none",
  "ingestListings listings: an item twice": "documented: a listing given twice keeps its last valid row",
  "ingestListings listings[0].description: empty": "documented: default empty",
  "ingestListings listings[0].description: whitespace only": "documented: default empty",
  "ingestListings listings[0].description: a control character": SCANNED,
  "ingestListings listings[0].imageHashes: an empty list": "a listing may show no image",
  "ingestListings listings[0].imageHashes: an item twice": "a listing may show one image twice",
  "ingestListings listings[0].price.amountMinor: zero, under its minimum of 1": "documented: a listing's price is 0 or more",
  "ingestListings listings[0].price.amountMinor: over its maximum of 1000000000000": "documented: the maximum is not a listing price's",
  "ingestListings listings[0].seller.contact: empty": IDENTITY_KEPT,
  "ingestListings listings[0].seller.contact: whitespace only": IDENTITY_KEPT,
  "ingestListings listings[0].seller.contact: a control character": SCANNED,
  "ingestListings listings[0].seller.name: a control character": SCANNED,
  "ingestListings listings[0].seller.paymentAccount: empty": IDENTITY_KEPT,
  "ingestListings listings[0].seller.paymentAccount: whitespace only": IDENTITY_KEPT,
  "ingestListings listings[0].seller.paymentAccount: a control character": SCANNED,
  "ingestListings listings[0].seller.registeredName: empty": IDENTITY_KEPT,
  "ingestListings listings[0].seller.registeredName: whitespace only": IDENTITY_KEPT,
  "ingestListings listings[0].seller.registeredName: a control character": SCANNED,
  "ingestListings listings[0].title: a control character": SCANNED,
  "inviteMember input.brands[0].aliases: an empty list": ALIASES_OPTIONAL,
  "inviteMember input.brands[0].aliases: an item twice": ALIASES_ALIKE,
  "publishGovernanceRule input.body: a control character": FREE_TEXT,
  "publishGovernanceRule input.title: a control character": FREE_TEXT,
  "recordSighting input.source: a control character": FREE_TEXT,
  "recordTestBuy input.cost.amountMinor: zero, under its minimum of 1": "documented: what it cost, 0 allowed",
  "recordTestBuyOutcome input.evidence[0].description: a control character": FREE_TEXT,
  "recordTestBuyOutcome input.findings: empty": BLANK_IS_NONE,
  "recordTestBuyOutcome input.findings: whitespace only": BLANK_IS_NONE,
  "recordTestBuyOutcome input.findings: a control character": FREE_TEXT,
  "requestTakedown input.reason: a control character": FREE_TEXT,
  "requestTakedowns input.reason: a control character": FREE_TEXT,
  "respondToPolicyFeedback input.response: a control character": FREE_TEXT,
  "reviewInfringement input.note: empty": BLANK_IS_NONE,
  "reviewInfringement input.note: whitespace only": BLANK_IS_NONE,
  "reviewInfringement input.note: a control character": FREE_TEXT,
  "reviewInfringements input.note: empty": BLANK_IS_NONE,
  "reviewInfringements input.note: whitespace only": BLANK_IS_NONE,
  "reviewInfringements input.note: a control character": FREE_TEXT,
  "reviewProgressReport input.note: empty": "documented: blank is none",
  "reviewProgressReport input.note: whitespace only": "documented: blank is none",
  "reviewProgressReport input.note: a control character": FREE_TEXT,
  "setBrandAliases input.aliases: an empty list": ALIASES_OPTIONAL,
  "setBrandAliases input.aliases: an item twice": ALIASES_ALIKE,
  "setEmailDomains input.domains: an item twice": "domains are a set: one given twice is kept once",
  "submitPolicyFeedback input.body: a control character": FREE_TEXT,
  "suspendMember input.reason: empty": BLANK_IS_NONE,
  "suspendMember input.reason: whitespace only": BLANK_IS_NONE,
  "suspendMember input.reason: a control character": FREE_TEXT,
  "takeDownListing input.reason: a control character": FREE_TEXT,
  "updateLegalAction input.caseNumber: empty": "documented: blank clears one entered in error",
  "updateLegalAction input.caseNumber: whitespace only": "documented: blank clears one entered in error",
  "updateReferral input.seizedValue.amountMinor: zero, under its minimum of 1": "documented: 0 to 1,000,000,000,000 minor units",
  "upsertProducts input.products[0].logoHashes: an empty list": "at most 20: a product may have no logo",
  "upsertProducts input.products[0].logoHashes: an item twice": "a hash given twice is kept once",
  "withdrawReferral input.reason: a control character": FREE_TEXT,
  "withdrawTakedown input.note: a control character": FREE_TEXT,
};

// Inputs no baseline reaches, and why. A coordinate reached is crawled in every way its type has.
const NOT_CRAWLED: Record<string, string> = {};

// The one mutation that refuses input in its answer, by design: "A row breaking a limit is rejected,
// by index, and the others are written" (ingestListings). Its refusals are the reasons given.
const REFUSED_IN_ANSWER: Record<string, { answer: string; reasons: (data: Record<string, unknown>) => string[] }> = {
  ingestListings: {
    answer: "{ rejected rejections { row reason } }",
    reasons: (data) => (data.ingestListings as { rejections: { reason: string }[] }).rejections.map((rejection) => rejection.reason),
  },
};

// Tables that a refusal writes to by design, by mutation.
const WRITTEN_WHEN_REFUSED: Record<string, { tables: string[]; reason: string }> = {
  login: { tables: ["login_failure"], reason: "a wrong email or password counts as a failed sign-in of the address (LOGIN_MAX_FAILURES)" },
  changePassword: { tables: ["login_failure"], reason: "a wrong current password counts as a failed sign-in of the account's address" },
  ingestListings: { tables: ["audit_event"], reason: "every ingest call is in the audit log with its counts (listings.ingest), one whose rows were all rejected too" },
};

let api: TestApi;
let cast: Cast;
let platformAdmin: Persona;
let ruleCode: string;

const letters = (n: number) => [...randomBytes(n)].map((byte) => String.fromCharCode(97 + (byte % 26))).join("");
const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;
const db = () => api.dataSource;
const ok = async <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, as: Credentials) => dataOf(await api.gql<T>(query, variables, as));
const idOf = (data: Record<string, unknown>) => (Object.values(data)[0] as { id: string }).id;

// ---- Fresh rows on which each mutation's baseline is allowed ----

async function caseOfBrandA(status = InfringementStatus.FLAGGED): Promise<string> {
  const listing = await createListing(db(), cast.seller);
  return gid("Infringement", (await createInfringement(db(), cast.brandA.brand, listing, { status })).id);
}
const pendingTakedown = async () => idOf(await ok(REQUEST_TAKEDOWN, { id: await caseOfBrandA(InfringementStatus.CONFIRMED) }, cast.brandAAnalyst.as));
const referral = async () =>
  idOf(await ok(CREATE_REFERRAL, { agencyId: gid("Organization", cast.investigator.org.id), ids: [await caseOfBrandA(InfringementStatus.CONFIRMED)] }, cast.platformAnalyst.as));
const feedback = async (visibility = "PRIVATE") =>
  idOf(
    await ok(
      `mutation($input: SubmitPolicyFeedbackInput!) { submitPolicyFeedback(input: $input) { id } }`,
      { input: { ruleCode, kind: "SUGGESTION", body: unique("feedback"), visibility } },
      cast.brandAAnalyst.as,
    ),
  );
const indicator = async () => gid("Indicator", (await contribute(api, cast.brandAAnalyst, [{ kind: "KEYWORD", value: letters(12) }]))[0]);
// A report of a month long past, a month of its own: generated, so a DRAFT.
let reportedMonths = 0;
const draftReport = async () => {
  const month = reportedMonths++;
  const period = `${2001 + Math.floor(month / 12)}-${String(1 + (month % 12)).padStart(2, "0")}`;
  const data = await ok<{ generateProgressReport: { id: string; generatedAt: string } }>(
    `mutation($period: String!) { generateProgressReport(period: $period) { id generatedAt } }`,
    { period },
    platformAdmin.as,
  );
  return data.generateProgressReport;
};
const member = () => createOrganization(db(), OrgKind.BRAND);
const userOfBrandA = (role = UserRole.ANALYST) => createUser(db(), cast.brandA.org, role);
const money = (amountMinor: number) => ({ amountMinor, currency: "CNY" });
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

interface Baseline {
  as?: Credentials;
  variables: Record<string, unknown>;
}
type Setup = () => Promise<Baseline>;

// Each mutation's valid call, as the persona entitled to it, on rows of its own.
const BASELINES: Record<string, Setup> = {
  acceptInvitation: async () => ({ variables: { token: await createInvitation(db(), cast.brandA.org), password: "a long enough passphrase 42" } }),
  addInfringementNote: async () => ({ as: cast.brandAAnalyst.as, variables: { input: { infringementId: await caseOfBrandA(), body: "seen again" } } }),
  addMemberBrand: async () => ({
    as: platformAdmin.as,
    variables: { input: { organizationId: gid("Organization", (await member()).id), name: `Zb${letters(10)}`, aliases: [`Zb${letters(10)}`] } },
  }),
  changePassword: async () => {
    const user = await userPersona(api, cast.brandA.org, UserRole.ANALYST);
    return { as: user.as, variables: { currentPassword: TEST_PASSWORD, newPassword: "another long passphrase 42" } };
  },
  changeUserRole: async () => ({ as: cast.brandAAdmin.as, variables: { id: gid("User", (await userOfBrandA()).id), role: "VIEWER" } }),
  contributeIndicators: async () => ({
    as: cast.brandAAnalyst.as,
    variables: {
      indicators: [
        {
          kind: "KEYWORD",
          value: letters(12),
          distribution: "PRIVATE",
          confidence: 60,
          note: "seen on three stores",
          brandId: gid("Brand", cast.brandA.brand.id),
          expiresAt: daysAgo(-30).toISOString(),
        },
      ],
    },
  }),
  createApiKey: async () => ({
    as: cast.brandAAdmin.as,
    variables: { input: { name: unique("key"), scopes: ["CATALOGUE_READ"], expiresAt: daysAgo(-30).toISOString() } },
  }),
  createReferral: async () => ({
    as: cast.platformAnalyst.as,
    variables: {
      input: { agencyId: gid("Organization", cast.investigator.org.id), infringementIds: [await caseOfBrandA(InfringementStatus.CONFIRMED)], summary: "one ring" },
    },
  }),
  decideTakedown: async () => ({ as: cast.platformAnalyst.as, variables: { input: { id: await pendingTakedown(), decision: "REJECT", note: "not enough" } } }),
  disableUser: async () => ({ as: cast.brandAAdmin.as, variables: { id: gid("User", (await userOfBrandA()).id) } }),
  enableUser: async () => {
    const user = await userOfBrandA();
    await db().query(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [user.id]);
    return { as: cast.brandAAdmin.as, variables: { id: gid("User", user.id) } };
  },
  endorsePolicyFeedback: async () => ({ as: cast.brandBAnalyst.as, variables: { id: await feedback("ALLIANCE") } }),
  expireIndicator: async () => ({ as: cast.brandAAnalyst.as, variables: { id: await indicator() } }),
  fileLegalAction: async () => ({
    as: cast.brandAAnalyst.as,
    variables: {
      input: { sellerId: gid("Seller", cast.seller.id), court: unique("Court"), caseNumber: unique("case"), claim: money(100_000), filedOn: daysAgo(3).toISOString().slice(0, 10) },
    },
  }),
  generateProgressReport: async () => {
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    return { as: platformAdmin.as, variables: { period: lastMonth } };
  },
  ingestListings: async () => ({
    as: cast.platformAnalyst.as,
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
    as: platformAdmin.as,
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
    as: cast.brandAAdmin.as,
    variables: { input: { email: `${unique("invitee")}@${cast.brandA.org.slug}.test`, name: "Ivy Invitee", role: "VIEWER" } },
  }),
  login: async () => {
    const user = await userOfBrandA();
    return { variables: { email: user.email, password: TEST_PASSWORD } };
  },
  publishGovernanceRule: async () => ({
    as: platformAdmin.as,
    variables: { input: { code: unique("RULE").toUpperCase(), title: "A rule", body: "What members agree to", effectiveAt: daysAgo(-1).toISOString() } },
  }),
  publishProgressReport: async () => {
    const { id } = await draftReport();
    await ok(`mutation($id: ID!) { reviewProgressReport(input: { id: $id }) { id } }`, { id }, platformAdmin.as);
    return { as: platformAdmin.as, variables: { id } };
  },
  recordSighting: async () => ({
    as: cast.brandAAnalyst.as,
    variables: { input: { indicatorId: await indicator(), seenAt: daysAgo(2).toISOString(), source: "https://market.example/item/1" } },
  }),
  recordTestBuy: async () => ({
    as: cast.brandAAnalyst.as,
    variables: { input: { infringementId: await caseOfBrandA(), orderedAt: daysAgo(2).toISOString(), cost: money(15_900), orderReference: unique("order") } },
  }),
  recordTestBuyOutcome: async () => {
    const bought = await ok(
      RECORD_TEST_BUY,
      { input: { infringementId: await caseOfBrandA(), orderedAt: daysAgo(2).toISOString(), cost: money(15_900), orderReference: unique("order") } },
      cast.brandAAnalyst.as,
    );
    return { as: cast.brandAAnalyst.as, variables: { input: { id: idOf(bought), outcome: "COUNTERFEIT", findings: "fake stitching", evidence: [EVIDENCE[0]] } } };
  },
  reinstateMember: async () => {
    const org = await member();
    await ok(`mutation($id: ID!) { suspendMember(input: { id: $id }) { id } }`, { id: gid("Organization", org.id) }, platformAdmin.as);
    return { as: platformAdmin.as, variables: { id: gid("Organization", org.id) } };
  },
  removeProducts: async () => {
    const product = await createProduct(db(), cast.brandA.brand);
    return { as: cast.brandAAdmin.as, variables: { input: { brandId: gid("Brand", cast.brandA.brand.id), skus: [product.sku] } } };
  },
  requestTakedown: async () => ({ as: cast.brandAAnalyst.as, variables: { input: { infringementId: await caseOfBrandA(InfringementStatus.CONFIRMED), reason: "confirmed fake" } } }),
  requestTakedowns: async () => ({
    as: cast.brandAAnalyst.as,
    variables: { input: { infringementIds: [await caseOfBrandA(InfringementStatus.CONFIRMED)], reason: "confirmed fakes" } },
  }),
  respondToPolicyFeedback: async () => ({ as: platformAdmin.as, variables: { input: { id: await feedback(), response: "looking into it", status: "UNDER_REVIEW" } } }),
  reviewInfringement: async () => ({ as: cast.brandAAnalyst.as, variables: { input: { id: await caseOfBrandA(), status: "UNDER_REVIEW", note: "looking" } } }),
  reviewInfringements: async () => ({ as: cast.brandAAnalyst.as, variables: { input: { infringementIds: [await caseOfBrandA()], status: "UNDER_REVIEW", note: "looking" } } }),
  reviewProgressReport: async () => {
    const { id, generatedAt } = await draftReport();
    return { as: platformAdmin.as, variables: { input: { id, generatedAt, note: "figures checked" } } };
  },
  revokeApiKey: async () => ({ as: cast.brandAAdmin.as, variables: { id: gid("ApiKey", (await createApiKeyRow(db(), cast.brandA.org, [Scope.CATALOGUE_READ])).apiKey.id) } }),
  revokeInvitation: async () => {
    const invited = await ok<{ inviteUser: { invitation: { id: string } } }>(
      `mutation($input: InviteUserInput!) { inviteUser(input: $input) { invitation { id } } }`,
      { input: { email: `${unique("invitee")}@${cast.brandA.org.slug}.test`, name: "Ivy Invitee", role: "VIEWER" } },
      cast.brandAAdmin.as,
    );
    return { as: cast.brandAAdmin.as, variables: { id: invited.inviteUser.invitation.id } };
  },
  setBrandAliases: async () => ({
    as: platformAdmin.as,
    variables: { input: { brandId: gid("Brand", (await createBrand(db(), await member())).id), aliases: [`Zb${letters(10)}`] } },
  }),
  setEmailDomains: async () => ({ as: platformAdmin.as, variables: { input: { organizationId: gid("Organization", (await member()).id), domains: [`${unique("mail")}.test`] } } }),
  signOutEverywhere: async () => ({ as: (await userPersona(api, cast.brandA.org, UserRole.ANALYST)).as, variables: {} }),
  submitPolicyFeedback: async () => ({ as: cast.brandAAnalyst.as, variables: { input: { ruleCode, kind: "SUGGESTION", body: unique("feedback"), visibility: "PRIVATE" } } }),
  suspendMember: async () => ({ as: platformAdmin.as, variables: { input: { id: gid("Organization", (await member()).id), reason: "unpaid dues" } } }),
  takeDownListing: async () => ({
    as: cast.platformAnalyst.as,
    variables: { input: { listingId: gid("Listing", (await createListing(db(), cast.seller)).id), reason: "sells fakes" } },
  }),
  updateLegalAction: async () => {
    const filed = await ok(
      `mutation($input: FileLegalActionInput!) { fileLegalAction(input: $input) { id } }`,
      { input: { sellerId: gid("Seller", cast.seller.id), court: unique("Court"), claim: money(100_000), filedOn: daysAgo(3).toISOString().slice(0, 10) } },
      cast.brandAAnalyst.as,
    );
    return { as: cast.brandAAnalyst.as, variables: { input: { id: idOf(filed), status: "JUDGMENT_FOR_PLAINTIFF", judgment: money(90_000), caseNumber: unique("case") } } };
  },
  updateReferral: async () => {
    const id = await referral();
    await ok(`mutation($id: ID!) { updateReferral(input: { id: $id, status: INVESTIGATING }) { id } }`, { id }, cast.investigator.as);
    return {
      as: cast.investigator.as,
      variables: { input: { id, status: "RAIDED", raidDate: new Date().toISOString().slice(0, 10), arrests: 2, seizedUnits: 300, seizedValue: money(5_000_000) } },
    };
  },
  upsertProducts: async () => ({
    as: cast.brandAAdmin.as,
    variables: {
      input: {
        brandId: gid("Brand", cast.brandA.brand.id),
        products: [{ sku: unique("SKU"), name: "Silk scarf", category: "scarves", msrp: money(129_000), specs: { material: "silk" }, logoHashes: [randomBytes(8).toString("hex")] }],
      },
    },
  }),
  widenIndicatorDistribution: async () => ({ as: cast.brandAAnalyst.as, variables: { input: { id: await indicator(), distribution: "ALLIANCE" } } }),
  withdrawEndorsement: async () => {
    const id = await feedback("ALLIANCE");
    await ok(`mutation($id: ID!) { endorsePolicyFeedback(id: $id) { id } }`, { id }, cast.brandBAnalyst.as);
    return { as: cast.brandBAnalyst.as, variables: { id } };
  },
  withdrawPolicyFeedback: async () => ({ as: cast.brandAAnalyst.as, variables: { id: await feedback() } }),
  withdrawReferral: async () => ({ as: cast.platformAnalyst.as, variables: { input: { id: await referral(), reason: "sent in error" } } }),
  withdrawTakedown: async () => ({ as: cast.brandAAnalyst.as, variables: { input: { id: await pendingTakedown(), note: "settled with the store" } } }),
};

// ---- The crawl ----

const mutationType = crawlSchema.getMutationType() as GraphQLObjectType;
const MUTATIONS = Object.keys(BASELINES).sort();

const firstBaselines = new Map<string, Baseline>();

beforeAll(async () => {
  api = await startTestApi(Object.fromEntries(Object.entries(SETTINGS).map(([name, value]) => [name, String(value)])));
  cast = await createCast(api);
  platformAdmin = await cast.userOf(cast.platformAnalyst.org, UserRole.ADMIN);
  ruleCode = "BAD-INPUT-CRAWL";
  await ok(`mutation { publishGovernanceRule(input: { code: "${ruleCode}", title: "Crawled rule", body: "A rule to give feedback on" }) { id } }`, {}, platformAdmin.as);
  for (const name of MUTATIONS) firstBaselines.set(name, await BASELINES[name]());
}, 120_000);
afterAll(() => api.close());

const textOf = (response: GraphQLResponse) => JSON.stringify(response).slice(0, 400);

const changedTables = (before: Record<string, string>, after: Record<string, string>, written: string[]) =>
  Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table] && !written.includes(table));

it.each(MUTATIONS)("%s: refuses each field broken alone with a client's code, changing nothing; its baseline succeeds", async (name) => {
  const field = mutationType.getFields()[name];
  const inAnswer = REFUSED_IN_ANSWER[name];
  const document = inAnswer ? mutationDocument(name, inAnswer.answer) : mutationDocument(name);
  const written = WRITTEN_WHEN_REFUSED[name]?.tables ?? [];
  const problems: string[] = [];
  let baseline = firstBaselines.get(name)!;
  let before = await footprint(db());
  const labels = new Set<string>();
  for (const input of inputFieldsOf(field, baseline.variables)) {
    for (const variant of variantsOf(input, valueAt(baseline.variables, input.path), SETTINGS)) {
      const label = `${name} ${pathText(input.path)}: ${variant.kind}`;
      labels.add(label);
      const response = await api.gql(document, withValueAt(baseline.variables, input.path, variant.value), baseline.as);
      const codes = (response.errors ?? []).map((error) => error.extensions?.code);
      const messages = response.errors?.length ? response.errors.map((error) => error.message) : response.data && inAnswer ? inAnswer.reasons(response.data) : [];
      const refused = messages.length > 0;
      if (!refused) {
        if (!(label in ACCEPTED)) problems.push(`accepted: ${label}`);
      } else {
        if (label in ACCEPTED) problems.push(`refused, yet listed as accepted: ${label}: ${textOf(response)}`);
        if (response.status >= 500 || !codes.every((code) => code && CLIENT_CODES.has(code))) problems.push(`not a client's error: ${label}: ${textOf(response)}`);
        else if (messages.some((message) => !message.trim())) problems.push(`no message: ${label}: ${textOf(response)}`);
      }
      const changed = changedTables(before, await footprint(db()), written);
      if (refused && changed.length) problems.push(`refused, yet changed ${changed.join(", ")}: ${label}`);
      // What was accepted (or written) changed the rows: the next variant starts again on fresh ones.
      if (!refused || changed.length) {
        baseline = await BASELINES[name]();
        before = await footprint(db());
      }
    }
  }
  // The positive control, on the rows every variant above was refused on.
  const control = await api.gql(document, baseline.variables, baseline.as);
  if (control.errors?.length || (control.data && inAnswer?.reasons(control.data).length)) problems.push(`the baseline is refused: ${textOf(control)}`);
  // A variant listed as accepted that the crawl no longer makes is a stale excuse.
  for (const label of Object.keys(ACCEPTED)) if (label.startsWith(`${name} `) && !labels.has(label)) problems.push(`listed as accepted, never sent: ${label}`);
  expect(problems).toEqual([]);
}, 60_000);

// The inputs the baselines reach, each crawled (an input object through its fields), and every one
// a mutation's arguments could reach.
function coverage(): { crawled: Set<string>; reachable: string[] } {
  const crawled = new Set<string>();
  for (const [name, baseline] of firstBaselines) for (const input of inputFieldsOf(mutationType.getFields()[name], baseline.variables)) crawled.add(input.coordinate);
  const reachable = [...new Set(Object.values(mutationType.getFields()).flatMap((field) => everyInputCoordinate(field)))];
  return { crawled, reachable };
}

it("crawls every mutation and every input field its arguments reach, or says why not", () => {
  const mutations = Object.keys(mutationType.getFields());
  expect(MUTATIONS.filter((name) => !mutations.includes(name))).toEqual([]);
  expect(mutations.filter((name) => !(name in BASELINES) && !(`Mutation.${name}` in NOT_CRAWLED))).toEqual([]);
  const { crawled, reachable } = coverage();
  expect(reachable.filter((coordinate) => !crawled.has(coordinate) && !(coordinate in NOT_CRAWLED))).toEqual([]);
  // An excuse for what the crawl reaches is stale.
  const crawledMutation = (coordinate: string) => /^Mutation\.\w+$/.test(coordinate) && coordinate.slice("Mutation.".length) in BASELINES;
  expect(Object.keys(NOT_CRAWLED).filter((coordinate) => crawled.has(coordinate) || crawledMutation(coordinate))).toEqual([]);
});
