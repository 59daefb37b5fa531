import { Column, Entity, PrimaryColumn } from "typeorm";

// Blind-match lookups an organization made in one quota window (an hour or a day). Kept in the
// database so that every API process counts against the same quota.
@Entity("intel_lookup_usage")
export class IntelLookupUsage {
  @PrimaryColumn({ name: "org_id", type: "uuid" })
  orgId: string;

  @PrimaryColumn({ name: "window_kind", type: "text" })
  windowKind: "HOUR" | "DAY";

  @PrimaryColumn({ name: "window_start", type: "timestamptz" })
  windowStart: Date;

  @Column({ type: "int" })
  lookups: number;
}
