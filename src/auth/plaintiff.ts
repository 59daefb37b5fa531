import type { LegalAction } from "../entities";
import type { Viewer } from "./viewer";

// A legal action is its plaintiff's to update. The platform reads every one, but a change it made
// to a brand's suit would pass for the brand's, and the brand could not tell who made it.
export const isPlaintiff = (viewer: Viewer, action: Pick<LegalAction, "ownerOrgId">): boolean => action.ownerOrgId === viewer.orgId;
