import DataLoader from "dataloader";

// A request's loader of rows by id (null: not there, or not in the viewer's scope) that also
// answers without a promise for a row it already has, primed or loaded. A page of infringements
// primes its listings and sellers; DataLoader hands each of them back as a promise, and a field
// that resolves to a promise makes graphql-js await every object and list above it: on a page of
// 50, about 150 Promise.all and 600 more promises a request. `peek` lets a resolver return the
// row itself, so such a page resolves below its own query without awaiting anything.
export class RowLoader<V> extends DataLoader<string, V | null> {
  private readonly settled: Map<string, V | null>;
  // Ids asked for and not loaded yet: DataLoader answers them from their batch, whatever is
  // primed meanwhile, and so does peek.
  private readonly loading: Set<string>;

  constructor(batch: (ids: readonly string[]) => Promise<(V | null)[]>) {
    const settled = new Map<string, V | null>();
    const loading = new Set<string>();
    super(async (ids) => {
      const rows = await batch(ids);
      ids.forEach((id, i) => {
        settled.set(id, rows[i]);
        loading.delete(id);
      });
      return rows;
    });
    this.settled = settled;
    this.loading = loading;
  }

  // The row of `id` if this loader already has it (null if it is known to be out of reach),
  // undefined if it would have to load it.
  peek(id: string): V | null | undefined {
    return this.settled.get(id);
  }

  override load(id: string): Promise<V | null> {
    if (!this.settled.has(id)) this.loading.add(id);
    return super.load(id);
  }

  // Like DataLoader's, the first value known for an id stays.
  override prime(id: string, value: V | null | PromiseLike<V | null> | Error): this {
    if (!(value instanceof Error) && !isThenable(value) && !this.settled.has(id) && !this.loading.has(id)) this.settled.set(id, value);
    return super.prime(id, value);
  }

  override clear(id: string): this {
    this.settled.delete(id);
    this.loading.delete(id);
    return super.clear(id);
  }

  override clearAll(): this {
    this.settled.clear();
    this.loading.clear();
    return super.clearAll();
  }
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null)?.then === "function";
