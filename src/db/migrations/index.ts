import { Initial1795433720474 } from "./1795433720474-Initial";
import { Governance1795435619536 } from "./1795435619536-Governance";

// In order; each migration runs in its own transaction.
export const migrations = [Initial1795433720474, Governance1795435619536];
