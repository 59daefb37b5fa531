import { RowLoader } from "../../src/data/row-loader";
import { loadAllRequired, loadRequired } from "../../src/resolvers/load-required";

// A RowLoader answers without a promise for a row it already has, and otherwise is the DataLoader
// it extends: one batch for the ids asked in a tick, null for an id the batch did not return.

type Row = { id: string; title: string };

function loaderOf(rows: Row[]) {
  const batches: string[][] = [];
  const loader = new RowLoader<Row>(async (ids) => {
    batches.push([...ids]);
    return ids.map((id) => rows.find((row) => row.id === id) ?? null);
  });
  return { loader, batches };
}

const a = { id: "a", title: "first" };
const b = { id: "b", title: "second" };

describe("RowLoader", () => {
  it("knows nothing before a load or a prime", () => {
    expect(loaderOf([a]).loader.peek("a")).toBeUndefined();
  });

  it("keeps what a batch loaded, rows and misses alike", async () => {
    const { loader, batches } = loaderOf([a]);
    expect(await Promise.all([loader.load("a"), loader.load("missing")])).toEqual([a, null]);
    expect(batches).toEqual([["a", "missing"]]);
    expect(loader.peek("a")).toBe(a);
    expect(loader.peek("missing")).toBeNull();
  });

  it("answers a primed row without a batch, and keeps the first value known for an id", async () => {
    const { loader, batches } = loaderOf([a]);
    loader.prime("b", b);
    loader.prime("b", { id: "b", title: "later" });
    expect(loader.peek("b")).toBe(b);
    expect(await loader.load("b")).toBe(b);
    expect(batches).toEqual([]);
  });

  it("answers a row whose load is in flight from its batch, not from a prime meanwhile", async () => {
    const { loader, batches } = loaderOf([a]);
    const loading = loader.load("a");
    loader.prime("a", { id: "a", title: "primed meanwhile" });
    expect(loader.peek("a")).toBeUndefined();
    expect(await loading).toBe(a);
    expect(loader.peek("a")).toBe(a);
    expect(batches).toEqual([["a"]]);
  });

  it("does not take a primed error or promise for a row", () => {
    const { loader } = loaderOf([a]);
    loader.prime("a", new Error("no"));
    loader.prime("b", Promise.resolve(b));
    expect(loader.peek("a")).toBeUndefined();
    expect(loader.peek("b")).toBeUndefined();
  });

  it("forgets what it is told to clear", async () => {
    const { loader } = loaderOf([a]);
    loader.prime("a", a).prime("b", b);
    loader.clear("a");
    expect(loader.peek("a")).toBeUndefined();
    expect(loader.peek("b")).toBe(b);
    loader.clearAll();
    expect(loader.peek("b")).toBeUndefined();
  });
});

describe("loadRequired", () => {
  it("returns a row the loader has as it is, and loads one it has not", async () => {
    const { loader } = loaderOf([a, b]);
    loader.prime("a", a);
    expect(loadRequired(loader, "a")).toBe(a);
    const loading = loadRequired(loader, "b");
    expect(loading).toBeInstanceOf(Promise);
    expect(await loading).toBe(b);
  });

  it("treats a missing related row as an internal inconsistency, known or loaded", async () => {
    const { loader } = loaderOf([]);
    await expect(loadRequired(loader, "gone")).rejects.toThrow(/missing or out of scope/);
    expect(() => loadRequired(loader, "gone")).toThrow(/missing or out of scope/);
  });

  it("rejects a list with a known missing row, as a promise", async () => {
    const { loader } = loaderOf([a]);
    await loader.load("gone");
    const loading = loadAllRequired(loader, ["a", "gone"]);
    expect(loading).toBeInstanceOf(Promise);
    await expect(loading).rejects.toThrow(/missing or out of scope/);
  });
});
