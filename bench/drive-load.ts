import autocannon from "autocannon";
import { numberArg } from "./bench-database";

// The dashboard's load, as bench:query, its PostGraphile baseline and bench:compare drive it:
// autocannon with `connections` connections; each request takes the next of `requests` in turn
// (one per member brand), so the brands' pages interleave; or `requests` makes each one from its
// turn (bench:soak).

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

// What one stretch of load measured: every answer's latency, to be pooled with other stretches.
export interface LoadSlice {
  seconds: number;
  latenciesMs: number[];
  errors: number;
}

// --connections 10 --duration 20 --warmup 5 unless the command line says otherwise.
export const loadOptionsFromArgs = (): LoadOptions => ({
  connections: numberArg("connections", 10),
  duration: numberArg("duration", 20),
  warmup: numberArg("warmup", 5),
});

export function runLoad(
  url: string,
  requests: readonly LoadRequest[] | ((turn: number) => LoadRequest),
  connections: number,
  seconds: number,
): Promise<LoadSlice> {
  const requestOf = typeof requests === "function" ? requests : (turn: number) => requests[turn % requests.length];
  let turn = 0;
  let graphqlErrors = 0;
  const latenciesMs: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        requests: [
          {
            method: "POST",
            setupRequest: (request) => ({ ...request, ...requestOf(turn++) }),
            onResponse: (_status, responseBody) => {
              if (responseBody.includes('"errors"')) graphqlErrors++;
            },
          },
        ],
      },
      (error, result) => {
        if (error) reject(error);
        else resolve({ seconds, latenciesMs, errors: result.errors + result.non2xx + result.timeouts + graphqlErrors });
      },
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latenciesMs.push(responseTime));
  });
}

// The figures of one or more slices taken together: requests a second over their whole time,
// percentiles over all their answers.
export function figuresOf(slices: readonly LoadSlice[]): LoadFigures {
  const latencies = slices.flatMap((s) => s.latenciesMs).sort((a, b) => a - b);
  const seconds = slices.reduce((sum, s) => sum + s.seconds, 0);
  const percentile = (p: number) => (latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] * 100) / 100 : 0);
  return {
    rps: Math.round(latencies.length / seconds),
    p50Ms: percentile(0.5),
    p99Ms: percentile(0.99),
    requests: latencies.length,
    errors: slices.reduce((sum, s) => sum + s.errors, 0),
  };
}

export async function driveLoad(url: string, requests: readonly LoadRequest[], options: LoadOptions): Promise<LoadFigures> {
  await runLoad(url, requests, options.connections, options.warmup);
  await options.afterWarmup?.();
  return figuresOf([await runLoad(url, requests, options.connections, options.duration)]);
}
