import type { Loaders } from "../data/loaders";

// Who acted, by name: a user's display name or an API key's name, read through their row scopes,
// so that one the viewer may not see is null.
export async function principalName(loaders: Loaders, principal: { userId: string | null; apiKeyId: string | null }): Promise<string | null> {
  if (principal.userId) return (await loaders.user.load(principal.userId))?.displayName ?? null;
  if (principal.apiKeyId) return (await loaders.apiKey.load(principal.apiKeyId))?.name ?? null;
  return null;
}
