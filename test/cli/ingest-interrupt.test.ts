import { spawn } from "node:child_process";
import { Readable } from "node:stream";
import { generateListings } from "../../src/generator/marketplace-generator";
import { openTestDatabase } from "../support/test-database";
import { serverUrl } from "../support/test-env";

// An ingest stopped with Ctrl-C lets the batches writing finish, and says what the written ones
// stored; so does one whose batch failed. The CLI takes a database of its own, so this needs a
// server (the embedded one is the test's). The CLI alone takes 15-30 s to start under ts-node on a
// loaded two-core machine: the time allowed leaves room for that and for the failed-batch test's own
// 30 s limit, which says where a stuck CLI stands, before jest's ends the test saying nothing.
jest.setTimeout(120_000);

const onServer = serverUrl ? it : it.skip;

// The CLI reading stdin into a database of its own, and what a test watches of it.
async function ingestFromStdin(batch = 50) {
  const database = await openTestDatabase();
  const url = (database.dataSource.options as { url: string }).url;
  const cli = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "src/cli/main.ts", "ingest", "--batch", String(batch), "-"], {
    stdio: ["pipe", "pipe", "pipe"],
    // A server database needs the secrets set, as in production.
    env: { ...process.env, DATABASE_URL: url, JWT_SECRET: "j".repeat(32), INTEL_HMAC_SECRET: "h".repeat(32), LOG_LEVEL: "error" },
  });
  const run = {
    database,
    cli,
    stderr: "",
    running: true,
    exited: new Promise<number | null>((resolve) => cli.once("exit", resolve)),
    stored: async () => Number((await database.dataSource.query(`SELECT count(*) AS n FROM listing`))[0].n),
    end: async () => {
      cli.kill("SIGKILL");
      await database.close();
    },
  };
  cli.stdin.on("error", () => {}); // a CLI that stopped early fails the test's assertions, with its stderr
  cli.stderr.on("data", (chunk: Buffer) => (run.stderr += chunk.toString()));
  void run.exited.then(() => (run.running = false));
  return run;
}

function* ndjsonOf(listings: Iterable<unknown>): Generator<string> {
  for (const listing of listings) yield `${JSON.stringify(listing)}\n`;
}

onServer("tells, when interrupted, what the committed batches stored, and exits 130", async () => {
  const run = await ingestFromStdin();
  const { cli, exited, stored } = run;
  try {
    // More lines than it writes before the interrupt; the input stays open, so it never ends by itself.
    const lines = [...generateListings({ listings: 3_000, seed: 5, now: new Date("2026-11-23T00:00:00Z") })].map((listing) => JSON.stringify(listing));
    cli.stdin.write(`${lines.join("\n")}\n`);
    while (run.running && (await stored()) < 100) await new Promise((resolve) => setTimeout(resolve, 50));
    expect({ running: run.running, stderr: run.running ? "" : run.stderr }).toEqual({ running: true, stderr: "" });
    cli.kill("SIGINT");
    expect({ code: await exited, stderr: run.stderr.slice(-300) }).toEqual({ code: 130, stderr: expect.any(String) });
    // What it says it kept is what is stored.
    const said = /interrupted: the batches written are kept \((\d+) listings inserted, 0 updated, 0 unchanged; (\d+) lines rejected so far\), and none is half-written\. Run the same file again to write the rest/.exec(run.stderr);
    expect(said).not.toBeNull();
    expect(Number(said![1])).toBe(await stored());
    expect(Number(said![1])).toBeLessThan(3_000);
  } finally {
    await run.end();
  }
});

onServer("writes the lines a feed sent before it paused, without waiting for more, and keeps them when interrupted then", async () => {
  const run = await ingestFromStdin();
  const { cli, exited, stored } = run;
  try {
    // Fewer lines than a batch (50), and the input stays open.
    cli.stdin.write([...ndjsonOf(generateListings({ listings: 3, seed: 7, now: new Date("2026-11-23T00:00:00Z") }))].join(""));
    // The CLI's start takes most of the time allowed; without the pause, the lines are never written.
    const giveUpAt = Date.now() + 90_000;
    while (run.running && (await stored()) < 3 && Date.now() < giveUpAt) await new Promise((resolve) => setTimeout(resolve, 50));
    expect({ running: run.running, stored: await stored(), stderr: run.running ? "" : run.stderr }).toEqual({ running: true, stored: 3, stderr: "" });
    cli.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(run.stderr).toMatch(/interrupted: the batches written are kept \(3 listings inserted, 0 updated, 0 unchanged; 0 lines rejected so far\)/);
  } finally {
    await run.end();
  }
});

onServer("writes the lines of a feed that sends steadily and never pauses a second, while it still sends", async () => {
  const run = await ingestFromStdin(1_000);
  const { cli, exited, stored } = run;
  try {
    // A line every 300 ms until some are stored, never a batch (1,000 lines) in the time allowed:
    // without the bound on how long a line is held, none is written while the feed sends. The
    // CLI's start takes most of that time.
    const lines = ndjsonOf(generateListings({ listings: 1_000, seed: 8, now: new Date("2026-11-23T00:00:00Z") }));
    const giveUpAt = Date.now() + 90_000;
    while (run.running && (await stored()) === 0 && Date.now() < giveUpAt) {
      cli.stdin.write(lines.next().value as string);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect({ running: run.running, stderr: run.running ? "" : run.stderr }).toEqual({ running: true, stderr: "" });
    expect(await stored()).toBeGreaterThan(0);
    cli.kill("SIGINT");
    expect(await exited).toBe(130);
    const said = /interrupted: the batches written are kept \((\d+) listings inserted, 0 updated, 0 unchanged; 0 lines rejected so far\)/.exec(run.stderr);
    expect(Number(said?.[1])).toBe(await stored());
  } finally {
    await run.end();
  }
});

onServer("tells, when a batch failed, which lines were rolled back and what the committed batches stored, and exits 1", async () => {
  const run = await ingestFromStdin();
  const { cli, exited, stored } = run;
  // Lines as fast as the CLI reads them, for as long as it runs: it is still writing batches when the
  // connections are ended below, however far it got while this test waited for a core. (Given a
  // fixed file, a CLI that wrote all of it first waited on the open input, with no connection busy.)
  const feed = Readable.from(ndjsonOf(generateListings({ listings: 1_000_000, seed: 6, now: new Date("2026-11-23T00:00:00Z") })));
  try {
    feed.pipe(cli.stdin);
    // A CLI that stopped before writing shows its stderr here, rather than the test's time running out.
    while (run.running && (await stored()) < 100) await new Promise((resolve) => setTimeout(resolve, 50));
    expect({ running: run.running, stderr: run.running ? "" : run.stderr }).toEqual({ running: true, stderr: "" });
    // The database ends the CLI's busy connections: the batch under way fails, and the CLI stops.
    // Again until it does, so that the test does not rest on one moment's connections being busy.
    // A CLI still running 30 s on is stuck: its stderr and what its connections were doing say where.
    const giveUpAt = Date.now() + 30_000;
    while (run.running && Date.now() < giveUpAt) {
      await run.database.dataSource.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'`,
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const connections = run.running
      ? await run.database.dataSource.query(`SELECT state, left(query, 80) AS query FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)
      : [];
    expect({ running: run.running, stderr: run.running ? run.stderr : "", connections }).toEqual({ running: false, stderr: "", connections: [] });
    expect(await exited).toBe(1);
    const said = /the batches written are kept \((\d+) listings inserted, 0 updated, 0 unchanged; (\d+) lines rejected so far\)\n/.exec(run.stderr);
    expect({ said: said !== null, stderr: said ? "" : run.stderr }).toEqual({ said: true, stderr: "" });
    expect(Number(said![1])).toBe(await stored());
    // One batch, or two when two were writing at once (INGEST_CONCURRENCY); said as the server's
    // refusal when the lost connection's own words name it as such.
    expect(run.stderr).toMatch(/(1 batch|2 batches) failed and (was|were) rolled back, the other batches are kept: lines \d+-\d+ \(the database connection was lost/);
  } finally {
    feed.destroy();
    await run.end();
  }
});
