import { Initial1795433720474 } from "./1795433720474-Initial";
import { ListingIngestAndRiskModel1795435624947 } from "./1795435624947-ListingIngestAndRiskModel";

// In order; each migration runs in its own transaction.
export const migrations = [Initial1795433720474, ListingIngestAndRiskModel1795435624947];
