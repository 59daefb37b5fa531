import type { GraphQLObjectType } from "graphql";
import { ErrorCode } from "../../src/errors";
import { footprint } from "../support/footprint";
import {
  everyInputCoordinate,
  inputFieldsOf,
  mutationDocument,
  pathText,
  valueAt,
  variantsOf,
  withValueAt,
} from "../support/input-variants";
import { baselineWorld, mutationBaselines, type Baseline, type BaselineWorld } from "../support/mutation-baselines";
import { crawlSchema } from "../support/schema-crawl";
import { startTestApi, type GraphQLResponse } from "../support/test-api";

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

const world = {} as BaselineWorld;
const BASELINES = mutationBaselines(world);
const db = () => world.api.dataSource;

const mutationType = crawlSchema.getMutationType() as GraphQLObjectType;
const MUTATIONS = Object.keys(BASELINES).sort();

const firstBaselines = new Map<string, Baseline>();

beforeAll(async () => {
  const api = await startTestApi(Object.fromEntries(Object.entries(SETTINGS).map(([name, value]) => [name, String(value)])));
  Object.assign(world, await baselineWorld(api, "BAD-INPUT-CRAWL"));
  for (const name of MUTATIONS) firstBaselines.set(name, await BASELINES[name]());
}, 120_000);
afterAll(() => world.api.close());

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
      const response = await world.api.gql(document, withValueAt(baseline.variables, input.path, variant.value), baseline.as);
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
  const control = await world.api.gql(document, baseline.variables, baseline.as);
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
