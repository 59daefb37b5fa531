// A small seeded PRNG (mulberry32): the demo data must be the same for the same seed on every
// machine, which Math.random and crypto.randomUUID cannot give.
export class SeededRandom {
  private state: number;

  constructor(private readonly seed: number) {
    this.state = seed >>> 0;
  }

  // An independent stream for one part of the data, so that changing how much of one table is
  // generated does not shift the values of another.
  fork(label: string): SeededRandom {
    let hash = 0x811c9dc5 ^ this.seed;
    for (let i = 0; i < label.length; i++) {
      hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193);
    }
    return new SeededRandom(hash >>> 0);
  }

  // A float in [0, 1).
  next(): number {
    return this.nextUint32() / 0x1_0000_0000;
  }

  // An integer in [min, max], both included.
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  // A float in [min, max).
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("cannot pick from an empty list");
    return items[Math.floor(this.next() * items.length)];
  }

  weightedPick<T>(items: readonly T[], weightOf: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weightOf(item), 0);
    let target = this.next() * total;
    for (const item of items) {
      target -= weightOf(item);
      if (target < 0) return item;
    }
    return this.pick(items);
  }

  // `count` distinct items, in random order.
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0) {
      chosen.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
    }
    return chosen;
  }

  digits(count: number): string {
    let out = "";
    for (let i = 0; i < count; i++) out += String(this.int(0, 9));
    return out;
  }

  hex(count: number): string {
    let out = "";
    for (let i = 0; i < count; i++) out += this.int(0, 15).toString(16);
    return out;
  }

  // A version-4-shaped UUID made of PRNG bits.
  uuid(): string {
    const hex = [0, 1, 2, 3].map(() => this.nextUint32().toString(16).padStart(8, "0")).join("");
    const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  private nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
}
