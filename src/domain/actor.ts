import type { Viewer } from "../auth/viewer";

// Who did something, as the two nullable columns every authored row carries (none for the system).
export const actorOf = (viewer: Viewer | null) => ({
  userId: viewer?.principal === "USER" ? viewer.principalId : null,
  apiKeyId: viewer?.principal === "API_KEY" ? viewer.principalId : null,
});

// The same as a note's or a feedback's author columns.
export function authorOf(viewer: Viewer) {
  const actor = actorOf(viewer);
  return { authorUserId: actor.userId, authorApiKeyId: actor.apiKeyId };
}
