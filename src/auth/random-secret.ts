import { createHash, randomBytes } from "node:crypto";

// A credential of 256 random bits after a prefix that says what it is ("ak_", "inv_"): one fast
// SHA-256 is a safe way to store it (a slow hash protects guessable secrets such as passwords, not
// random ones) and lets its holder be found by an indexed hash lookup. Only the hash is kept.
export function generateRandomSecret(prefix: string): { secret: string; hash: string } {
  const secret = `${prefix}${randomBytes(32).toString("base64url")}`;
  return { secret, hash: hashRandomSecret(secret) };
}

export const hashRandomSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

export const isWellFormedRandomSecret = (prefix: string, value: string) =>
  value.startsWith(prefix) && /^[A-Za-z0-9_-]{43}$/.test(value.slice(prefix.length));
