import autocannon from "autocannon";
import { numberArg } from "./bench-database";

// The dashboard's load, as both bench:query and its PostGraphile baseline drive it: autocannon
// with `connections` connections, a warm-up, then the measured run; each request takes the next
// of `requests` in turn (one per member brand), so the brands' pages interleave.

export interface LoadRequest {
  body: string;
  headers: Record<string, string>;
}

export interface LoadOptions {
  connections: number;
  duration: number;
  warmup: number;
  // Called between the warm-up and the measured run.
  afterWarmup?: () => Promise<unknown>;
}

export interface LoadFigures {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  // Transport errors, non-2xx answers, timeouts and answers that carry GraphQL errors.
  errors: number;
}

// --connections 10 --duration 20 --warmup 5 unless the command line says otherwise.
export const loadOptionsFromArgs = (): LoadOptions => ({
  connections: numberArg("connections", 10),
  duration: numberArg("duration", 20),
  warmup: numberArg("warmup", 5),
});

export async function driveLoad(url: string, requests: LoadRequest[], options: LoadOptions): Promise<LoadFigures> {
  let turn = 0;
  let graphqlErrors = 0;
  const run = (seconds: number) =>
    autocannon({
      url,
      connections: options.connections,
      duration: seconds,
      requests: [
        {
          method: "POST",
          setupRequest: (request) => ({ ...request, ...requests[turn++ % requests.length] }),
          onResponse: (_status, responseBody) => {
            if (responseBody.includes('"errors"')) graphqlErrors++;
          },
        },
      ],
    });
  await run(options.warmup);
  await options.afterWarmup?.();
  graphqlErrors = 0;
  const result = await run(options.duration);
  return {
    rps: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.non2xx + result.timeouts + graphqlErrors,
  };
}
