import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import type { DataSource } from "typeorm";
import { createApiApp, listen } from "../../src/api/server";
import { loadTokenService, type TokenService } from "../../src/auth/jwt";
import { loadConfig, type Config } from "../../src/config";
import { createLogger, type Logger } from "../../src/logger";
import { StatementCounter } from "./statement-counter";
import { openTestDatabase } from "./test-database";
import { serverUrl } from "./test-env";

export type Credentials = { token: string } | { apiKey: string } | { headers: Record<string, string> } | undefined;

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> & { code?: string } }[];
}

export interface TestApi {
  url: string;
  dataSource: DataSource;
  tokens: TokenService;
  config: Config;
  statements: StatementCounter;
  gql<T = Record<string, unknown>, V = Record<string, unknown>>(
    query: string | TypedDocumentNode<T, V>,
    variables?: V,
    as?: Credentials,
  ): Promise<GraphQLResponse<T>>;
  post(body: string, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

function headersOf(as: Credentials): Record<string, string> {
  if (!as) return {};
  if ("token" in as) return { authorization: `Bearer ${as.token}` };
  if ("apiKey" in as) return { "x-api-key": as.apiKey };
  return as.headers;
}

// The real server on a random loopback port, over a database of this test file's own.
// `replicaServerUrls`: the servers the API's query operations read from (openTestDatabase);
// `logger`: where the server's log lines go (none, unless TEST_LOG_LEVEL asks for them on stderr).
export async function startTestApi(
  env: Record<string, string> = {},
  { replicaServerUrls, logger }: { replicaServerUrls?: string[]; logger?: Logger } = {},
): Promise<TestApi> {
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    JWT_SECRET: randomBytes(32).toString("hex"),
    INTEL_HMAC_SECRET: randomBytes(32).toString("hex"),
    // Settings that follow from the kind of database (INGEST_CONCURRENCY applies to a server only).
    ...(serverUrl ? { DATABASE_URL: serverUrl } : {}),
    ...env,
  });
  const statements = new StatementCounter();
  const database = await openTestDatabase(statements, { ...config.databaseTimeouts, replicaServerUrls });
  const tokens = loadTokenService(config);
  const api = await createApiApp({
    config,
    dataSource: database.dataSource,
    tokens,
    logger: logger ?? createLogger((process.env.TEST_LOG_LEVEL as Config["logLevel"]) ?? "silent"),
  });
  const server: Server = await listen(api.app, 0);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

  const post = async (body: string, headers: Record<string, string> = {}) => {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    return { status: response.status, body: await response.text() };
  };

  return {
    url,
    dataSource: database.dataSource,
    tokens,
    config,
    statements,
    post,
    async gql<T, V>(query: string | TypedDocumentNode<T, V>, variables?: V, as?: Credentials) {
      const text = typeof query === "string" ? query : print(query);
      const { status, body } = await post(JSON.stringify({ query: text, variables: variables ?? {} }), headersOf(as));
      return { status, ...(JSON.parse(body) as Omit<GraphQLResponse<T>, "status">) };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await api.stop();
      await database.close();
    },
  };
}
