import { createHmac, createSecretKey, randomBytes } from "node:crypto";
import { KeyedHasher } from "../../src/domain/intel/keyed-hash";
import { IndicatorKind } from "../../src/entities/enums";

const key = createSecretKey(randomBytes(32));
const hmac = (kind: IndicatorKind, value: string) => createHmac("sha256", key).update(`${kind}\u0000${value}`, "utf8").digest("hex");

describe("keyed hashes", () => {
  it("are HMAC-SHA-256 of kind and value", () => {
    const hasher = new KeyedHasher(key);
    for (const [kind, value] of [
      [IndicatorKind.KEYWORD, "高仿"],
      [IndicatorKind.SELLER, "TAOBAO:store-1"],
      [IndicatorKind.KEYWORD, "TAOBAO:store-1"],
    ] as const) {
      expect(hasher.hashHex(kind, value)).toBe(hmac(kind, value));
      expect(hasher.hash(kind, value).toString("hex")).toBe(hmac(kind, value));
    }
  });
});
