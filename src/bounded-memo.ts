// Remembers up to `capacity` computed values, and starts afresh when full: for bulk work that
// meets the same inputs over and over (a feed repeats titles across sellers and scans), with
// memory that stays bounded however long it runs.
export class BoundedMemo<K, V> {
  private readonly values = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K, compute: (key: K) => V): V {
    let value = this.values.get(key);
    if (value === undefined) {
      value = compute(key);
      if (this.values.size >= this.capacity) this.values.clear();
      this.values.set(key, value);
    }
    return value;
  }

  get size(): number {
    return this.values.size;
  }
}
