import { createHmac, createSecretKey, type Hmac, type KeyObject } from "node:crypto";
import type { Config } from "../../config";
import { givenOrKeptSecret } from "../../data-dir-secret";
import type { IndicatorKind } from "../../entities/enums";

// HMAC-SHA-256 of an indicator's kind and normalized value under a server secret. Every match
// compares these: without the secret a stored hash cannot be reversed by hashing guesses (a
// phone number has few enough possible values that a plain hash could be).
const SIGN_IN = "SIGN_IN";

export class KeyedHasher {
  constructor(private readonly key: KeyObject) {}

  hash(kind: IndicatorKind, normalizedValue: string): Buffer {
    return this.hmac(kind, normalizedValue).digest();
  }

  // Straight to hex, without a Buffer in between (an ingest hashes a few values per listing).
  hashHex(kind: IndicatorKind, normalizedValue: string): string {
    return this.hmac(kind, normalizedValue).digest("hex");
  }

  // The key of an email address's failed sign-ins (src/auth/login-throttle.ts), under the same
  // secret: SIGN_IN stands where an indicator's kind does, so it never equals an indicator's key.
  signInKeyHex(normalizedEmail: string): string {
    return this.hmac(SIGN_IN, normalizedEmail).digest("hex");
  }

  private hmac(kind: IndicatorKind | typeof SIGN_IN, normalizedValue: string): Hmac {
    // The kind is part of the input, so the same text as a KEYWORD and as a SELLER never collide.
    return createHmac("sha256", this.key).update(kind).update("\u0000").update(normalizedValue, "utf8");
  }
}

// Prepared once at start: INTEL_HMAC_SECRET, or with the embedded database a random secret made on
// first start and kept beside the data, since the stored hashes are only useful under the same key.
export function loadKeyedHasher(config: Config): KeyedHasher {
  return new KeyedHasher(secretKeyFrom(intelHmacSecret(config)));
}

export const secretKeyFrom = (secret: string) => createSecretKey(Buffer.from(secret, "utf8"));

export const intelHmacSecret = (config: Config): string =>
  givenOrKeptSecret(config.intel.hmacSecret, config.dataDir, {
    fileName: "intel-hmac-secret",
    replacing: "orphans every stored indicator hash (the indicators contributed so far match no lookup again)",
  });
