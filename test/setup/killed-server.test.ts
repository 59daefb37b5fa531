import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { loadConfig } from "../../src/config";
import { openDatabase } from "../../src/db/data-source";
import { InfringementStatus, OrgKind, UserRole } from "../../src/entities/enums";
import { createBrand, createInfringement, createListing, createOrganization, createSeller, createUser, TEST_PASSWORD } from "../support/factories";
import { gid } from "../support/personas";
import { createEmptyServerDatabase } from "../support/test-database";
import { serverUrl } from "../support/test-env";

// "Nothing accepted is ever lost" when the server process is killed outright (an OOM kill, a
// container stopped past its grace period): clients write over HTTP, the server's processes are
// all SIGKILLed while writes are in flight, and a start on the same folder or database must open it
// without repair, hold every write it had answered as done, none of them in part, and take new ones.
// Each start compiles itself with ts-node, seconds of CPU apiece: 58-120 s in all under CI's own
// load, 178 s once with other work beside it, so the time allowed is well above that.
jest.setTimeout(300_000);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads of arbitrary JSON
type Json = any;

// Killed at a different moment each round, just as the server has answered a write, while
// others are in flight: at its first answer, its 15th, then its first ingest batch after that.
const KILL_AT: ((answers: number, field: string) => boolean)[] = [
  () => true,
  (answers) => answers >= 15,
  (answers, field) => answers >= 15 && field === "ingestListings",
];
const CASES_PER_BRAND = 12;
const BATCH = 20;

// NODE_ENV=production seeds nothing (the demo alliance takes half a minute to seed): the test's own
// members are made before the first start.
let dataDir: string;
let env: Record<string, string>;
let dropDatabase = async () => {};

interface Member {
  email: string;
  caseIds: string[];
}
let platformEmail: string;
let members: Member[];
let adminEmail: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "alliance-killed-"));
  env = { NODE_ENV: "production", PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "error", JWT_SECRET: "k".repeat(40), INTEL_HMAC_SECRET: "h".repeat(40) };
  if (serverUrl) {
    const database = await createEmptyServerDatabase();
    dropDatabase = database.drop;
    env = { ...env, DATABASE_URL: database.url };
  }
  const { dataSource, close } = await openDatabase(loadConfig(env));
  try {
    const platform = await createOrganization(dataSource, OrgKind.PLATFORM);
    platformEmail = (await createUser(dataSource, platform, UserRole.ANALYST)).email;
    const seller = await createSeller(dataSource);
    members = [];
    for (let m = 0; m < 3; m++) {
      const org = await createOrganization(dataSource, OrgKind.BRAND);
      const brand = await createBrand(dataSource, org);
      const caseIds: string[] = [];
      for (let c = 0; c < CASES_PER_BRAND; c++) {
        caseIds.push(gid("Infringement", (await createInfringement(dataSource, brand, await createListing(dataSource, seller))).id));
      }
      members.push({ email: (await createUser(dataSource, org, UserRole.ANALYST)).email, caseIds });
      if (m === 0) adminEmail = (await createUser(dataSource, org, UserRole.ADMIN)).email;
    }
  } finally {
    await close();
  }
});
afterAll(async () => {
  await dropDatabase();
  rmSync(dataDir, { recursive: true, force: true });
});

const childEnv = (): NodeJS.ProcessEnv => {
  const { JWT_SECRET: _jwt, INTEL_HMAC_SECRET: _hmac, DATABASE_URL: _url, ...rest } = process.env;
  return { ...rest, ...env };
};

interface Server {
  url: string;
  child: ChildProcess;
  output(): string;
}

// `npm start`, in a process group of its own, so that its workers are killed with it.
async function startServer(): Promise<Server> {
  const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "src/main.ts"], {
    env: childEnv(),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  while (!/Alliance API at (\S+)/.test(output)) {
    if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode} on the folder or database a killed server left:\n${output}`);
    await sleep(50);
  }
  return { url: /Alliance API at (\S+)/.exec(output)![1], child, output: () => output };
}

// SIGKILL to every process of the server at once, then wait until none runs. A killed worker stays
// a zombie when nothing reaps it (its parent was killed too): it runs no more.
async function killServer(server: Server): Promise<void> {
  const group = server.child.pid!;
  process.kill(-group, "SIGKILL");
  const running = async () =>
    (await run("ps", ["-e", "-o", "pgid=,stat="])).stdout
      .split("\n")
      .map((line) => line.trim().split(/\s+/))
      .filter(([pgid, stat]) => Number(pgid) === group && !stat.startsWith("Z")).length;
  while ((await running()) > 0) await sleep(20);
}

async function stopServer(server: Server): Promise<void> {
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  process.kill(server.child.pid!, "SIGTERM");
  await exited;
}

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A request the killed server never answered.
class NoAnswer extends Error {}

async function gql(url: string, query: string, variables: Json = {}, headers: Record<string, string> = {}): Promise<{ data?: Json; errors?: Json[] }> {
  try {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as { data?: Json; errors?: Json[] };
  } catch (error) {
    throw new NoAnswer(String(error));
  }
}

async function signIn(url: string, email: string): Promise<Record<string, string>> {
  const { data, errors } = await gql(url, `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`, { email, password: TEST_PASSWORD });
  if (!data?.login) throw new Error(`sign-in failed: ${JSON.stringify(errors)}`);
  return { authorization: `Bearer ${data.login.token}` };
}

// The clients' tokens, from the first start: a token outlives a restart (the same JWT_SECRET).
interface Sessions {
  analysts: Record<string, string>[];
  admin: Record<string, string>;
  platform: Record<string, string>;
}
const signInAll = async (url: string): Promise<Sessions> => ({
  analysts: await Promise.all(members.map((member) => signIn(url, member.email))),
  admin: await signIn(url, adminEmail),
  platform: await signIn(url, platformEmail),
});

// What the server answered as done, over every round, and the batches it may or may not have
// written (in flight when it was killed).
const acknowledged = { notes: [] as { caseId: string; body: string }[], reviews: [] as string[], keys: [] as { name: string; secret: string }[], batches: [] as string[] };
const sentReviews: string[] = [];
const sentBatches: string[] = [];

const batchIds = (batch: string) => Array.from({ length: BATCH }, (_, k) => `${batch}-${k}`);
const listing = (externalId: string) => ({
  marketplace: "TAOBAO",
  externalId,
  title: "Genuine product",
  price: { amountMinor: 129_000, currency: "CNY" },
  seller: { externalId: "killed-store", name: "Killed Store" },
});

const ADD_NOTE = `mutation($input: AddInfringementNoteInput!) { addInfringementNote(input: $input) { body } }`;
const REVIEW = `mutation($input: ReviewInfringementInput!) { reviewInfringement(input: $input) { status } }`;
const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;
const INGEST = `mutation($listings: [ListingInput!]!) { ingestListings(listings: $listings) { inserted rejected } }`;

// Clients writing as fast as the server answers, until `stop()`: each member's analyst adds notes
// to its cases and takes them into review, its admin makes API keys, the platform ingests batches.
// `answered` is called at each acknowledgement, with the field answered, before anything else runs.
function writeUntilStopped(url: string, { analysts, admin, platform }: Sessions, round: number, answered: (field: string) => void): { stop(): Promise<void> } {
  let stopped = false;
  const loop = async (write: (i: number) => Promise<void>) => {
    for (let i = 0; !stopped; i++) {
      try {
        await write(i);
      } catch (error) {
        if (error instanceof NoAnswer) return;
        throw error;
      }
    }
  };
  const ok = (response: { data?: Json; errors?: Json[] }, field: string) => {
    if (response.errors) throw new Error(`${field}: ${JSON.stringify(response.errors)}`);
    answered(field);
    return response.data[field];
  };
  const loops = [
    ...members.map((member, m) =>
      loop(async (i) => {
        const caseId = member.caseIds[i % member.caseIds.length];
        const body = `round ${round} note ${m}-${i}`;
        ok(await gql(url, ADD_NOTE, { input: { infringementId: caseId, body } }, analysts[m]), "addInfringementNote");
        acknowledged.notes.push({ caseId, body });
      }),
    ),
    loop(async () => {
      const caseId = members[1].caseIds.find((id) => !sentReviews.includes(id));
      if (!caseId) return void (await sleep(50));
      sentReviews.push(caseId);
      ok(await gql(url, REVIEW, { input: { id: caseId, status: InfringementStatus.UNDER_REVIEW } }, analysts[1]), "reviewInfringement");
      acknowledged.reviews.push(caseId);
    }),
    loop(async (i) => {
      const name = `round ${round} key ${i}`;
      const { secret } = ok(await gql(url, CREATE_KEY, { input: { name, scopes: ["INFRINGEMENTS_READ"] } }, admin), "createApiKey");
      acknowledged.keys.push({ name, secret });
    }),
    loop(async (i) => {
      const batch = `killed-${round}-${i}`;
      sentBatches.push(batch);
      expect(ok(await gql(url, INGEST, { listings: batchIds(batch).map(listing) }, platform), "ingestListings")).toEqual({ inserted: BATCH, rejected: 0 });
      acknowledged.batches.push(batch);
    }),
  ];
  return {
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

// Every write acknowledged so far, read back through the API.
async function expectAcknowledgedServed(url: string, { analysts, platform }: Sessions): Promise<void> {
  const cases = members.flatMap((member, m) => member.caseIds.map((caseId) => ({ caseId, as: analysts[m] })));
  const read = await Promise.all(
    cases.map(({ caseId, as }) => gql(url, `query($id: ID!) { infringement(id: $id) { status noteCount notes(last: 100) { body } } }`, { id: caseId }, as)),
  );
  for (const [c, { caseId }] of cases.entries()) {
    const { infringement } = read[c].data;
    expect(infringement.noteCount).toBeLessThanOrEqual(100);
    expect(infringement.notes.map((note: Json) => note.body)).toEqual(expect.arrayContaining(acknowledged.notes.filter((note) => note.caseId === caseId).map((note) => note.body)));
    if (acknowledged.reviews.includes(caseId)) expect(infringement.status).toBe(InfringementStatus.UNDER_REVIEW);
  }
  const keys = await Promise.all(acknowledged.keys.map(({ secret }) => gql(url, `{ viewer { principal } }`, {}, { "x-api-key": secret })));
  for (const key of keys) expect(key.data).toEqual({ viewer: { principal: "API_KEY" } });
  const batches = await Promise.all(
    acknowledged.batches.map((batch) =>
      gql(url, `query($ids: [String!]!) { listingsByExternalId(marketplace: TAOBAO, externalIds: $ids) { externalId } }`, { ids: batchIds(batch) }, platform),
    ),
  );
  for (const [b, batch] of acknowledged.batches.entries()) {
    expect(batches[b].data.listingsByExternalId.map((found: Json) => found?.externalId)).toEqual(batchIds(batch));
  }
}

describe(`a server killed while clients write (${serverUrl ? "PostgreSQL server" : "embedded PostgreSQL"})`, () => {
  it("opens again as it was left, holding every write it had answered, none in part, and takes new ones", async () => {
    let server = await startServer();
    const sessions = await signInAll(server.url);
    for (const [round, killNow] of KILL_AT.entries()) {
      let answers = 0;
      let kill: Promise<void> | undefined;
      const writers = writeUntilStopped(server.url, sessions, round, (field) => {
        if (!kill && killNow(++answers, field)) kill = killServer(server);
      });
      while (!kill) await sleep(10);
      await kill;
      await writers.stop();

      server = await startServer();
      await expectAcknowledgedServed(server.url, sessions);
    }
    expect(acknowledged.batches.length).toBeGreaterThan(0);

    // New writes, after the last restart.
    const before = { notes: acknowledged.notes.length, keys: acknowledged.keys.length, batches: acknowledged.batches.length };
    const writers = writeUntilStopped(server.url, sessions, KILL_AT.length, () => {});
    while (Object.entries(before).some(([kind, count]) => acknowledged[kind as keyof typeof before].length === count)) await sleep(20);
    await writers.stop();
    await expectAcknowledgedServed(server.url, sessions);
    await stopServer(server);

    // And in the database itself: every acknowledged write, and each ingest batch whole or absent.
    const { dataSource, close } = await openDatabase(loadConfig(env));
    try {
      const notes = await dataSource.query(`SELECT body FROM infringement_note WHERE body LIKE 'round %'`);
      expect(notes.map((row: Json) => row.body)).toEqual(expect.arrayContaining(acknowledged.notes.map((note) => note.body)));
      const keys = await dataSource.query(`SELECT name FROM api_key`);
      expect(keys.map((row: Json) => row.name)).toEqual(expect.arrayContaining(acknowledged.keys.map((key) => key.name)));
      const stored: { batch: string; n: number }[] = await dataSource.query(
        `SELECT regexp_replace(external_id, '-[0-9]+$', '') AS batch, count(*)::int AS n FROM listing WHERE external_id LIKE 'killed-%' GROUP BY 1`,
      );
      const byBatch = new Map(stored.map((row) => [row.batch, row.n]));
      expect(acknowledged.batches.filter((batch) => byBatch.get(batch) !== BATCH)).toEqual([]);
      expect(sentBatches.filter((batch) => ![0, BATCH].includes(byBatch.get(batch) ?? 0))).toEqual([]);
    } finally {
      await close();
    }
  });
});
