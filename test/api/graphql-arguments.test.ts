import { buildSchema, graphql } from "graphql";

// patches/graphql+16.15.0.patch: graphql-js builds a field's arguments for every field it resolves;
// a field that declares none now gets one shared empty object, which must stay empty and frozen
// (a resolver that wrote to it would hand its write to every later field and request).
describe("graphql-js's field arguments, as patched", () => {
  const schema = buildSchema(`type Query { a: Int b: Int c(n: Int = 3): Int write: Int }`);
  type Args = Record<string, unknown>;

  async function run(source: string) {
    const seen: Args[] = [];
    const record = (value: number) => (args: Args) => {
      seen.push(args);
      return value;
    };
    const rootValue = {
      a: record(1),
      b: record(2),
      c: (args: Args) => {
        seen.push(args);
        return args.n;
      },
      write: (args: Args) => {
        args.leaked = true;
        return 0;
      },
    };
    return { result: await graphql({ schema, source, rootValue }), seen };
  }

  it("gives the fields without arguments one shared, frozen, empty object", async () => {
    const { result, seen } = await run("{ a b }");
    expect(result).toEqual({ data: { a: 1, b: 2 } });
    expect(seen[0]).toBe(seen[1]);
    expect(Object.isFrozen(seen[0])).toBe(true);
    expect(Object.getPrototypeOf(seen[0])).toBeNull();
    expect(Object.keys(seen[0])).toEqual([]);
  });

  it("gives a field with arguments its own values, defaults included", async () => {
    const { result, seen } = await run("{ a c first: c(n: 5) }");
    expect(result).toEqual({ data: { a: 1, c: 3, first: 5 } });
    expect(seen[1]).toEqual({ n: 3 });
    expect(seen[2]).toEqual({ n: 5 });
    expect(seen[1]).not.toBe(seen[2]);
    expect(Object.isFrozen(seen[1])).toBe(false);
  });

  it("refuses a write to the shared object, and the next field still finds it empty", async () => {
    const { result, seen } = await run("{ write a }");
    expect(result.data).toEqual({ write: null, a: 1 });
    expect(result.errors?.[0].message).toMatch(/not extensible/);
    expect(Object.keys(seen[0])).toEqual([]);
  });
});
