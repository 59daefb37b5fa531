import { createHash, randomBytes } from "node:crypto";

// A key is "ak_" + 32 random bytes in base64url: 256 bits, so one fast SHA-256 is a safe way to
// store it (a slow hash protects guessable secrets such as passwords, not random ones) and lets
// every request find its key by an indexed hash lookup.
const KEY_PATTERN = /^ak_[A-Za-z0-9_-]{43}$/;

export function generateApiKeySecret(): { secret: string; prefix: string; hash: string } {
  const secret = `ak_${randomBytes(32).toString("base64url")}`;
  return { secret, prefix: secret.slice(0, 10), hash: hashApiKeySecret(secret) };
}

export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export const isWellFormedApiKey = (value: string) => KEY_PATTERN.test(value);
