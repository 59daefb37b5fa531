import { createHmac, createSecretKey, randomBytes } from "node:crypto";
import { KeyedHasher, MemoizedKeyedHasher } from "../../src/domain/intel/keyed-hash";
import { IndicatorKind } from "../../src/entities/enums";

// The memo an ingest hashes through must give exactly the stored hashes, and stay bounded.

const key = createSecretKey(randomBytes(32));
const hmac = (kind: IndicatorKind, value: string) => createHmac("sha256", key).update(`${kind}\u0000${value}`, "utf8").digest("hex");

describe("keyed hashes", () => {
  it("are HMAC-SHA-256 of kind and value, remembered or not", () => {
    const plain = new KeyedHasher(key);
    const memoized = new MemoizedKeyedHasher(key, 10);
    for (const [kind, value] of [
      [IndicatorKind.KEYWORD, "高仿"],
      [IndicatorKind.SELLER, "TAOBAO:store-1"],
      [IndicatorKind.KEYWORD, "TAOBAO:store-1"],
    ] as const) {
      expect(plain.hashHex(kind, value)).toBe(hmac(kind, value));
      expect(memoized.hashHex(kind, value)).toBe(hmac(kind, value));
      expect(memoized.hashHex(kind, value)).toBe(hmac(kind, value));
    }
  });

  it("remember at most their capacity, and hash right after starting afresh", () => {
    const memoized = new MemoizedKeyedHasher(key, 3);
    for (let i = 0; i < 10; i++) {
      expect(memoized.hashHex(IndicatorKind.KEYWORD, `word ${i}`)).toBe(hmac(IndicatorKind.KEYWORD, `word ${i}`));
      expect(memoized.size).toBeLessThanOrEqual(3);
    }
    expect(memoized.hashHex(IndicatorKind.KEYWORD, "word 0")).toBe(hmac(IndicatorKind.KEYWORD, "word 0"));
  });
});
