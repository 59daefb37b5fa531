import { Initial1795433720474 } from "./1795433720474-Initial";
import { SharedIntelligence1795435739543 } from "./1795435739543-SharedIntelligence";

// In order; each migration runs in its own transaction.
export const migrations = [Initial1795433720474, SharedIntelligence1795435739543];
