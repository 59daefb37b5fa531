import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { SignJWT } from "jose";
import type { DataSource } from "typeorm";
import type { LoadRequest } from "./drive-load";

// The yardstick of the dashboard benchmarks: a PostGraphile 5 server over the alliance's tables,
// installed into bench/postgraphile (its own package, not a dependency of the API) if it is
// missing, served in as many processes as the API would use, and the request that asks it for the
// same page of each brand's infringements as bench:query asks the API.
//
// Each brand sees its rows through PostgreSQL's row security, with the same rules as the API's
// row scopes (src/auth/row-scopes.ts): its own infringements, and the listings and sellers they
// point at. The policies are for one role only, which the owner of the tables is not, and are
// removed again when the server stops.

const ROLE = "alliance_bench_brand";
const ORG_SETTING = "current_setting('jwt.claims.org_id', true)::uuid";

const DASHBOARD = `query Dashboard {
  allSuspectedInfringements(first: 50, orderBy: [DETECTED_AT_DESC]) {
    pageInfo { hasNextPage endCursor }
    edges { node {
      id status riskScore detectedAt riskSignals
      listingByListingId { title marketplace priceMinor currency sellerBySellerId { publicName riskScore } }
    } }
  }
}`;

const POLICIES: Record<string, string> = {
  suspected_infringement: `owner_org_id = ${ORG_SETTING}`,
  listing: `EXISTS (SELECT 1 FROM suspected_infringement s WHERE s.listing_id = listing.id AND s.owner_org_id = ${ORG_SETTING})`,
  seller: `EXISTS (SELECT 1 FROM suspected_infringement s WHERE s.seller_id = seller.id AND s.owner_org_id = ${ORG_SETTING})`,
};

async function addRowSecurity(dataSource: DataSource): Promise<void> {
  await dataSource.query(`DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${ROLE}') THEN CREATE ROLE ${ROLE} NOLOGIN; END IF;
  END $$`);
  await dataSource.query(`GRANT USAGE ON SCHEMA public TO ${ROLE}`);
  for (const [table, condition] of Object.entries(POLICIES)) {
    await dataSource.query(`GRANT SELECT ON ${table} TO ${ROLE}`);
    await dataSource.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    await dataSource.query(`DROP POLICY IF EXISTS bench_brand_rows ON ${table}`);
    await dataSource.query(`CREATE POLICY bench_brand_rows ON ${table} FOR SELECT TO ${ROLE} USING (${condition})`);
  }
}

async function removeRowSecurity(dataSource: DataSource): Promise<void> {
  for (const table of Object.keys(POLICIES)) {
    await dataSource.query(`DROP POLICY IF EXISTS bench_brand_rows ON ${table}`);
    await dataSource.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    await dataSource.query(`REVOKE SELECT ON ${table} FROM ${ROLE}`);
  }
}

function installPostGraphile(dir: string): void {
  if (existsSync(join(dir, "node_modules", "postgraphile"))) return;
  console.error("installing PostGraphile into bench/postgraphile ...");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

async function untilAnswering(url: string, authorization: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const answer = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization },
      body: JSON.stringify({ query: "{ __typename }" }),
    }).catch(() => undefined);
    if (answer?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("PostGraphile did not start within a minute");
}

// Row security that let nothing through would make a fast and empty baseline: every brand's page
// must hold as many of its infringements as the database has for it, up to 50.
async function checkPages(dataSource: DataSource, url: string, brands: { org_id: string }[], requests: LoadRequest[]) {
  for (const [i, brand] of brands.entries()) {
    const [{ n }] = await dataSource.query(`SELECT least(count(*), 50)::int AS n FROM suspected_infringement WHERE owner_org_id = $1`, [brand.org_id]);
    const answer = (await (await fetch(url, { method: "POST", ...requests[i] })).json()) as {
      data?: { allSuspectedInfringements: { edges: { node: { listingByListingId: { sellerBySellerId: unknown } | null } }[] } };
    };
    const edges = answer.data?.allSuspectedInfringements.edges ?? [];
    const complete = edges.filter((e) => e.node.listingByListingId?.sellerBySellerId).length;
    if (edges.length !== n || complete !== n) throw new Error(`PostGraphile gave brand ${brand.org_id} ${edges.length} rows (${complete} with listing and seller), not ${n}`);
  }
}

export interface PostGraphileServer {
  url: string;
  // One per member brand with an analyst, the brands bench:query rotates over, in the same order.
  requests: LoadRequest[];
  stop: () => Promise<void>;
}

export async function servePostGraphile(dataSource: DataSource, workers: number, databaseUrl: string): Promise<PostGraphileServer> {
  const dir = join(__dirname, "postgraphile");
  installPostGraphile(dir);
  await addRowSecurity(dataSource);
  let server: ReturnType<typeof spawn> | undefined;
  const stop = async () => {
    server?.kill("SIGTERM");
    await removeRowSecurity(dataSource).catch(() => undefined);
  };
  try {
    const brands: { org_id: string }[] = await dataSource.query(
      `SELECT DISTINCT u.owner_org_id AS org_id FROM app_user u JOIN organization o ON o.id = u.owner_org_id
        WHERE o.kind = 'BRAND' AND u.role = 'ANALYST' ORDER BY 1`,
    );
    const secret = randomBytes(32).toString("hex");
    const key = new TextEncoder().encode(secret);
    const sign = (orgId: string) =>
      new SignJWT({ role: ROLE, org_id: orgId }).setProtectedHeader({ alg: "HS256" }).setAudience("postgraphile").setExpirationTime("1h").sign(key);
    const requests = await Promise.all(
      brands.map(async (b) => ({
        body: JSON.stringify({ query: DASHBOARD }),
        headers: { "content-type": "application/json", authorization: `Bearer ${await sign(b.org_id)}` },
      })),
    );
    const port = await freePort();
    server = spawn(process.execPath, ["-r", "./with-resolvers.cjs", "server.mjs"], {
      cwd: dir,
      env: { ...process.env, NODE_ENV: "production", PORT: String(port), WORKERS: String(workers), JWT_SECRET: secret, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const url = `http://127.0.0.1:${port}/graphql`;
    await untilAnswering(url, requests[0].headers.authorization);
    await checkPages(dataSource, url, brands, requests);
    console.error(`PostGraphile in ${workers} process(es) at ${url}`);
    return { url, requests, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
