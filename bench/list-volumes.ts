import type { DataSource } from "typeorm";
import type { Config } from "../src/config";
import { loadKeyedHasher } from "../src/domain/intel/keyed-hash";
import { benchIndicator } from "./indicator-values";
import { SeededRandom } from "../src/generator/random";
import { seedDemoGovernance } from "../src/seed/demo-governance";

// What bench:lists adds to the bench:query data set, whose cases are all freshly FLAGGED and whose
// smaller tables are nearly empty, so that every list is timed at a marketplace's volume. Each step
// runs once (it checks its table first), so a second run times the same data:
// - the cases detected over the last 90 days (the ingest dates them all on the day it ran) and
//   spread over the statuses in the demo seed's proportions (infringement-timeline.ts), with a
//   takedown request for each case at a takedown status and for 1 in 5 confirmed ones (rejected or
//   withdrawn). Set-based: the demo seed's own spreadDemoLifecycle is planned for a demo's few
//   thousand cases (its removed listings' UPDATE probed a partial index per listing, for minutes);
// - the demo's governance rules and feedback, as the seed writes them;
// - set-based, as the workflows would have written them: a test buy on 3 in 5 confirmed cases
//   (about 45,000), a referral to the agency per store of 1 in 10 confirmed cases, a lawsuit per
//   store of 1 in 20, 1,000,000 indicators from every member (as bench:match loads them: two
//   members a value, every kind and distribution, a tenth expired), 1,000,000 audit events over a
//   year, 20,000 policy feedback.

const CONFIRMED = `('CONFIRMED', 'TAKEDOWN_REQUESTED', 'REMOVED')`;
// A row's stable pseudo-random draw, 0 to 999, so that a step picks the same rows every time; one
// draw a purpose, or the cases a step picks would be those the spread dated newest.
const draw = (column: string, purpose: string) => `(abs(hashtext(${column}::text || '${purpose}')) % 1000)`;
const INDICATORS = 1_000_000;
const AUDIT_EVENTS = 1_000_000;
const CHUNK = 20_000;

const count = async (dataSource: DataSource, table: string): Promise<number> =>
  (await dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

// Whether it ran.
async function step(name: string, missing: boolean, run: () => Promise<unknown>): Promise<boolean> {
  if (!missing) return false;
  const started = Date.now();
  await run();
  console.error(`lists data: ${name} in ${Math.round((Date.now() - started) / 1000)} s`);
  return true;
}

export async function loadListVolumes(dataSource: DataSource, config: Config): Promise<void> {
  const [{ moved }] = await dataSource.query(`SELECT count(*) FILTER (WHERE status <> 'FLAGGED')::int AS moved FROM suspected_infringement`);
  const fewer = async (table: string, rows: number) => (await count(dataSource, table)) < rows;
  const ran = [
    await step("cases along their lifecycle", moved === 0, () => spreadCases(dataSource)),
    await step("takedown requests", await fewer("takedown_request", 10_000), () => insertTakedownRequests(dataSource)),
    await step("governance rules and feedback", await fewer("governance_rule", 1), () =>
      dataSource.transaction((manager) => seedDemoGovernance(manager, new SeededRandom(2026).fork("governance"), new Date())),
    ),
    await step("test buys", await fewer("test_buy", 10_000), () => insertTestBuys(dataSource)),
    await step("referrals", await fewer("referral", 100), () => insertReferrals(dataSource)),
    await step("lawsuits", await fewer("legal_action", 100), () => insertLegalActions(dataSource)),
    await step("policy feedback", await fewer("policy_feedback", 10_000), () => insertPolicyFeedback(dataSource)),
    await step("audit events", await fewer("audit_event", AUDIT_EVENTS / 2), () => insertAuditEvents(dataSource)),
    await step("indicators", await fewer("indicator", INDICATORS / 2), () => insertIndicators(dataSource, config)),
  ];
  // As autovacuum leaves the tables once it has caught up (see dashboard-data.ts).
  if (ran.includes(true)) await dataSource.query("VACUUM ANALYZE");
}

// FLAGGED 50%, UNDER_REVIEW 16, CONFIRMED 10, DISMISSED 9, TAKEDOWN_REQUESTED 7, REMOVED 8.
function spreadCases(dataSource: DataSource) {
  const share = `(abs(hashtext(si.id::text || 'status')) % 100)`;
  const detected = `now() - ${draw("si.id", "detected")} * interval '90 days' / 1000`;
  return dataSource.query(
    `UPDATE suspected_infringement si
        SET detected_at = ${detected},
            updated_at = LEAST(now(), ${detected} + (1 + ${share} % 9) * interval '1 day'),
            status = (CASE WHEN ${share} < 50 THEN 'FLAGGED' WHEN ${share} < 66 THEN 'UNDER_REVIEW' WHEN ${share} < 76 THEN 'CONFIRMED'
                           WHEN ${share} < 85 THEN 'DISMISSED' WHEN ${share} < 92 THEN 'TAKEDOWN_REQUESTED' ELSE 'REMOVED' END)::infringement_status`,
  );
}

// Requested the day before the case's last move, by the brand's analyst.
function insertTakedownRequests(dataSource: DataSource) {
  return dataSource.query(
    `INSERT INTO takedown_request (owner_org_id, infringement_id, brand_id, listing_id, seller_id, marketplace, status, reason, requested_by_user_id, requested_at, decided_at)
     SELECT si.owner_org_id, si.id, si.brand_id, si.listing_id, si.seller_id, si.marketplace, t.status::takedown_status, 'Confirmed counterfeit',
            ${analystOf("si.owner_org_id")}, GREATEST(si.detected_at, si.updated_at - interval '1 day'),
            CASE WHEN t.status IN ('APPROVED', 'REJECTED') THEN si.updated_at END
       FROM suspected_infringement si
       CROSS JOIN LATERAL (SELECT CASE si.status WHEN 'TAKEDOWN_REQUESTED' THEN 'PENDING' WHEN 'REMOVED' THEN 'APPROVED'
                                   ELSE (ARRAY['REJECTED', 'WITHDRAWN'])[1 + ${draw("si.id", "takedown")} % 2] END AS status) t
      WHERE si.status IN ('TAKEDOWN_REQUESTED', 'REMOVED') OR (si.status = 'CONFIRMED' AND ${draw("si.id", "takedown")} < 200)`,
  );
}

const analystOf = (org: string) => `(SELECT u.id FROM app_user u WHERE u.owner_org_id = ${org} AND u.role = 'ANALYST' ORDER BY u.email LIMIT 1)`;

function insertTestBuys(dataSource: DataSource) {
  return dataSource.query(
    `INSERT INTO test_buy (owner_org_id, infringement_id, ordered_at, cost_minor, currency, order_reference, outcome, outcome_recorded_at, recorded_by_user_id, created_at)
     SELECT c.owner_org_id, c.id, c.ordered_at, 5000 + ${draw("c.id", "test buy")} * 97, 'CNY', 'TB-' || substr(md5(c.id::text), 1, 12),
            c.outcome::test_buy_outcome, CASE WHEN c.outcome = 'PENDING' THEN NULL ELSE c.ordered_at + interval '5 days' END,
            ${analystOf("c.owner_org_id")}, c.ordered_at
       FROM (SELECT si.id, si.owner_org_id, si.detected_at + (${draw("si.id", "test buy")} % 72) * interval '1 hour' AS ordered_at,
                    (ARRAY['COUNTERFEIT','COUNTERFEIT','COUNTERFEIT','COUNTERFEIT','COUNTERFEIT','COUNTERFEIT','GENUINE','INCONCLUSIVE','PENDING','PENDING'])[1 + ${draw("si.id", "test buy")} % 10] AS outcome
               FROM suspected_infringement si WHERE si.status IN ${CONFIRMED} AND ${draw("si.id", "test buy")} < 600) c`,
  );
}

// One referral per store of the picked cases, with those cases, made by the platform's analyst.
function insertReferrals(dataSource: DataSource) {
  return dataSource.query(
    `WITH agency AS (SELECT id FROM organization WHERE kind = 'AGENCY' ORDER BY slug LIMIT 1),
          platform AS (SELECT id FROM organization WHERE kind = 'PLATFORM' LIMIT 1),
          picked AS (SELECT si.* FROM suspected_infringement si WHERE si.status IN ${CONFIRMED} AND ${draw("si.id", "referral")} < 100),
          stores AS (SELECT gen_random_uuid() AS id, p.seller_id, max(p.detected_at) + interval '3 days' AS created_at,
                            (ARRAY['REFERRED','REFERRED','INVESTIGATING','RAIDED','PROSECUTED','CLOSED'])[1 + ${draw("p.seller_id", "referral")} % 6] AS status
                       FROM picked p GROUP BY p.seller_id),
          made AS (INSERT INTO referral (id, agency_org_id, summary, status, created_by_user_id, created_at, updated_at)
                   SELECT s.id, (SELECT id FROM agency), 'Confirmed counterfeits of store ' || s.seller_id, s.status::referral_status,
                          ${analystOf("(SELECT id FROM platform)")}, s.created_at, s.created_at
                     FROM stores s RETURNING id)
     INSERT INTO referral_infringement (referral_id, infringement_id, agency_org_id, owner_org_id, brand_id, listing_id, seller_id, closed_at)
     SELECT s.id, p.id, (SELECT id FROM agency), p.owner_org_id, p.brand_id, p.listing_id, p.seller_id,
            CASE WHEN s.status = 'CLOSED' THEN s.created_at + interval '30 days' END
       FROM picked p JOIN stores s ON s.seller_id = p.seller_id`,
  );
}

function insertLegalActions(dataSource: DataSource) {
  return dataSource.query(
    `INSERT INTO legal_action (owner_org_id, seller_id, court, case_number, claim_minor, currency, filed_on, status, created_by_user_id, created_at, updated_at)
     SELECT c.owner_org_id, c.seller_id, 'Hangzhou Internet Court', 'HZ-' || substr(md5(c.owner_org_id::text || c.seller_id::text), 1, 10),
            100000000 + ${draw("c.seller_id", "lawsuit")} * 100000, 'CNY', (c.filed_at AT TIME ZONE 'UTC')::date,
            (ARRAY['FILED','FILED','IN_PROGRESS','JUDGMENT_FOR_PLAINTIFF','JUDGMENT_FOR_DEFENDANT','SETTLED','WITHDRAWN'])[1 + ${draw("c.seller_id", "lawsuit")} % 7]::legal_action_status,
            ${analystOf("c.owner_org_id")}, c.filed_at, c.filed_at
       FROM (SELECT si.owner_org_id, si.seller_id, max(si.detected_at) + interval '10 days' AS filed_at
               FROM suspected_infringement si WHERE si.status IN ${CONFIRMED} AND ${draw("si.seller_id", "lawsuit")} < 50
              GROUP BY si.owner_org_id, si.seller_id) c`,
  );
}

// 1,000 a member, on the demo's rules, over the last year.
function insertPolicyFeedback(dataSource: DataSource) {
  return dataSource.query(
    `INSERT INTO policy_feedback (owner_org_id, author_user_id, rule_id, kind, body, visibility, status, created_at)
     SELECT o.id, ${analystOf("o.id")}, (SELECT r.id FROM governance_rule r ORDER BY r.code, r.version OFFSET i % (SELECT count(*) FROM governance_rule) LIMIT 1),
            (ARRAY['SUGGESTION','COMPLAINT','AMENDMENT_PROPOSAL'])[1 + i % 3]::feedback_kind, 'Feedback ' || i || ' on the rule',
            (ARRAY['ALLIANCE','PRIVATE'])[1 + i % 2]::feedback_visibility,
            (ARRAY['SUBMITTED','SUBMITTED','UNDER_REVIEW','ACCEPTED','REJECTED','WITHDRAWN'])[1 + i % 6]::feedback_status,
            now() - (i * 1.7) * interval '1 hour'
       FROM organization o CROSS JOIN generate_series(1, 1000) AS i
      WHERE o.kind = 'BRAND'`,
  );
}

// Over the last year, each organization's share as its size: every member and the platform act,
// the agency less; mostly reviews, scans and sensitive reads.
function insertAuditEvents(dataSource: DataSource) {
  return dataSource.query(
    `WITH orgs AS (SELECT o.id, ${analystOf("o.id")} AS actor, row_number() OVER (ORDER BY o.slug) - 1 AS n, count(*) OVER () AS total
                     FROM organization o WHERE o.kind <> 'AGENCY'),
          actions AS (SELECT a.action, a.target_type, row_number() OVER () - 1 AS n, count(*) OVER () AS total
                        FROM (VALUES ('infringement.review', 'Infringement'), ('infringement.review', 'Infringement'), ('infringement.review', 'Infringement'),
                                     ('sensitive.read', 'Seller'), ('sensitive.read', 'Seller'), ('infringement.note', 'Infringement'),
                                     ('takedown.request', 'TakedownRequest'), ('testBuy.record', 'TestBuy'), ('intel.contribute', 'Indicator'),
                                     ('catalogue.upsert', 'Brand'), ('apiKey.create', 'ApiKey'), ('referral.create', 'Referral')) AS a(action, target_type))
     INSERT INTO audit_event (owner_org_id, actor_user_id, action, target_type, target_id, created_at)
     SELECT o.id, o.actor, a.action, a.target_type, gen_random_uuid(), now() - (i * 31.5) * interval '1 second'
       FROM generate_series(1, ${AUDIT_EVENTS}) AS i
       JOIN orgs o ON o.n = i % o.total
       JOIN actions a ON a.n = (i / 7) % a.total`,
  );
}

async function insertIndicators(dataSource: DataSource, config: Config) {
  const hasher = loadKeyedHasher(config);
  const members: { id: string; brand: string }[] = await dataSource.query(
    `SELECT o.id, (SELECT b.id FROM brand b WHERE b.owner_org_id = o.id ORDER BY b.name LIMIT 1) AS brand FROM organization o WHERE o.kind = 'BRAND' ORDER BY o.slug`,
  );
  const now = Date.now();
  for (let start = 0; start < INDICATORS; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, INDICATORS - start) }, (_, j) => {
      const i = start + j;
      const { kind, value, distribution } = benchIndicator(i);
      const member = members[i % members.length];
      const created = now - (i % 365) * 86_400_000 - (i % 86_400) * 1000;
      return {
        org: member.id,
        brand: Math.floor(i / members.length) % 2 === 0 ? member.brand : null,
        kind,
        value,
        hash: hasher.hashHex(kind, value),
        distribution,
        confidence: 1 + (i % 100),
        created: new Date(created).toISOString(),
        // A tenth expire a month after they were made: every member's, whatever its place in the turn.
        expires: Math.floor(i / members.length) % 10 === 0 ? new Date(created + 30 * 86_400_000).toISOString() : null,
      };
    });
    const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
    await dataSource.query(
      `INSERT INTO indicator (owner_org_id, brand_id, kind, value, value_hash, distribution, confidence, first_seen_at, last_seen_at, created_at, updated_at, expires_at)
       SELECT u.org, u.brand, u.kind::indicator_kind, u.value, decode(u.hash, 'hex'), u.distribution::indicator_distribution, u.confidence,
              u.created, u.created, u.created, u.created, u.expires
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::timestamptz[], $9::timestamptz[])
           AS u(org, brand, kind, value, hash, distribution, confidence, created, expires)`,
      [column("org"), column("brand"), column("kind"), column("value"), column("hash"), column("distribution"), column("confidence"), column("created"), column("expires")],
    );
    process.stderr.write(`\rlists data: ${start + rows.length} / ${INDICATORS} indicators`);
  }
  process.stderr.write("\n");
}
