import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, constants, mkdtempSync, openSync, rmSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { forgetSignInFailures } from "../../src/auth/sign-in-failures";
import { loadKeyedHasher } from "../../src/domain/intel/keyed-hash";
import type { Organization } from "../../src/entities";
import { OrgKind, UserRole } from "../../src/entities/enums";
import { createOrganization, createUser, TEST_PASSWORD } from "../support/factories";
import { gid } from "../support/personas";
import { startTestApi, type GraphQLResponse, type TestApi } from "../support/test-api";
import { serverUrl } from "../support/test-env";

// Password guessing against one email address is refused after LOGIN_MAX_FAILURES failures within
// LOGIN_FAILURE_WINDOW_SECONDS (src/auth/login-throttle.ts).
const MAX_FAILURES = 3;
const WINDOW_SECONDS = 600;

let api: TestApi;
beforeAll(async () => {
  // The test client is the proxy in front, and names each sign-in's client in X-Forwarded-For.
  api = await startTestApi({ LOGIN_MAX_FAILURES: String(MAX_FAILURES), LOGIN_FAILURE_WINDOW_SECONDS: String(WINDOW_SECONDS), TRUST_PROXY: "loopback" });
});
afterAll(() => api.close());

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
type LoginResponse = Awaited<ReturnType<typeof signIn>>;

// Each from a client of its own, unless named: what this file tests is per address, not per client.
let clients = 0;
const signInFrom = async (client: string, email: string, password: string) => {
  const { status, body } = await api.post(JSON.stringify({ query: LOGIN, variables: { email, password } }), { "x-forwarded-for": client });
  return { status, ...(JSON.parse(body) as Omit<GraphQLResponse<{ login: { token: string } }>, "status">) };
};
const signIn = (email: string, password: string) => signInFrom(`10.0.${Math.floor(++clients / 250)}.${(clients % 250) + 1}`, email, password);
const codeOf = (response: LoginResponse) => response.errors?.[0]?.extensions?.code;

async function failTimes(email: string, times: number) {
  for (let i = 0; i < times; i++) expect(codeOf(await signIn(email, "not the password"))).toBe("UNAUTHENTICATED");
}

async function newUserEmail(): Promise<string> {
  const org = await createOrganization(api.dataSource, OrgKind.BRAND);
  return (await createUser(api.dataSource, org, UserRole.ANALYST)).email;
}

// The address's key in login_failure: its keyed hash under the server's secret.
const keyOf = (email: string) => loadKeyedHasher(api.config).signInKeyHex(email.toLowerCase());

const storedFailures = async (email: string): Promise<number | null> => {
  const rows: { failures: number }[] = await api.dataSource.query(`SELECT failures FROM login_failure WHERE email_digest = $1`, [keyOf(email)]);
  return rows[0]?.failures ?? null;
};

const lockoutsOf = (email: string): Promise<{ owner_org_id: string | null; after: unknown }[]> =>
  api.dataSource.query(
    `SELECT e.owner_org_id, e.after FROM audit_event e JOIN app_user u ON u.id = e.target_id WHERE e.action = 'signIn.lockout' AND u.email = $1`,
    [email.toLowerCase()],
  );

async function waitFor(condition: () => Promise<boolean>) {
  for (let tries = 0; !(await condition()); tries++) {
    if (tries > 200) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

// The server's password hashes run on libuv's threads (src/auth/password.ts), those of this test's
// own process. With each thread held opening a FIFO that nothing writes to yet, a hash started
// meanwhile cannot finish, and its sign-in keeps its place in the line: which sign-ins the line takes
// no longer depends on how fast hashes finish on a loaded machine. `release` opens the FIFOs' other
// ends, without needing a thread.
async function holdHashThreads(): Promise<() => Promise<void>> {
  const folder = mkdtempSync(join(tmpdir(), "hash-threads-"));
  const fifos = Array.from({ length: Number(process.env.UV_THREADPOOL_SIZE ?? 4) }, (_, i) => join(folder, `thread-${i}`));
  for (const fifo of fifos) execFileSync("mkfifo", [fifo]);
  const held = fifos.map((fifo) => open(fifo, "r"));
  return async () => {
    const writers = fifos.map((fifo) => openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    for (const reader of await Promise.all(held)) await reader.close();
    writers.forEach(closeSync);
    rmSync(folder, { recursive: true });
  };
}

function expectRefused(response: LoginResponse) {
  expect(response.data ?? null).toBeNull();
  expect(response.errors).toHaveLength(1);
  const [error] = response.errors!;
  expect(error.extensions?.code).toBe("RATE_LIMITED");
  const retryAfterSeconds = error.extensions?.retryAfterSeconds as number;
  expect(retryAfterSeconds).toBeGreaterThanOrEqual(1);
  expect(retryAfterSeconds).toBeLessThanOrEqual(WINDOW_SECONDS);
  // Every refusal here follows its window's failures within seconds.
  expect(retryAfterSeconds).toBeGreaterThan(WINDOW_SECONDS - 60);
  expect(error.message).toBe(
    `Too many failed sign-ins for this email address (${MAX_FAILURES} in ${WINDOW_SECONDS} seconds); retry in ${retryAfterSeconds} seconds`,
  );
}

describe("failed sign-ins", () => {
  it("refuse an address's sign-ins, the right password too, once its failures in the window are used up", async () => {
    const email = await newUserEmail();
    await failTimes(email, MAX_FAILURES);
    expectRefused(await signIn(email, TEST_PASSWORD));
    expectRefused(await signIn(email, "not the password"));
    // In HTTP's own terms too: 429 with Retry-After, the seconds the error names.
    const raw = await fetch(api.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: LOGIN, variables: { email, password: "x" } }) });
    const body = (await raw.json()) as { errors: { extensions: { retryAfterSeconds: number } }[] };
    expect([raw.status, raw.headers.get("retry-after")]).toEqual([429, String(body.errors[0].extensions.retryAfterSeconds)]);
    // A refused attempt is not a failure: the count stays where the limit put it.
    expect(await storedFailures(email)).toBe(MAX_FAILURES);
    // The lockout is in the platform's audit log, once, naming the account and not the address.
    expect(await lockoutsOf(email)).toEqual([{ owner_org_id: null, after: { failures: MAX_FAILURES, windowSeconds: WINDOW_SECONDS } }]);
  });

  it("count an unknown address as a known one, so the refusal tells nothing of who has an account", async () => {
    const unknown = "no-such-person@nowhere.test";
    await failTimes(unknown, MAX_FAILURES);
    const refused = await signIn(unknown, TEST_PASSWORD);
    expectRefused(refused);

    const known = await newUserEmail();
    await failTimes(known, MAX_FAILURES);
    const knownRefused = await signIn(known, TEST_PASSWORD);
    expectRefused(knownRefused);
    expect(Object.keys(knownRefused.errors![0].extensions!).sort()).toEqual(Object.keys(refused.errors![0].extensions!).sort());
    // An unknown address's lockout is recorded too, with no account and nothing of the address.
    const anonymous = await api.dataSource.query(`SELECT after FROM audit_event WHERE action = 'signIn.lockout' AND target_id IS NULL`);
    expect(anonymous.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(anonymous)).not.toContain("no-such-person");
  });

  it("below the limit, keep counting after a sign-in that succeeds, which gives back its own attempt only", async () => {
    // Were they cleared, someone failing the address on purpose would see its count start over
    // when the owner signed in, and so that it has an account.
    const email = await newUserEmail();
    expect((await signIn(email, TEST_PASSWORD)).errors).toBeUndefined();
    expect(await storedFailures(email)).toBeNull();
    await failTimes(email, MAX_FAILURES - 1);
    const response = await signIn(email, TEST_PASSWORD);
    expect(response.errors).toBeUndefined();
    expect(response.data?.login.token).toEqual(expect.any(String));
    expect(await storedFailures(email)).toBe(MAX_FAILURES - 1);
    await failTimes(email, 1);
    expectRefused(await signIn(email, TEST_PASSWORD));
  });

  it("count for the address however its letters are cased or padded", async () => {
    const email = await newUserEmail();
    await failTimes(email.toUpperCase(), 1);
    await failTimes(`  ${email}`, 1);
    await failTimes(email, MAX_FAILURES - 2);
    expectRefused(await signIn(email, TEST_PASSWORD));
  });

  it("of one address leave every other address alone", async () => {
    const locked = await newUserEmail();
    const other = await newUserEmail();
    await failTimes(locked, MAX_FAILURES);
    expectRefused(await signIn(locked, TEST_PASSWORD));
    expect((await signIn(other, TEST_PASSWORD)).errors).toBeUndefined();
    // Nor does another address's sign-in, or its pruning, touch the locked one.
    expectRefused(await signIn(locked, TEST_PASSWORD));
    expect(await storedFailures(locked)).toBe(MAX_FAILURES);
  });

  it("start afresh when their window has ended", async () => {
    const email = await newUserEmail();
    await failTimes(email, MAX_FAILURES);
    expectRefused(await signIn(email, TEST_PASSWORD));
    await api.dataSource.query(
      `UPDATE login_failure SET window_started_at = now() - make_interval(secs => $2) WHERE email_digest = $1`,
      [keyOf(email), WINDOW_SECONDS + 1],
    );
    // The ended window's count does not carry into the next: one failure is one, not a refusal.
    await failTimes(email, 1);
    expect(await storedFailures(email)).toBe(1);
    expect((await signIn(email, TEST_PASSWORD)).errors).toBeUndefined();
  });

  it("arriving at once get no more password checks than the limit", async () => {
    const email = await newUserEmail();
    const responses = await Promise.all(Array.from({ length: MAX_FAILURES + 3 }, () => signIn(email, "not the password")));
    const codes = responses.map(codeOf);
    expect(codes.filter((code) => code === "UNAUTHENTICATED")).toHaveLength(MAX_FAILURES);
    expect(codes.filter((code) => code === "RATE_LIMITED")).toHaveLength(3);
    expect(await storedFailures(email)).toBe(MAX_FAILURES);
    expectRefused(await signIn(email, TEST_PASSWORD));
    expect(await lockoutsOf(email)).toHaveLength(1);
  });

  it("refused only for others still being checked are told to retry in a second, not at the window's end", async () => {
    const email = await newUserEmail();
    await failTimes(email, MAX_FAILURES - 1);
    // The owner's client signs in from several places at once: one attempt is left, and the first
    // to take it is still having its password checked when the others arrive.
    const responses = await Promise.all(Array.from({ length: 6 }, () => signIn(email, TEST_PASSWORD)));
    expect(responses.filter((response) => response.errors === undefined)).toHaveLength(1);
    for (const refused of responses.filter((response) => response.errors !== undefined)) {
      expect(refused.errors?.[0]).toMatchObject({
        message: "Other sign-ins for this email address are having their password checked; retry in a second",
        extensions: { code: "RATE_LIMITED", retryAfterSeconds: 1 },
      });
    }
    const [row] = await api.dataSource.query(`SELECT failures, checking FROM login_failure WHERE email_digest = $1`, [keyOf(email)]);
    expect(row).toEqual({ failures: MAX_FAILURES - 1, checking: 0 });
    expect((await signIn(email, TEST_PASSWORD)).errors).toBeUndefined();
  });

  // Needs a second connection, which the embedded database does not have.
  (serverUrl ? it : it.skip)("checked while their window ends are settled in that window, never in the one that followed", async () => {
    const email = await newUserEmail();
    const row = async () => (await api.dataSource.query(`SELECT failures, checking FROM login_failure WHERE email_digest = $1`, [keyOf(email)]))[0];
    // Each sign-in is held between counting its attempt and reading the user, by a lock on app_user.
    const lock = api.dataSource.createQueryRunner();
    await lock.startTransaction();
    try {
      await lock.query(`LOCK TABLE app_user IN ACCESS EXCLUSIVE MODE`);
      const owner = signIn(email, TEST_PASSWORD);
      await waitFor(async () => (await row())?.checking === 1);
      await api.dataSource.query(
        `UPDATE login_failure SET window_started_at = now() - make_interval(secs => $2) WHERE email_digest = $1`,
        [keyOf(email), WINDOW_SECONDS + 1],
      );
      const guess = signIn(email, "not the password");
      // The guess has started a new window when the row's is no longer the ended one.
      await waitFor(async () => (await api.dataSource.query(`SELECT 1 FROM login_failure WHERE email_digest = $1 AND window_started_at > now() - interval '1 minute'`, [keyOf(email)])).length === 1);
      expect(await row()).toEqual({ failures: 1, checking: 1 });
      await lock.commitTransaction();
      expect((await owner).errors).toBeUndefined();
      expect(codeOf(await guess)).toBe("UNAUTHENTICATED");
    } finally {
      if (lock.isTransactionActive) await lock.rollbackTransaction();
      await lock.release();
    }
    // The owner's success gave back its attempt of the ended window, not the guess of the new one.
    expect(await row()).toEqual({ failures: 1, checking: 0 });
  });

  it("whose user could not be looked up are no failures, and hold back no later sign-in", async () => {
    const email = await newUserEmail();
    // The lookup fails on the database itself, between counting the attempt and checking the
    // password: a column it reads is away (renamed back before anything else runs).
    await api.dataSource.query(`ALTER TABLE app_user RENAME COLUMN password_hash TO password_hash_away`);
    try {
      for (let i = 0; i < MAX_FAILURES; i++) expect(codeOf(await signIn(email, TEST_PASSWORD))).toBe("INTERNAL_SERVER_ERROR");
    } finally {
      await api.dataSource.query(`ALTER TABLE app_user RENAME COLUMN password_hash_away TO password_hash`);
    }
    expect(await storedFailures(email)).toBeNull();
    expect((await signIn(email, TEST_PASSWORD)).errors).toBeUndefined();
  });

  it("of many addresses whose windows ended, arriving at once, each start a window of one", async () => {
    const emails = await Promise.all(Array.from({ length: 12 }, () => newUserEmail()));
    await api.dataSource.query(
      `INSERT INTO login_failure (email_digest, failures, window_started_at)
       SELECT key, $2, now() - make_interval(secs => $3) FROM unnest($1::text[]) AS key`,
      [emails.map(keyOf), MAX_FAILURES, WINDOW_SECONDS + 60],
    );
    // Each attempt resets its own row and prunes others' ended ones: none may wait on another's.
    const responses = await Promise.all(emails.map((email) => signIn(email, "not the password")));
    expect(responses.map(codeOf)).toEqual(emails.map(() => "UNAUTHENTICATED"));
    expect(await Promise.all(emails.map(storedFailures))).toEqual(emails.map(() => 1));
  });

  it("are kept under a keyed hash, never the address as typed, and ended windows are pruned by later sign-ins", async () => {
    const email = await newUserEmail();
    await api.dataSource.query(
      `INSERT INTO login_failure (email_digest, failures, window_started_at)
       SELECT 'ended-' || n, 2, now() - make_interval(secs => $1) FROM generate_series(1, 3) AS n
       UNION ALL SELECT 'live', 2, now() - make_interval(secs => $2)`,
      [WINDOW_SECONDS + 60, WINDOW_SECONDS - 60],
    );
    await failTimes(email, 1);
    const rows: { email_digest: string }[] = await api.dataSource.query(`SELECT email_digest FROM login_failure`);
    const keys = rows.map((row) => row.email_digest);
    expect(keys).toContain(keyOf(email));
    expect(keys.filter((key) => key.startsWith("ended-"))).toEqual([]);
    expect(keys).toContain("live");
    expect(keys.some((key) => key.includes("@"))).toBe(false);
    // Not a plain hash that anyone could check a guessed address against.
    expect(keys).not.toContain(createHash("sha256").update(email.toLowerCase()).digest("hex"));
  });

  it("include a disabled user's right password, which clears nothing", async () => {
    const email = await newUserEmail();
    await api.dataSource.query(`UPDATE app_user SET disabled_at = now() WHERE email = $1`, [email]);
    await failTimes(email, MAX_FAILURES - 1);
    const disabled = await signIn(email, TEST_PASSWORD);
    expect(codeOf(disabled)).toBe("UNAUTHENTICATED");
    expect(await storedFailures(email)).toBe(MAX_FAILURES);
    expectRefused(await signIn(email, TEST_PASSWORD));
  });
});

describe("an operator clearing an address's failures (npm run cli -- clear-sign-in-failures)", () => {
  const clearEvents = (): Promise<{ target_id: string | null; after: { failures: number } }[]> =>
    api.dataSource.query(`SELECT target_id, after FROM audit_event WHERE action = 'signIn.failuresClear' ORDER BY created_at`);

  it("lets a locked address sign in again at once, and records it for the platform only", async () => {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND);
    const user = await createUser(api.dataSource, org, UserRole.ANALYST);
    const { email } = user;
    await failTimes(email, MAX_FAILURES);
    expectRefused(await signIn(email, TEST_PASSWORD));
    const before = (await clearEvents()).length;
    const cleared = await api.dataSource.transaction((manager) => forgetSignInFailures(manager, loadKeyedHasher(api.config), ` ${email.toUpperCase()}`));
    expect(cleared).toBe(MAX_FAILURES);
    expect((await signIn(email, TEST_PASSWORD)).errors).toBeUndefined();
    expect((await clearEvents()).slice(before)).toEqual([{ target_id: user.id, after: { failures: MAX_FAILURES } }]);

    // An operator's event: the platform reads it; the user's own organization and another do not.
    const AUDIT = `{ auditEvents(first: 50, filter: { actions: ["signIn.failuresClear"] }) { totalCount edges { node { targetId } } } }`;
    type Audit = { auditEvents: { totalCount: number; edges: { node: { targetId: string | null } }[] } };
    const adminTokenOf = async (admins: Organization) => {
      const admin = await createUser(api.dataSource, admins, UserRole.ADMIN);
      return (await api.tokens.sign({ userId: admin.id, orgId: admins.id })).token;
    };
    const platform = await api.gql<Audit>(AUDIT, {}, { token: await adminTokenOf(await createOrganization(api.dataSource, OrgKind.PLATFORM)) });
    expect(platform.errors).toBeUndefined();
    expect(platform.data!.auditEvents.edges.map((edge) => edge.node.targetId)).toContain(gid("User", user.id));
    for (const admins of [org, await createOrganization(api.dataSource, OrgKind.BRAND)]) {
      const response = await api.gql<Audit>(AUDIT, {}, { token: await adminTokenOf(admins) });
      expect(response.errors).toBeUndefined();
      expect(response.data!.auditEvents.totalCount).toBe(0);
    }
  });

  it("does nothing, and records nothing, for an address without failures", async () => {
    const email = await newUserEmail();
    const before = (await clearEvents()).length;
    const cleared = await api.dataSource.transaction((manager) => forgetSignInFailures(manager, loadKeyedHasher(api.config), email));
    expect(cleared).toBe(0);
    expect(await clearEvents()).toHaveLength(before);
  });
});

describe("sign-ins refused because too many hash at once", () => {
  it("are no failures of their addresses: keeping the hashes busy must not use up a stranger's sign-ins", async () => {
    const emails = Array.from({ length: 30 }, (_, i) => `burst-${i}-${Date.now()}@nowhere.test`);
    const release = await holdHashThreads();
    let answers: Promise<LoginResponse[]>;
    try {
      // From thirty clients (one client's share of the line is the next test's), none of whose
      // hashes can finish meanwhile: two hash at once and sixteen wait, and twelve are turned away.
      let answered = 0;
      answers = Promise.all(emails.map((email, i) => signInFrom(`198.51.100.${i + 1}`, email, "not the password").finally(() => answered++)));
      for (const giveUpAt = Date.now() + 30_000; answered < 12 && Date.now() < giveUpAt; ) await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      await release();
    }
    const answered = await answers;
    const refusedBusy = emails.filter((_, i) => answered[i].errors?.[0].message === "Too many sign-ins at once; retry in a second");
    // The rest each failed their password check.
    expect(refusedBusy).toHaveLength(12);
    expect(answered.every((answer) => answer.errors?.[0].extensions?.code === (answer.errors?.[0].message.startsWith("Too many") ? "RATE_LIMITED" : "UNAUTHENTICATED"))).toBe(true);
    for (const email of refusedBusy) expect(await storedFailures(email)).toBeNull();
    const checked = emails.filter((email) => !refusedBusy.includes(email));
    for (const email of checked) expect(await storedFailures(email)).toBe(1);
  });
});

describe("one client's flood of sign-ins", () => {
  it("takes three places in line at most, so that another client's sign-in gets through meanwhile", async () => {
    const email = await newUserEmail();
    const release = await holdHashThreads();
    let flood: Promise<LoginResponse[]>;
    let meanwhile: Promise<LoginResponse>;
    try {
      // Forty at once from one client, none of whose hashes can finish: three take places in the
      // line (two hashing, one waiting) and keep them, and the other thirty-seven are refused.
      let answered = 0;
      flood = Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          signInFrom("203.0.113.5", `flood-${i}-${Date.now()}@nowhere.test`, "not the password").finally(() => answered++),
        ),
      );
      for (const giveUpAt = Date.now() + 30_000; answered < 37 && Date.now() < giveUpAt; ) await new Promise((resolve) => setTimeout(resolve, 10));
      // Another client's sign-in gets a place in the line the flood is still in.
      meanwhile = signInFrom("198.51.100.200", email, TEST_PASSWORD);
    } finally {
      await release();
    }
    expect((await meanwhile).errors).toBeUndefined();
    const flooded = await flood;
    const fromYourAddress = flooded.filter((answer) => answer.errors?.[0].message === "Too many sign-ins at once from your address; retry in a second");
    expect(fromYourAddress).toHaveLength(37);
    expect(fromYourAddress.every((answer) => answer.status === 429 && answer.errors?.[0].extensions?.code === "RATE_LIMITED")).toBe(true);
    // The three that kept their places had their passwords checked.
    expect(flooded.filter((answer) => codeOf(answer) === "UNAUTHENTICATED")).toHaveLength(3);
  });
});
