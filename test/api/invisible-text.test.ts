import { UserRole } from "../../src/entities/enums";
import { brandMember, contribute } from "../support/intel";
import { createCast, gid, userPersona, type Cast, type Persona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// Text that shows nothing (zero-width and soft-hyphen characters, alone or among spaces) is as
// empty as spaces, in every mutation that takes text: refused where the text is required, none
// where it may be left out. Each refusal changes nothing.
let api: TestApi;
let cast: Cast;
let platformAdmin: Persona;
beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
  platformAdmin = await userPersona(api, cast.platformAnalyst.org, UserRole.ADMIN);
  const published = await api.gql(PUBLISH, { input: { code: "BLANK-TEXT", title: "A rule", body: "Its text." } }, platformAdmin.as);
  expect(published.errors).toBeUndefined();
});
afterAll(() => api.close());

const SHOWS_NOTHING = " \u200b\u2060\u00ad\ufeff ";
const PUBLISH = `mutation($input: PublishGovernanceRuleInput!) { publishGovernanceRule(input: $input) { id } }`;
const SUBMIT = `mutation($input: SubmitPolicyFeedbackInput!) { submitPolicyFeedback(input: $input) { id } }`;
const RESPOND = `mutation($input: RespondToPolicyFeedbackInput!) { respondToPolicyFeedback(input: $input) { id } }`;
const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;
const SIGHT = `mutation($input: RecordSightingInput!) { recordSighting(input: $input) { id } }`;

const state = async () =>
  JSON.stringify(
    await api.dataSource.query(`SELECT (SELECT count(*) FROM governance_rule) AS rules, (SELECT count(*) FROM policy_feedback) AS feedback,
       (SELECT json_agg(response ORDER BY id) FROM policy_feedback) AS responses, (SELECT count(*) FROM api_key) AS keys,
       (SELECT count(*) FROM indicator_sighting) AS sightings, (SELECT count(*) FROM audit_event) AS audit`),
  );

it("refuses required text that shows nothing as empty, naming the field, and changes nothing", async () => {
  const submitted = await api.gql<{ submitPolicyFeedback: { id: string } }>(
    SUBMIT,
    { input: { ruleCode: "BLANK-TEXT", kind: "SUGGESTION", body: "A real suggestion.", visibility: "PRIVATE" } },
    cast.brandAAnalyst.as,
  );
  expect(submitted.errors).toBeUndefined();
  const member = await brandMember(api, "Blank Sighting Brand");
  const [indicator] = await contribute(api, member, [{ kind: "KEYWORD", value: "blank sighting", distribution: "PRIVATE" }]);

  const cases: [string, string, Record<string, unknown>, Persona][] = [
    ["title", PUBLISH, { code: "BLANK-TITLE", title: SHOWS_NOTHING, body: "Text." }, platformAdmin],
    ["body", PUBLISH, { code: "BLANK-BODY", title: "Title", body: SHOWS_NOTHING }, platformAdmin],
    ["body", SUBMIT, { ruleCode: "BLANK-TEXT", kind: "SUGGESTION", body: SHOWS_NOTHING, visibility: "PRIVATE" }, cast.brandAAnalyst],
    ["response", RESPOND, { id: submitted.data!.submitPolicyFeedback.id, status: "UNDER_REVIEW", response: SHOWS_NOTHING }, platformAdmin],
    ["name", CREATE_KEY, { name: SHOWS_NOTHING, scopes: ["CATALOGUE_READ"] }, cast.brandAAdmin],
    ["source", SIGHT, { indicatorId: gid("Indicator", indicator), seenAt: "2026-10-01T00:00:00Z", source: SHOWS_NOTHING }, member],
  ];
  for (const [field, mutation, input, persona] of cases) {
    const before = await state();
    const response = await api.gql(mutation, { input }, persona.as);
    expect({ field, code: response.errors?.[0].extensions?.code, message: response.errors?.[0].message }).toEqual({
      field,
      code: "BAD_USER_INPUT",
      message: `\`${field}\` must not be empty`,
    });
    expect(await state()).toBe(before);
  }
});

it("stores an indicator's note that shows nothing as no note", async () => {
  const member = await brandMember(api, "Blank Note Brand");
  const [id] = await contribute(api, member, [{ kind: "KEYWORD", value: "blank note", distribution: "PRIVATE", note: SHOWS_NOTHING }]);
  expect(await api.dataSource.query(`SELECT note FROM indicator WHERE id = $1`, [id])).toEqual([{ note: null }]);
});
