import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { getNamedType, isEnumType, type GraphQLInputType } from "graphql";
import type { DataSource } from "typeorm";
import { loadTokenService } from "../src/auth/jwt";
import type { Config } from "../src/config";
import { intelHmacSecret } from "../src/domain/intel/keyed-hash";
import { toGlobalId } from "../src/schema/global-id";
import { numberArg, openBenchDatabase } from "./bench-database";
import { loadDashboardData } from "./dashboard-data";
import { graphqlClient } from "./graphql-client";
import { listCases, PAGE, type ListCase, type Sample } from "./list-cases";
import { loadListVolumes } from "./list-volumes";
import { startApiServer } from "./start-api-server";

// npm run bench:lists -- [--listings 1000000] [--repeat 3] [--only <list>]
// Every list of the API at marketplace scale. On the bench:query data set (loaded as bench:query
// loads it, if missing) with the volumes list-volumes.ts adds, serves the API as `npm start` does
// and asks every list of schema.graphql (list-cases.ts) as each persona: the member with the most
// cases (its admin), the platform's admin and the agency's investigator. A list a persona may not
// read (its default page refused) is left out for it. Each request is sent once to warm up, then
// --repeat times, one at a time; stderr gets each one's median and max, then the slowest ten; the
// last line is {"requests","over100Ms":[...],"slowest":[...],"unanswered":[...],"untimed":[...]}
// ("unanswered": requests that answered an error, or a deep page a list does not have).

const SLOW_MS = 100;

interface Persona {
  name: string;
  userId: string;
  orgId: string;
}

interface Timing {
  list: string;
  persona: string;
  label: string;
  medianMs: number;
  maxMs: number;
}

interface Member {
  orgId: string;
  adminId: string;
  brandId: string;
  sellerId: string;
  sellerExternalId: string;
  sellerName: string;
  listingExternalId: string;
  agencyId: string;
  category: string;
  sku: string;
}

// The member with the most cases, and the values its filters are tried with: its brand and store
// with the most cases, a listing of one of those, a product of its catalogue.
async function readMember(dataSource: DataSource): Promise<Member> {
  const [row] = await dataSource.query(
    `WITH member AS (SELECT owner_org_id AS id FROM suspected_infringement GROUP BY owner_org_id ORDER BY count(*) DESC LIMIT 1),
          brand AS (SELECT brand_id AS id FROM suspected_infringement WHERE owner_org_id = (SELECT id FROM member) GROUP BY brand_id ORDER BY count(*) DESC LIMIT 1),
          store AS (SELECT seller_id AS id FROM suspected_infringement WHERE owner_org_id = (SELECT id FROM member) GROUP BY seller_id ORDER BY count(*) DESC LIMIT 1)
     SELECT (SELECT id FROM member) AS "orgId",
            (SELECT u.id FROM app_user u WHERE u.owner_org_id = (SELECT id FROM member) AND u.role = 'ADMIN' ORDER BY u.email LIMIT 1) AS "adminId",
            (SELECT id FROM brand) AS "brandId", (SELECT id FROM store) AS "sellerId",
            (SELECT s.external_id FROM seller s WHERE s.id = (SELECT id FROM store)) AS "sellerExternalId",
            (SELECT s.public_name FROM seller s WHERE s.id = (SELECT id FROM store)) AS "sellerName",
            (SELECT l.external_id FROM suspected_infringement si JOIN listing l ON l.id = si.listing_id
              WHERE si.owner_org_id = (SELECT id FROM member) AND si.seller_id = (SELECT id FROM store) LIMIT 1) AS "listingExternalId",
            (SELECT id FROM organization WHERE kind = 'AGENCY' ORDER BY slug LIMIT 1) AS "agencyId",
            (SELECT p.category FROM product p WHERE p.brand_id = (SELECT id FROM brand) ORDER BY p.sku LIMIT 1) AS category,
            (SELECT p.sku FROM product p WHERE p.brand_id = (SELECT id FROM brand) ORDER BY p.sku LIMIT 1) AS sku`,
  );
  return row;
}

async function readPersonas(dataSource: DataSource, member: Member): Promise<Persona[]> {
  const first = async (kind: string, role: string) =>
    (await dataSource.query(
      `SELECT u.id AS "userId", u.owner_org_id AS "orgId" FROM app_user u JOIN organization o ON o.id = u.owner_org_id
        WHERE o.kind = $1 AND u.role = $2 ORDER BY u.email LIMIT 1`,
      [kind, role],
    ))[0] as { userId: string; orgId: string };
  return [
    { name: "member", userId: member.adminId, orgId: member.orgId },
    { name: "platform", ...(await first("PLATFORM", "ADMIN")) },
    { name: "agency", ...(await first("AGENCY", "INVESTIGATOR")) },
  ];
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

// What each filter or argument is tried with, by its name (and its owner's, where a name means
// different things); an enum list takes the enum's first value.
function sampleFor(member: Member, listingExternalIds: string[]): Sample {
  const byName: Record<string, unknown> = {
    brandIds: [toGlobalId("Brand", member.brandId)],
    sellerIds: [toGlobalId("Seller", member.sellerId)],
    organizationIds: [toGlobalId("Organization", member.orgId)],
    organizationId: toGlobalId("Organization", member.orgId),
    contributorId: toGlobalId("Organization", member.orgId),
    agencyIds: [toGlobalId("Organization", member.agencyId)],
    createdByUserIds: [toGlobalId("User", member.adminId)],
    actorId: toGlobalId("User", member.adminId),
    actions: ["infringement.review"],
    targetTypes: ["Infringement"],
    minRiskScore: 80,
    nameContains: member.sellerName.slice(0, 4),
    externalIds: [member.sellerExternalId],
    listingExternalIds: [member.listingExternalId],
    ruleCode: "TAKEDOWN-SLA",
    category: member.category,
    sku: member.sku,
    value: { kind: "PHONE", value: "+8613800000000" },
    visibility: "ALLIANCE",
    periodKind: "MONTH",
    kind: "BRAND",
  };
  const byOwner: Record<string, unknown> = {
    "Query.listingsByExternalId.externalIds": listingExternalIds,
    "Query.listingsByExternalId.marketplace": "TAOBAO",
    // A kind the volumes hold (benchIndicator's mix): the schema's first, ADDRESS, has no rows, so
    // its pages timed a walk to the end of an order index rather than a page of indicators.
    "IndicatorFilter.kinds": ["SELLER"],
  };
  return (owner: string, name: string, type: GraphQLInputType) => {
    if (`${owner}.${name}` in byOwner) return byOwner[`${owner}.${name}`];
    if (name in byName) return byName[name];
    const named = getNamedType(type);
    if (named.name === "Boolean") return true;
    // A window's start a month back, its end a week back (from/to and ...From/...To).
    if (named.name === "DateTime" || named.name === "LocalDate") {
      const at = /from$/i.test(name) ? daysAgo(30) : /to$/i.test(name) ? daysAgo(7) : undefined;
      return at && (named.name === "DateTime" ? at.toISOString() : at.toISOString().slice(0, 10));
    }
    if (isEnumType(named) && String(type).startsWith("[")) return [named.getValues()[0].value ?? named.getValues()[0].name];
    return undefined;
  };
}

const median = (sorted: number[]) => sorted[Math.floor(sorted.length / 2)];
const round = (ms: number) => Math.round(ms * 10) / 10;

interface Answer {
  data?: { list?: { pageInfo?: { endCursor: string | null } } };
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function main() {
  const listings = numberArg("listings", 1_000_000);
  const repeat = numberArg("repeat", 3);
  const onlyAt = process.argv.indexOf("--only");
  const only = onlyAt < 0 ? null : process.argv[onlyAt + 1];
  const { database, config } = await openBenchDatabase();
  const { dataSource } = database;
  await loadDashboardData(dataSource, config, listings);
  await loadListVolumes(dataSource, config);
  const member = await readMember(dataSource);
  const personas = await readPersonas(dataSource, member);
  const listingExternalIds: string[] = (
    await dataSource.query(`SELECT external_id FROM listing WHERE marketplace = 'TAOBAO' ORDER BY id LIMIT ${PAGE}`)
  ).map((row: { external_id: string }) => row.external_id);
  const { cases, untimed } = listCases(sampleFor(member, listingExternalIds));
  const server = await serve(database, config);
  const timings: Timing[] = [];
  const unanswered: string[] = [];
  try {
    const tokens = loadTokenService({ ...config, jwt: { ...config.jwt, secret: server.jwtSecret } });
    for (const persona of personas) {
      const ask = graphqlClient(server.url, (await tokens.sign({ userId: persona.userId, orgId: persona.orgId })).token);
      const forbidden = new Set<string>();
      for (const request of cases.filter((c) => !only || c.list === only)) {
        if (forbidden.has(request.list)) continue;
        const outcome = await timeCase(ask, request, repeat);
        if ("error" in outcome) {
          // A list the persona may not read at all is not its list; any other error is reported.
          if (request.label === "default page" || request.label === "all") forbidden.add(request.list);
          else unanswered.push(`${persona.name} ${request.list} ${request.label}: ${outcome.error}`);
          continue;
        }
        const timing = { list: request.list, persona: persona.name, label: request.label, ...outcome };
        timings.push(timing);
        console.error(`${persona.name} ${request.list} ${request.label}: ${timing.medianMs} ms (max ${timing.maxMs})`);
      }
      console.error(`${persona.name}: not its lists: ${[...forbidden].join(", ") || "none"}`);
    }
  } finally {
    await server.stop();
    if (config.database.kind === "server") await database.close();
  }
  const slowest = [...timings].sort((a, b) => b.medianMs - a.medianMs).slice(0, 10);
  console.error("slowest ten:");
  for (const t of slowest) console.error(`  ${t.medianMs} ms (max ${t.maxMs}) ${t.persona} ${t.list} ${t.label}`);
  for (const line of untimed) console.error(`not timed: ${line}`);
  console.log(JSON.stringify({ requests: timings.length, over100Ms: timings.filter((t) => t.medianMs > SLOW_MS), slowest, unanswered, untimed }));
}

// One request: the pages before it walked by endCursor, then a warm-up and `repeat` timed answers.
async function timeCase(ask: (request: object) => Promise<unknown>, request: ListCase, repeat: number): Promise<{ medianMs: number; maxMs: number } | { error: string }> {
  const variables = { ...request.variables };
  for (let page = 0; page < request.skipPages; page += 1) {
    const answer = (await ask({ query: request.query, variables })) as Answer;
    if (answer.errors) return { error: answer.errors[0].extensions?.code ?? answer.errors[0].message };
    const after = answer.data?.list?.pageInfo?.endCursor;
    if (!after) return { error: `fewer than ${page + 2} pages` };
    variables.after = after;
  }
  const times: number[] = [];
  for (let run = 0; run <= repeat; run += 1) {
    const started = performance.now();
    const answer = (await ask({ query: request.query, variables })) as Answer;
    const elapsed = performance.now() - started;
    if (answer.errors) return { error: answer.errors[0].extensions?.code ?? answer.errors[0].message };
    if (run > 0) times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  return { medianMs: round(median(times)), maxMs: round(times.at(-1)!) };
}

// The API as `npm start` serves it, in production mode, with the secrets the data was written with.
async function serve(database: Awaited<ReturnType<typeof openBenchDatabase>>["database"], config: Config) {
  const jwtSecret = config.jwt.secret ?? randomBytes(32).toString("hex");
  // The embedded database is one process's: the server gets it to itself.
  if (config.database.kind === "embedded") await database.close();
  const server = await startApiServer({ ...process.env, NODE_ENV: "production", JWT_SECRET: jwtSecret, INTEL_HMAC_SECRET: intelHmacSecret(config) });
  return { ...server, jwtSecret };
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
