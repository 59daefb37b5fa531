import type { Viewer } from "../../auth/viewer";
import type { StrikePolicy } from "../../domain/store-penalty-policy";
import type { RiskModel } from "../../risk/risk-model";
import type { IntelSource } from "../intel-source";

// How a batch is written: the model that finishes its scores, the time it is written at, where
// new ids come from, the intelligence it is looked up in, and how new rows go in.
export interface BatchOptions {
  model: RiskModel;
  now: Date;
  newId: () => string;
  // Without one (the demo seed, before anyone shares intelligence), no listing matches any.
  intel?: IntelSource;
  // New rows by COPY (a PostgreSQL server), else by unnest inserts (the embedded database).
  copy?: boolean;
  // The stores' strike policy, applied to the strikes their scans report. Without one (the demo
  // seed, which applies it to the records it writes after its takedowns), statuses stay as stored.
  strikePolicy?: StrikePolicy;
  // Who sent the listings (the ingestListings mutation's viewer), named in the audit of what the
  // batch's scans changed; none for the CLI's file, whose changes are the scan's own.
  actor?: Viewer;
}
