import { Check, Column, Entity, PrimaryColumn } from "typeorm";

// Blind-match lookups an organization made in one quota window (an hour or a day). Kept in the
// database so that every API process counts against the same quota. Each lookup writes the
// window's limit with its count, so that the check refuses a count past it: the statement that
// counts a lookup fails whole, and nothing of a refused request is counted or audited.
@Entity("intel_lookup_usage")
@Check("chk_intel_lookup_usage_within_limit", `"lookups" <= "lookup_limit"`)
export class IntelLookupUsage {
  @PrimaryColumn({ name: "org_id", type: "uuid" })
  orgId: string;

  @PrimaryColumn({ name: "window_kind", type: "text" })
  windowKind: "HOUR" | "DAY";

  @PrimaryColumn({ name: "window_start", type: "timestamptz" })
  windowStart: Date;

  @Column({ type: "int" })
  lookups: number;

  // The configured limit of the window's kind when the window was last counted.
  @Column({ name: "lookup_limit", type: "int" })
  lookupLimit: number;
}
