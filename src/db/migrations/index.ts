import { Initial1795433720474 } from "./1795433720474-Initial";

// In order; each migration runs in its own transaction.
export const migrations = [Initial1795433720474];
