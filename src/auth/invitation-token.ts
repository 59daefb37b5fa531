import { createHash, randomBytes } from "node:crypto";

// Like an API key (api-key-secret.ts): 256 random bits, so one SHA-256 is a safe way to store it
// and lets acceptance find the invitation by an indexed lookup. Only the hash is kept.
const TOKEN_PATTERN = /^inv_[A-Za-z0-9_-]{43}$/;

export function generateInvitationToken(): { token: string; hash: string } {
  const token = `inv_${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashInvitationToken(token) };
}

export const hashInvitationToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const isWellFormedInvitationToken = (value: string) => TOKEN_PATTERN.test(value);
