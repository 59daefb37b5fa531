import type { EntityManager } from "typeorm";
import { FeedbackKind, FeedbackStatus, FeedbackVisibility } from "../entities/enums";
import type { SeededRandom } from "../generator/random";
import { insertWithUnnest } from "./unnest-insert";

// The platform's governance rules and the members' feedback on them, as publishGovernanceRule,
// submitPolicyFeedback, endorsePolicyFeedback and respondToPolicyFeedback write them: a rule at
// its second version (the first still listed), feedback of every kind and visibility, endorsed by
// other members, one of it answered by the platform.

const DAY_MS = 86_400_000;

interface DemoRule {
  code: string;
  version: number;
  title: string;
  body: string;
  daysAgo: number;
}

const RULES: DemoRule[] = [
  {
    code: "TAKEDOWN-SLA",
    version: 1,
    title: "Takedown decisions within 72 hours",
    body: "The platform decides a member's takedown request within 72 hours of receiving it, and states its reason when it rejects one.",
    daysAgo: 400,
  },
  {
    code: "TAKEDOWN-SLA",
    version: 2,
    title: "Takedown decisions within 24 hours",
    body: "The platform decides a member's takedown request within 24 hours of receiving it (72 hours for requests on more than 100 listings), and states its reason when it rejects one.",
    daysAgo: 60,
  },
  {
    code: "REPEAT-INFRINGER",
    version: 1,
    title: "Penalties for repeat infringers",
    body: "A store with 3 approved takedowns is penalized (its listings rank lower and it may not advertise); with 5 it is closed and its active listings removed.",
    daysAgo: 400,
  },
  {
    code: "TEST-BUY-EVIDENCE",
    version: 1,
    title: "Evidence for test buys",
    body: "A test buy that confirms a counterfeit records the order reference, photographs of the item and its packaging, and the brand's written findings, each with its SHA-256.",
    daysAgo: 300,
  },
];

interface DemoFeedback {
  ruleCode: string;
  orgSlug: string;
  authorEmail: string;
  kind: FeedbackKind;
  visibility: FeedbackVisibility;
  body: string;
  daysAgo: number;
  endorsedBy: string[];
  response?: { status: FeedbackStatus; text: string; daysAgo: number };
}

const FEEDBACK: DemoFeedback[] = [
  {
    ruleCode: "TAKEDOWN-SLA",
    orgSlug: "louis-vuitton",
    authorEmail: "analyst@louis-vuitton.example",
    kind: FeedbackKind.AMENDMENT_PROPOSAL,
    visibility: FeedbackVisibility.ALLIANCE,
    body: "Decide requests backed by a counterfeit test buy within 12 hours: the evidence is already in the case.",
    daysAgo: 40,
    endorsedBy: ["swarovski", "chow-tai-fook", "shiseido"],
  },
  {
    ruleCode: "REPEAT-INFRINGER",
    orgSlug: "sony",
    authorEmail: "admin@sony.example",
    kind: FeedbackKind.COMPLAINT,
    visibility: FeedbackVisibility.PRIVATE,
    body: "Closed stores reopen under new names within days, with the same phone numbers and payment accounts.",
    daysAgo: 25,
    endorsedBy: [],
    response: { status: FeedbackStatus.UNDER_REVIEW, text: "We are matching new stores against the identities of closed ones.", daysAgo: 20 },
  },
  {
    ruleCode: "TEST-BUY-EVIDENCE",
    orgSlug: "swarovski",
    authorEmail: "analyst@swarovski.example",
    kind: FeedbackKind.SUGGESTION,
    visibility: FeedbackVisibility.ALLIANCE,
    body: "Accept a video of the unboxing as evidence too; it shows the packaging and the item together.",
    daysAgo: 15,
    endorsedBy: ["mars"],
  },
];

export async function seedDemoGovernance(manager: EntityManager, random: SeededRandom, now: Date): Promise<void> {
  const ids = random.fork("governance");
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS);
  const idOf = async (table: string, key: string, values: string[]) =>
    new Map(((await manager.query(`SELECT id, ${key} AS key FROM ${table} WHERE ${key} = ANY($1)`, [values])) as { id: string; key: string }[]).map((row) => [row.key, row.id]));
  const [platformAdmin] = (await idOf("app_user", "email", ["admin@platform.example"])).values();
  const users = await idOf("app_user", "email", FEEDBACK.map((f) => f.authorEmail));
  const orgs = await idOf("organization", "slug", FEEDBACK.flatMap((f) => [f.orgSlug, ...f.endorsedBy]));

  const rules = RULES.map((rule) => ({ ...rule, id: ids.uuid(), effectiveAt: at(rule.daysAgo) }));
  await insertWithUnnest(manager, "governance_rule", [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "code", type: "text", value: (r) => r.code },
    { name: "version", type: "integer", value: (r) => r.version },
    { name: "title", type: "text", value: (r) => r.title },
    { name: "body", type: "text", value: (r) => r.body },
    { name: "effective_at", type: "timestamptz", value: (r) => r.effectiveAt },
    { name: "published_by_user_id", type: "uuid", value: () => platformAdmin },
    { name: "created_at", type: "timestamptz", value: (r) => r.effectiveAt },
  ], rules);

  // Feedback goes to the version current when it was written: the highest in effect then.
  const ruleAt = (code: string, when: Date) =>
    rules.filter((rule) => rule.code === code && rule.effectiveAt <= when).sort((a, b) => b.version - a.version)[0];
  const feedback = FEEDBACK.map((item) => ({ ...item, id: ids.uuid(), createdAt: at(item.daysAgo) }));
  await insertWithUnnest(manager, "policy_feedback", [
    { name: "id", type: "uuid", value: (f) => f.id },
    { name: "owner_org_id", type: "uuid", value: (f) => orgs.get(f.orgSlug) },
    { name: "author_user_id", type: "uuid", value: (f) => users.get(f.authorEmail) },
    { name: "rule_id", type: "uuid", value: (f) => ruleAt(f.ruleCode, f.createdAt).id },
    { name: "kind", type: { enum: "feedback_kind" }, value: (f) => f.kind },
    { name: "body", type: "text", value: (f) => f.body },
    { name: "visibility", type: { enum: "feedback_visibility" }, value: (f) => f.visibility },
    { name: "status", type: { enum: "feedback_status" }, value: (f) => f.response?.status ?? FeedbackStatus.SUBMITTED },
    { name: "response", type: "text", value: (f) => f.response?.text ?? null },
    { name: "responded_at", type: "timestamptz", value: (f) => (f.response ? at(f.response.daysAgo) : null) },
    { name: "endorsement_count", type: "integer", value: (f) => f.endorsedBy.length },
    { name: "created_at", type: "timestamptz", value: (f) => f.createdAt },
  ], feedback);
  const endorsements = feedback.flatMap((f) => f.endorsedBy.map((slug, n) => ({ id: ids.uuid(), feedbackId: f.id, orgId: orgs.get(slug)!, at: at(f.daysAgo - n - 1) })));
  await insertWithUnnest(manager, "policy_feedback_endorsement", [
    { name: "id", type: "uuid", value: (e) => e.id },
    { name: "owner_org_id", type: "uuid", value: (e) => e.orgId },
    { name: "feedback_id", type: "uuid", value: (e) => e.feedbackId },
    { name: "created_at", type: "timestamptz", value: (e) => e.at },
  ], endorsements);
}
