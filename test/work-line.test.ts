import { WorkLine } from "../src/work-line";

// The line that sign-in hashes and ingestListings calls take turns in.
describe("WorkLine", () => {
  const opened = () => {
    let open!: () => void;
    let fail!: (error: Error) => void;
    const done = new Promise<void>((resolve, reject) => {
      open = resolve;
      fail = reject;
    });
    return { done, open, fail };
  };

  it("runs `atOnce` at a time, the rest in the order they came, refuses past `waitingAtMost`, and passes a failed turn on", async () => {
    const line = new WorkLine(2, 2, "busy");
    const started: number[] = [];
    const gates = Array.from({ length: 4 }, opened);
    const calls = gates.map((gate, index) =>
      line.inTurn(async () => {
        started.push(index);
        await gate.done;
        return index;
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1]);
    await expect(line.inTurn(async () => "fifth")).rejects.toMatchObject({ message: "busy", extensions: { code: "RATE_LIMITED", retryAfterSeconds: 1 } });

    gates[1].fail(new Error("failed"));
    await expect(calls[1]).rejects.toThrow("failed");
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2]);
    gates[0].open();
    gates[2].open();
    gates[3].open();
    expect(await Promise.all([calls[0], calls[2], calls[3]])).toEqual([0, 2, 3]);
    expect(started).toEqual([0, 1, 2, 3]);
    // Every turn given back: two run at once again.
    const later = [opened(), opened()];
    const again = later.map((gate) => line.inTurn(() => gate.done));
    await new Promise((resolve) => setImmediate(resolve));
    expect(await Promise.race([line.inTurn(async () => "waits").then(() => "ran"), new Promise((resolve) => setTimeout(() => resolve("waiting"), 20))])).toBe("waiting");
    later.forEach((gate) => gate.open());
    await Promise.all(again);
  });
});
