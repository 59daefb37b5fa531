import { generateRandomSecret, hashRandomSecret, isWellFormedRandomSecret } from "./random-secret";

// An invitation's single-use token: "inv_" and 256 random bits (random-secret.ts).
const PREFIX = "inv_";

export function generateInvitationToken(): { token: string; hash: string } {
  const { secret, hash } = generateRandomSecret(PREFIX);
  return { token: secret, hash };
}

export const hashInvitationToken = hashRandomSecret;

export const isWellFormedInvitationToken = (value: string) => isWellFormedRandomSecret(PREFIX, value);
