import { OrganizationStatusReason1796550000000 } from "../../src/db/migrations/1796550000000-OrganizationStatusReason";
import { OrgKind, UserRole } from "../../src/entities/enums";
import { createOrganization } from "../support/factories";
import { createCast, gid, userPersona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";
import { runMigrationSteps } from "../support/migration-steps";

// The migration that put a member's standing on the organization takes it from the audit log:
// the same reason and time as the suspension wrote.
let api: TestApi;
afterAll(() => api.close());

it("gives suspended members their suspension's reason and time, and reinstated ones no reason", async () => {
  api = await startTestApi();
  const cast = await createCast(api);
  const platformAdmin = await userPersona(api, cast.platformAnalyst.org, UserRole.ADMIN);
  const SUSPEND = `mutation($input: SuspendMemberInput!) { suspendMember(input: $input) { status } }`;
  const suspended = await createOrganization(api.dataSource, OrgKind.BRAND, "Backfill suspended");
  const reinstated = await createOrganization(api.dataSource, OrgKind.BRAND, "Backfill reinstated");
  for (const org of [suspended, reinstated]) {
    expect((await api.gql(SUSPEND, { input: { id: gid("Organization", org.id), reason: `dues of ${org.name}` } }, platformAdmin.as)).errors).toBeUndefined();
  }
  const reinstate = await api.gql(`mutation($id: ID!) { reinstateMember(id: $id) { status } }`, { id: gid("Organization", reinstated.id) }, platformAdmin.as);
  expect(reinstate.errors).toBeUndefined();
  const standing = () =>
    api.dataSource.query(`SELECT id, status, status_reason, status_changed_at FROM organization WHERE id = ANY($1) ORDER BY id`, [
      [suspended.id, reinstated.id],
    ]);
  const written = await standing();
  expect(written.map((row: { status_reason: string | null }) => row.status_reason).sort()).toEqual([null, "dues of Backfill suspended"].sort());

  await runMigrationSteps(api.dataSource, new OrganizationStatusReason1796550000000(), "down", "up");
  // The audit event is written a moment after the status: the times agree to the second.
  const backfilled = await standing();
  expect(backfilled.map(({ status_changed_at: _at, ...rest }: { status_changed_at: Date }) => rest)).toEqual(
    written.map(({ status_changed_at: _at, ...rest }: { status_changed_at: Date }) => rest),
  );
  backfilled.forEach((row: { status_changed_at: Date }, i: number) => {
    expect(Math.abs(row.status_changed_at.getTime() - written[i].status_changed_at.getTime())).toBeLessThan(1000);
  });
});
