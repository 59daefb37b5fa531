import { randomBytes } from "node:crypto";
import { loadTokenService } from "../src/auth/jwt";
import type { Config } from "../src/config";
import { intelHmacSecret } from "../src/domain/intel/keyed-hash";
import type { Database } from "../src/db/data-source";
import type { LoadRequest } from "./drive-load";
import { startApiServer, type BenchServer } from "./start-api-server";

// The API side of the dashboard benchmarks: the server as `npm start` serves it (in a child
// process), and a brand's dashboard page as each member brand's analyst asks for it.

const DASHBOARD = `query Dashboard {
  infringements(first: 50, orderBy: { field: DETECTED_AT, direction: DESC }) {
    pageInfo { hasNextPage endCursor }
    edges { node {
      id status riskScore detectedAt
      riskSignals { kind contribution reason }
      listing { title marketplace price { formatted } seller { name riskScore } }
    } }
  }
}`;

export interface ApiDashboard extends BenchServer {
  // One per member brand with an analyst (its first by email), in the same order as PostGraphile's.
  requests: LoadRequest[];
}

// The embedded database is one process's: the server gets it to itself, so `database` is closed
// here when it is the embedded one.
export async function serveApiDashboard(
  database: Database,
  config: Config,
  options: { env?: NodeJS.ProcessEnv; exposeGc?: boolean } = {},
): Promise<ApiDashboard> {
  const jwtSecret = config.jwt.secret ?? randomBytes(32).toString("hex");
  const tokens = loadTokenService({ ...config, jwt: { ...config.jwt, secret: jwtSecret } });
  const analysts: { id: string; owner_org_id: string }[] = await database.dataSource.query(
    `SELECT DISTINCT ON (u.owner_org_id) u.id, u.owner_org_id FROM app_user u JOIN organization o ON o.id = u.owner_org_id
      WHERE o.kind = 'BRAND' AND u.role = 'ANALYST' ORDER BY u.owner_org_id, u.email`,
  );
  const requests = await Promise.all(
    analysts.map(async (a) => ({
      body: JSON.stringify({ query: DASHBOARD }),
      headers: { "content-type": "application/json", authorization: `Bearer ${(await tokens.sign({ userId: a.id, orgId: a.owner_org_id })).token}` },
    })),
  );
  if (config.database.kind === "embedded") await database.close();
  // Served as in production (graphql-js and Express skip their development checks), with the
  // secrets the data was written and the tokens signed with.
  const server = await startApiServer(
    { ...process.env, ...options.env, NODE_ENV: "production", JWT_SECRET: jwtSecret, INTEL_HMAC_SECRET: intelHmacSecret(config) },
    { exposeGc: options.exposeGc },
  );
  return { ...server, requests };
}
