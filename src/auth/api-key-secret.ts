import { generateRandomSecret, hashRandomSecret, isWellFormedRandomSecret } from "./random-secret";

// An API key: "ak_" and 256 random bits (random-secret.ts); its first characters are shown to tell
// keys apart.
const PREFIX = "ak_";

export function generateApiKeySecret(): { secret: string; prefix: string; hash: string } {
  const { secret, hash } = generateRandomSecret(PREFIX);
  return { secret, prefix: secret.slice(0, 10), hash };
}

export const hashApiKeySecret = hashRandomSecret;

export const isWellFormedApiKey = (value: string) => isWellFormedRandomSecret(PREFIX, value);
