import { Scope } from "../../src/auth/scopes";
import { OrgKind, UserRole } from "../../src/entities/enums";
import { createOrganization } from "../support/factories";
import { createCast, gid, userPersona, type Cast, type Persona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

let api: TestApi;
let cast: Cast;
let platformAdmin: Persona;
let brandBAdmin: Persona;
beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
  platformAdmin = await userPersona(api, cast.platformAnalyst.org, UserRole.ADMIN);
  brandBAdmin = await userPersona(api, cast.brandB.org, UserRole.ADMIN);
  await api.gql(PUBLISH, { input: { code: "TAKEDOWN-SLA", title: "Takedown SLA", body: "Within 24 hours." } }, platformAdmin.as);
});
afterAll(() => api.close());

const PUBLISH = `mutation($input: PublishGovernanceRuleInput!) { publishGovernanceRule(input: $input) { id code version } }`;
const SUBMIT = `mutation($input: SubmitPolicyFeedbackInput!) { submitPolicyFeedback(input: $input) { id isOwn author { organization { name } name } } }`;
const ENDORSE = `mutation($id: ID!) { endorsePolicyFeedback(id: $id) { id endorsementCount endorsedByMe isOwn author { organization { id name } name } } }`;
const FEEDBACK_FIELDS = `id kind body visibility status response endorsementCount endorsedByMe isOwn author { organization { id name } name } rule { code version }`;
const LIST = `{ policyFeedback(first: 50) { totalCount edges { node { ${FEEDBACK_FIELDS} } } } }`;

const submit = async (persona: Persona, visibility: "PRIVATE" | "ALLIANCE", body: string) => {
  const response = await api.gql<{ submitPolicyFeedback: { id: string } }>(
    SUBMIT,
    { input: { ruleCode: "TAKEDOWN-SLA", kind: "AMENDMENT_PROPOSAL", body, visibility } },
    persona.as,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.submitPolicyFeedback.id;
};

// Everything that could name brand A: its organization's name and id, its users' names.
const authorTraces = (cast: Cast) => [cast.brandA.org.name, cast.brandA.org.id, gid("Organization", cast.brandA.org.id), "of Brand Org A"];

describe("governance rules", () => {
  it("keep earlier versions readable", async () => {
    await api.gql(PUBLISH, { input: { code: "DATA-SHARING", title: "v1", body: "one" } }, platformAdmin.as);
    await api.gql(PUBLISH, { input: { code: "DATA-SHARING", title: "v2", body: "two" } }, platformAdmin.as);
    const rule = await api.gql(`{ rule(code: "DATA-SHARING") { version title versions { version title } } }`, {}, cast.brandBAnalyst.as);
    expect(rule.data).toEqual({ rule: { version: 2, title: "v2", versions: [{ version: 2, title: "v2" }, { version: 1, title: "v1" }] } });
    const forbidden = await api.gql(PUBLISH, { input: { code: "DATA-SHARING", title: "v3", body: "x" } }, cast.brandAAdmin.as);
    expect(forbidden.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const agency = await api.gql(`{ rules { code } }`, {}, cast.investigator.as);
    expect(agency.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  // Days ahead, within the year a version may be announced for, as the API writes them.
  const daysAhead = (days: number) => new Date(Math.floor(Date.now() / 86_400_000 + days) * 86_400_000).toISOString();
  const [LATER, LATEST] = [daysAhead(200), daysAhead(300)];
  const RULE = `query($code: String!) { rule(code: $code) { version title effectiveAt versions { version effectiveAt } } }`;
  const RULES = `{ rules { code version } }`;
  const SUBMIT_ON = `mutation($input: SubmitPolicyFeedbackInput!) { submitPolicyFeedback(input: $input) { rule { code version } } }`;
  type RuleAnswer = { rule: { version: number; title: string; effectiveAt: string; versions: { version: number }[] } };
  // What rule(code:) and rules give a persona as current, and which version brand B's feedback goes to.
  const currentOf = async (code: string, persona: Persona) => {
    const rule = await api.gql<RuleAnswer>(RULE, { code }, persona.as);
    const rules = await api.gql<{ rules: { code: string; version: number }[] }>(RULES, {}, persona.as);
    return { rule: rule.data?.rule, listed: rules.data?.rules.find((listed) => listed.code === code)?.version };
  };
  const feedbackOn = async (code: string) => {
    const feedback = await api.gql<{ submitPolicyFeedback: { rule: { version: number } } }>(
      SUBMIT_ON,
      { input: { ruleCode: code, kind: "SUGGESTION", body: `on ${code}`, visibility: "PRIVATE" } },
      cast.brandBAnalyst.as,
    );
    return feedback.data?.submitPolicyFeedback.rule.version;
  };

  it("are current at their highest version in effect: a version that takes effect later is listed, not current", async () => {
    await api.gql(PUBLISH, { input: { code: "EVIDENCE-RULES", title: "in force", body: "one" } }, platformAdmin.as);
    const upcoming = await api.gql(PUBLISH, { input: { code: "EVIDENCE-RULES", title: "upcoming", body: "two", effectiveAt: LATEST } }, platformAdmin.as);
    expect(upcoming.errors).toBeUndefined();
    for (const persona of [cast.brandBAnalyst, platformAdmin]) {
      const { rule, listed } = await currentOf("EVIDENCE-RULES", persona);
      expect(rule).toMatchObject({ version: 1, title: "in force" });
      expect(new Date(rule!.effectiveAt).getTime()).toBeLessThanOrEqual(Date.now());
      expect(rule!.versions).toEqual([{ version: 2, effectiveAt: LATEST }, { version: 1, effectiveAt: rule!.effectiveAt }]);
      expect(listed).toBe(1);
    }
    expect(await feedbackOn("EVIDENCE-RULES")).toBe(1);
    // Once its time comes, the later version is current.
    await api.dataSource.query(`UPDATE governance_rule SET effective_at = now() - interval '1 second' WHERE code = 'EVIDENCE-RULES' AND version = 2`);
    const { rule, listed } = await currentOf("EVIDENCE-RULES", cast.brandBAnalyst);
    expect([rule?.version, rule?.title, listed, await feedbackOn("EVIDENCE-RULES")]).toEqual([2, "upcoming", 2, 2]);
  });

  it("announced ahead of time are shown at their first version until it takes effect", async () => {
    await api.gql(PUBLISH, { input: { code: "SELLER-APPEALS", title: "first", body: "one", effectiveAt: LATER } }, platformAdmin.as);
    await api.gql(PUBLISH, { input: { code: "SELLER-APPEALS", title: "second", body: "two", effectiveAt: LATEST } }, platformAdmin.as);
    const { rule, listed } = await currentOf("SELLER-APPEALS", cast.brandBAnalyst);
    expect(rule).toMatchObject({ version: 1, title: "first", effectiveAt: LATER });
    expect(rule!.versions.map((version) => version.version)).toEqual([2, 1]);
    expect(listed).toBe(1);
    expect(await feedbackOn("SELLER-APPEALS")).toBe(1);
    const missing = await api.gql(RULE, { code: "no-such-rule" }, cast.brandBAnalyst.as);
    expect(missing.errors?.[0]).toMatchObject({ message: "No governance rule has the code NO-SUCH-RULE", extensions: { code: "NOT_FOUND" } });
  });

  it("take effect in the order of their versions: a new one may not take effect before the one it follows", async () => {
    const later = await api.gql(PUBLISH, { input: { code: "STRIKE-POLICY", title: "v1", body: "one", effectiveAt: LATEST } }, platformAdmin.as);
    expect(later.errors).toBeUndefined();
    const earlier = await api.gql(PUBLISH, { input: { code: "STRIKE-POLICY", title: "v2", body: "two", effectiveAt: LATER } }, platformAdmin.as);
    expect(earlier.errors?.[0]).toMatchObject({
      message: `Version 1 of STRIKE-POLICY takes effect at ${LATEST}: a new version must take effect then or later`,
      extensions: { code: "BAD_USER_INPUT" },
    });
    const rule = await api.gql(`{ rule(code: "STRIKE-POLICY") { versions { version } } }`, {}, platformAdmin.as);
    expect(rule.data).toEqual({ rule: { versions: [{ version: 1 }] } });
  });

  it("are never backdated, and a publication sent again adds no version", async () => {
    const backdated = await api.gql(PUBLISH, { input: { code: "RETRO-RULE", title: "v1", body: "one", effectiveAt: "2026-01-01T00:00:00Z" } }, platformAdmin.as);
    expect(backdated.errors?.[0]).toMatchObject({
      message: "`effectiveAt` 2026-01-01T00:00:00.000Z is in the past: a version takes effect when it is published or later",
      extensions: { code: "BAD_USER_INPUT" },
    });
    // A publisher's clock a minute behind is taken as now.
    const aMinuteAgo = new Date(Date.now() - 60_000).toISOString();
    const published = await api.gql<{ publishGovernanceRule: { effectiveAt: string } }>(
      `mutation($input: PublishGovernanceRuleInput!) { publishGovernanceRule(input: $input) { effectiveAt } }`,
      { input: { code: "RETRO-RULE", title: "v1", body: "one", effectiveAt: aMinuteAgo } },
      platformAdmin.as,
    );
    expect(new Date(published.data!.publishGovernanceRule.effectiveAt).getTime()).toBeGreaterThan(new Date(aMinuteAgo).getTime());
    const again = await api.gql(PUBLISH, { input: { code: "RETRO-RULE", title: "v1", body: "one", effectiveAt: LATEST } }, platformAdmin.as);
    expect(again.errors?.[0]).toMatchObject({ message: "Version 1 of RETRO-RULE has this title and text already", extensions: { code: "CONFLICT" } });
    const rule = await api.gql(`{ rule(code: "RETRO-RULE") { versions { version } } }`, {}, platformAdmin.as);
    expect(rule.data).toEqual({ rule: { versions: [{ version: 1 }] } });
    // Nor scheduled more than a year ahead, which would hold every later version back until then.
    const faraway = await api.gql(PUBLISH, { input: { code: "RETRO-RULE", title: "v2", body: "two", effectiveAt: "2099-01-01T00:00:00Z" } }, platformAdmin.as);
    expect(faraway.errors?.[0]).toMatchObject({
      message: "`effectiveAt` 2099-01-01T00:00:00.000Z is more than a year ahead: announce a version at most a year before it takes effect",
      extensions: { code: "BAD_USER_INPUT" },
    });
  });
});

describe("policy feedback", () => {
  it("shows ALLIANCE feedback to other members without its author, on every path", async () => {
    const id = await submit(cast.brandAAnalyst, "ALLIANCE", "Extend the SLA for holidays");
    const own = await api.gql<{ node: { isOwn: boolean; author: { organization: { name: string } } } }>(
      `query($id: ID!) { node(id: $id) { ... on PolicyFeedback { ${FEEDBACK_FIELDS} } } }`,
      { id },
      cast.brandAAnalyst.as,
    );
    expect(own.data?.node).toMatchObject({ isOwn: true, author: { organization: { name: cast.brandA.org.name } } });

    // Every way brand B can reach it: the list, node(id), endorsing it, endorsing it twice
    // (an error), and its own audit log.
    const paths = [
      await api.gql(LIST, {}, cast.brandBAnalyst.as),
      await api.gql(`query($id: ID!) { node(id: $id) { ... on PolicyFeedback { ${FEEDBACK_FIELDS} } } }`, { id }, cast.brandBAnalyst.as),
      await api.gql(ENDORSE, { id }, cast.brandBAnalyst.as),
      await api.gql(ENDORSE, { id }, cast.brandBAnalyst.as),
      await api.gql(`{ auditEvents(first: 100) { edges { node { action targetId before after organization { name } } } } }`, {}, brandBAdmin.as),
    ];
    const [list, node, endorse, again] = paths;
    const seen = (list.data as { policyFeedback: { edges: { node: { id: string } }[] } }).policyFeedback.edges.find((edge) => edge.node.id === id);
    expect(seen?.node).toMatchObject({ isOwn: false, author: null, body: "Extend the SLA for holidays" });
    expect(node.data).toMatchObject({ node: { id, isOwn: false, author: null } });
    expect(endorse.data).toMatchObject({ endorsePolicyFeedback: { endorsementCount: 1, endorsedByMe: true, author: null } });
    expect(again.errors?.[0]).toMatchObject({ message: "Your organization has already endorsed this feedback", extensions: { code: "CONFLICT" } });
    for (const path of paths) {
      const text = JSON.stringify(path);
      for (const trace of authorTraces(cast)) expect(text).not.toContain(trace);
    }
  });

  it("counts endorsements once per organization and never shows who endorsed", async () => {
    const id = await submit(cast.brandAAnalyst, "ALLIANCE", "Publish takedown statistics");
    const endorsed = await api.gql(ENDORSE, { id }, cast.brandBAnalyst.as);
    expect(endorsed.errors).toBeUndefined();
    const byColleague = await api.gql(ENDORSE, { id }, brandBAdmin.as);
    expect(byColleague.errors?.[0].extensions?.code).toBe("CONFLICT");
    const ownEndorse = await api.gql(ENDORSE, { id }, cast.brandAAnalyst.as);
    expect(ownEndorse.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");

    // The author sees the count, not brand B: not in the feedback, not in its audit log.
    const authorAdmin = cast.brandAAdmin;
    const asAuthor = await api.gql(`query($id: ID!) { node(id: $id) { ... on PolicyFeedback { endorsementCount endorsedByMe } } }`, { id }, authorAdmin.as);
    expect(asAuthor.data).toEqual({ node: { endorsementCount: 1, endorsedByMe: false } });
    const authorAudit = await api.gql(`{ auditEvents(first: 100) { edges { node { action organization { name } after } } } }`, {}, authorAdmin.as);
    const text = JSON.stringify(authorAudit);
    expect(text).toContain("policyFeedback.submit");
    expect(text).not.toContain("policyFeedback.endorse");
    expect(text).not.toContain(cast.brandB.org.name);
  });

  it("lets a member take back its endorsement once, and only its own", async () => {
    const id = await submit(cast.brandAAnalyst, "ALLIANCE", "Shorter takedown SLA");
    const WITHDRAW = `mutation($id: ID!) { withdrawEndorsement(id: $id) { endorsementCount endorsedByMe } }`;
    expect((await api.gql(ENDORSE, { id }, cast.brandBAnalyst.as)).errors).toBeUndefined();
    // Another member that never endorsed it changes nothing by asking.
    const brandCAnalyst = await userPersona(api, await createOrganization(api.dataSource, OrgKind.BRAND, "Feedback brand C"), UserRole.ANALYST);
    expect((await api.gql(WITHDRAW, { id }, brandCAnalyst.as)).data).toEqual({ withdrawEndorsement: { endorsementCount: 1, endorsedByMe: false } });
    expect((await api.gql(WITHDRAW, { id }, cast.brandBAnalyst.as)).data).toEqual({ withdrawEndorsement: { endorsementCount: 0, endorsedByMe: false } });
    expect((await api.gql(WITHDRAW, { id }, cast.brandBAnalyst.as)).data).toEqual({ withdrawEndorsement: { endorsementCount: 0, endorsedByMe: false } });
    // It may endorse it again.
    expect((await api.gql(ENDORSE, { id }, cast.brandBAnalyst.as)).data).toMatchObject({ endorsePolicyFeedback: { endorsementCount: 1, endorsedByMe: true } });
  });

  it("dates ALLIANCE feedback by the day, for everyone, and PRIVATE feedback to the millisecond", async () => {
    const before = Date.now();
    const shared = await submit(cast.brandAAnalyst, "ALLIANCE", "Publish the appeal deadlines");
    const kept = await submit(cast.brandAAnalyst, "PRIVATE", "Our own appeal deadline question");
    const CREATED = `query($id: ID!) { node(id: $id) { ... on PolicyFeedback { createdAt } } }`;
    const createdAt = async (id: string, as: Persona["as"]) => (await api.gql<{ node: { createdAt: string } }>(CREATED, { id }, as)).data!.node.createdAt;
    // The day it was sent (either side of a midnight the test may straddle).
    const days = [before, Date.now()].map((at) => `${new Date(at).toISOString().slice(0, 10)}T00:00:00.000Z`);
    // An exact time would tie it to its author's attributed rows of the same moment.
    expect(days).toContain(await createdAt(shared, cast.brandBAnalyst.as));
    expect(await createdAt(shared, cast.brandAAnalyst.as)).toBe(await createdAt(shared, cast.brandBAnalyst.as));
    expect(new Date(await createdAt(kept, cast.brandAAnalyst.as)).getTime()).toBeGreaterThanOrEqual(before);
  });

  it("keeps PRIVATE feedback from other members: missing to them, on every path", async () => {
    const id = await submit(cast.brandAAnalyst, "PRIVATE", "Our private complaint");
    const missing = gid("PolicyFeedback", "00000000-0000-4000-8000-000000000000");
    const list = await api.gql(LIST, {}, cast.brandBAnalyst.as);
    expect(JSON.stringify(list)).not.toContain("Our private complaint");
    const node = await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, cast.brandBAnalyst.as);
    expect(node.data).toEqual({ node: null });
    const endorse = await api.gql(ENDORSE, { id }, cast.brandBAnalyst.as);
    const endorseMissing = await api.gql(ENDORSE, { id: missing }, cast.brandBAnalyst.as);
    expect(endorse.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(endorse).toEqual(endorseMissing);
    const WITHDRAW_ENDORSEMENT = `mutation($id: ID!) { withdrawEndorsement(id: $id) { endorsementCount } }`;
    const unendorse = await api.gql(WITHDRAW_ENDORSEMENT, { id }, cast.brandBAnalyst.as);
    expect(unendorse.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(unendorse).toEqual(await api.gql(WITHDRAW_ENDORSEMENT, { id: missing }, cast.brandBAnalyst.as));
    const agency = await api.gql(LIST, {}, cast.investigator.as);
    expect(agency.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("is read by users, not by API keys, whatever their scopes: a key would read its organization's PRIVATE complaints and their authors", async () => {
    const id = await submit(cast.brandAAnalyst, "PRIVATE", "A complaint of ours, with its author");
    const key = await cast.keyFor(cast.brandA.org, [Scope.INTEL_READ, Scope.INTEL_WRITE, Scope.INFRINGEMENTS_READ, Scope.CATALOGUE_READ]);
    const list = await api.gql(LIST, {}, key.as);
    expect(list.errors?.[0]).toMatchObject({
      message: "Policy feedback is read by the platform's and the members' users: not by agencies, nor by API keys",
      extensions: { code: "FORBIDDEN" },
    });
    expect(JSON.stringify(list)).not.toContain("A complaint of ours");
    const node = await api.gql(`query($id: ID!) { node(id: $id) { ... on PolicyFeedback { body } } }`, { id }, key.as);
    expect(node.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(JSON.stringify(node)).not.toContain("A complaint of ours");
    // Its users read it.
    expect(JSON.stringify(await api.gql(LIST, {}, cast.brandAViewer.as))).toContain("A complaint of ours");
  });

  it("refuses the same feedback sent again while the first is open, once when two are sent at once", async () => {
    const input = { input: { ruleCode: "TAKEDOWN-SLA", kind: "COMPLAINT", body: `Sent twice ${Date.now()}`, visibility: "PRIVATE" } };
    const both = await Promise.all([api.gql(SUBMIT, input, cast.brandAAnalyst.as), api.gql(SUBMIT, input, cast.brandAAdmin.as)]);
    expect(both.map((r) => r.errors?.[0].extensions?.code ?? "MADE").sort()).toEqual(["CONFLICT", "MADE"]);
    expect(both.find((r) => r.errors)!.errors![0].message).toMatch(/^Your organization sent this feedback on TAKEDOWN-SLA already \(SUBMITTED, on .+\)$/);
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM policy_feedback WHERE body = $1`, [input.input.body]);
    expect(n).toBe(1);
    // Another member may say the same.
    expect((await api.gql(SUBMIT, input, cast.brandBAnalyst.as)).errors).toBeUndefined();
  });

  it("gets the platform's response, which its author reads; only platform admins respond", async () => {
    const id = await submit(cast.brandAAnalyst, "PRIVATE", "Please respond");
    const respond = `mutation($input: RespondToPolicyFeedbackInput!) { respondToPolicyFeedback(input: $input) { status response author { organization { name } } } }`;
    const input = { input: { id, status: "ACCEPTED", response: "Agreed, from Q3" } };
    expect((await api.gql(respond, input, cast.brandAAdmin.as)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const answered = await api.gql(respond, input, platformAdmin.as);
    expect(answered.data).toEqual({ respondToPolicyFeedback: { status: "ACCEPTED", response: "Agreed, from Q3", author: { organization: { name: cast.brandA.org.name } } } });
    // The platform reads who wrote it, by name, as its author's organization does.
    const AUTHOR = `query($id: ID!) { node(id: $id) { ... on PolicyFeedback { author { name } } } }`;
    const byName = { node: { author: { name: `${UserRole.ANALYST} of ${cast.brandA.org.name}` } } };
    expect((await api.gql(AUTHOR, { id }, platformAdmin.as)).data).toEqual(byName);
    expect((await api.gql(AUTHOR, { id }, cast.brandAViewer.as)).data).toEqual(byName);
    const illegal = await api.gql(respond, { input: { id, status: "SUBMITTED", response: "back" } }, platformAdmin.as);
    expect(illegal.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", allowedStatuses: ["IMPLEMENTED"] } });
    const seen = await api.gql(`query($id: ID!) { node(id: $id) { ... on PolicyFeedback { status response } } }`, { id }, cast.brandAViewer.as);
    expect(seen.data).toEqual({ node: { status: "ACCEPTED", response: "Agreed, from Q3" } });
  });

  it("is withdrawn by its own organization before the platform decides on it, and then neither endorsed nor answered", async () => {
    const WITHDRAW = `mutation($id: ID!) { withdrawPolicyFeedback(id: $id) { status isOwn } }`;
    const id = await submit(cast.brandAAnalyst, "ALLIANCE", "Sent too soon");
    const audited = async () => Number((await api.dataSource.query(`SELECT count(*) AS n FROM audit_event WHERE action = 'policyFeedback.withdraw'`))[0].n);
    const before = await audited();
    // Another member reads it, and may not take it back; nor may the platform.
    const byOther = await api.gql(WITHDRAW, { id }, cast.brandBAnalyst.as);
    expect(byOther.errors?.[0]).toMatchObject({ message: "Only the organization that wrote feedback withdraws it", extensions: { code: "FORBIDDEN" } });
    expect((await api.gql(WITHDRAW, { id }, platformAdmin.as)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    // A PRIVATE one of another member is not there for it: answered exactly as a missing one.
    const privateOfA = await submit(cast.brandAAnalyst, "PRIVATE", "Ours alone");
    const foreign = await api.gql(WITHDRAW, { id: privateOfA }, cast.brandBAnalyst.as);
    expect(foreign.errors?.[0]).toMatchObject({ message: "PolicyFeedback not found", extensions: { code: "NOT_FOUND" } });
    expect(foreign).toEqual(await api.gql(WITHDRAW, { id: gid("PolicyFeedback", "00000000-0000-4000-8000-000000000000") }, cast.brandBAnalyst.as));
    expect(await audited()).toBe(before);

    expect((await api.gql(WITHDRAW, { id }, cast.brandAAdmin.as)).data).toEqual({ withdrawPolicyFeedback: { status: "WITHDRAWN", isOwn: true } });
    // Asked again, as a revocation: answered as it is, and recorded once.
    expect((await api.gql(WITHDRAW, { id }, cast.brandAAnalyst.as)).data).toEqual({ withdrawPolicyFeedback: { status: "WITHDRAWN", isOwn: true } });
    expect(await audited()).toBe(before + 1);
    const endorsed = await api.gql(ENDORSE, { id }, cast.brandBAnalyst.as);
    expect(endorsed.errors?.[0]).toMatchObject({ message: "This feedback was withdrawn by its author; it can no longer be endorsed", extensions: { code: "BAD_USER_INPUT" } });
    const respond = `mutation($input: RespondToPolicyFeedbackInput!) { respondToPolicyFeedback(input: $input) { status } }`;
    const answered = await api.gql(respond, { input: { id, status: "ACCEPTED", response: "late" } }, platformAdmin.as);
    expect(answered.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", allowedStatuses: [] });

    // Once the platform has decided, it stays.
    const decided = await submit(cast.brandAAnalyst, "PRIVATE", "Decide this");
    await api.gql(respond, { input: { id: decided, status: "REJECTED", response: "no" } }, platformAdmin.as);
    const late = await api.gql(WITHDRAW, { id: decided }, cast.brandAAnalyst.as);
    expect(late.errors?.[0]).toMatchObject({
      message: "This feedback is REJECTED: the platform has decided on it, and it can no longer be withdrawn",
      extensions: { code: "BAD_USER_INPUT", status: "REJECTED" },
    });
  });

  it("is written by member admins and analysts only", async () => {
    const before = Number((await api.dataSource.query(`SELECT count(*) AS n FROM policy_feedback`))[0].n);
    for (const persona of [cast.brandAViewer, cast.platformAnalyst, cast.investigator]) {
      const response = await api.gql(SUBMIT, { input: { ruleCode: "TAKEDOWN-SLA", kind: "COMPLAINT", body: "x", visibility: "ALLIANCE" } }, persona.as);
      expect(response.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    const unknownRule = await api.gql(SUBMIT, { input: { ruleCode: "NO-SUCH-RULE", kind: "COMPLAINT", body: "x", visibility: "ALLIANCE" } }, cast.brandAAnalyst.as);
    expect(unknownRule.errors?.[0]).toMatchObject({ message: "No governance rule has the code NO-SUCH-RULE", extensions: { code: "NOT_FOUND" } });
    expect(Number((await api.dataSource.query(`SELECT count(*) AS n FROM policy_feedback`))[0].n)).toBe(before);
  });
});

describe("paging through feedback", () => {
  it("gives every edge a cursor that continues the list right after it", async () => {
    const older = await submit(cast.brandAAnalyst, "PRIVATE", "paging: older");
    const newer = await submit(cast.brandAAnalyst, "PRIVATE", "paging: newer");
    type Page = { policyFeedback: { edges: { cursor: string; node: { id: string } }[] } };
    const PAGE = `query($after: String) { policyFeedback(first: 50, after: $after) { edges { cursor node { id } } } }`;
    const { edges } = (await api.gql<Page>(PAGE, {}, cast.brandAAnalyst.as)).data!.policyFeedback;
    const at = edges.findIndex((edge) => edge.node.id === newer);
    expect(edges[at + 1].node.id).toBe(older);
    const after = (await api.gql<Page>(PAGE, { after: edges[at].cursor }, cast.brandAAnalyst.as)).data!.policyFeedback;
    expect(after.edges[0].node.id).toBe(older);
  });
});
