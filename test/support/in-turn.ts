// Runs `run` on every item, `atOnce` at a time: the crawlers' requests, as many at once as the
// test server's core or two can answer.
export async function inTurn<T>(items: T[], run: (item: T) => Promise<void>, atOnce: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: atOnce }, async () => {
      while (next < items.length) await run(items[next++]);
    }),
  );
}
