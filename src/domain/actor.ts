import type { Viewer } from "../auth/viewer";

// Who did something, as the two nullable columns every authored row carries.
export const actorOf = (viewer: Viewer) => ({
  userId: viewer.principal === "USER" ? viewer.principalId : null,
  apiKeyId: viewer.principal === "API_KEY" ? viewer.principalId : null,
});
