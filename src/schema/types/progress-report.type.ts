import { Field, Float, Int, ObjectType } from "type-graphql";
import { SafeIntResolver } from "graphql-scalars";
import { DateTimeResolver } from "../scalars/dates";
import { Marketplace, ReportPeriodKind, ReportStatus } from "../../entities/enums";
import { ReportMetric, SuppressionReason } from "../../entities/report-table";
import { ReportAttribution } from "../enums";
import { NodeInterface } from "./node.interface";

@ObjectType("ReportCell", { description: "One figure; a null category or marketplace is a total over all of them" })
export class ReportCellType {
  @Field(() => String, {
    nullable: true,
    description: 'Its row: a product category, or "Uncategorized"; null in the totals row, which is the only row of a PLATFORM table',
  })
  category: string | null;

  @Field(() => Marketplace, {
    nullable: true,
    description: "Its column; null in a row's total, the only column of the INDICATORS_SHARED and INDICATORS_MATCHED tables (they have no marketplace breakdown)",
  })
  marketplace: Marketplace | null;

  @Field(() => SafeIntResolver, {
    nullable: true,
    description: "The alliance's figure (a money table's in minor units of its currency); null when withheld (see suppression)",
  })
  value: number | null;

  @Field(() => SuppressionReason, {
    nullable: true,
    description: "Why value is withheld; null when it is published. Members and agencies read WITHHELD (SUPPRESSED_IN_A_MONTH in a quarter), the platform the detailed reason",
  })
  suppression: SuppressionReason | null;

  @Field(() => SafeIntResolver, {
    nullable: true,
    description:
      "Your organization's own figure for the cell, never withheld from you (0 where you had none). Members only, and not in PLATFORM tables " +
      "nor those of referral outcomes (RAIDS, ARRESTS, SEIZED_UNITS, SEIZED_VALUE), where your apportioned share would tell how many of a " +
      "referral's cases are other members': null there, and for the platform and agencies. An API key needs infringements:read for it",
  })
  ownValue: number | null;
}

@ObjectType("ReportTable", { description: "A metric by product category and marketplace, with totals" })
export class ReportTableType {
  @Field(() => ReportMetric, { description: "What it counts; SEIZED_VALUE, which is money, has one table per currency" })
  metric: ReportMetric;

  @Field(() => ReportAttribution, { description: "Whose figures: a PLATFORM table is never withheld and has no category rows" })
  attribution: ReportAttribution;

  @Field(() => String, {
    nullable: true,
    description: "A money metric's ISO 4217 currency: its values are in minor units, one table per currency; null for counts",
  })
  currency: string | null;

  @Field(() => [String], {
    description:
      "Its rows: a category is named only when more than minContributors members have a brand in it; smaller categories, and brands " +
      'without a catalogue, count under "Uncategorized". Alphabetical, "Uncategorized" last; empty in a PLATFORM table',
  })
  categories: string[];

  @Field(() => [Marketplace], {
    description: "Its columns, in the Marketplace enum's order; empty for INDICATORS_SHARED and INDICATORS_MATCHED, which have no marketplace breakdown",
  })
  marketplaces: Marketplace[];

  @Field(() => [ReportCellType], {
    description: "Row by row: each category, then the totals row (category null); in each row, each marketplace, then the row's total (marketplace null)",
  })
  cells: ReportCellType[];
}

@ObjectType("ProgressReport", { implements: NodeInterface, description: "The alliance's published figures for a month or a quarter" })
export class ProgressReportType extends NodeInterface {
  @Field(() => String, { description: '"2026-10" or "2026-Q4"' })
  period: string;

  @Field(() => ReportPeriodKind, { description: "Whether period is a month or a quarter" })
  periodKind: ReportPeriodKind;

  @Field(() => DateTimeResolver, { description: "Midnight UTC on the period's first day" })
  periodStart: Date;

  @Field(() => DateTimeResolver, { description: "Exclusive" })
  periodEnd: Date;

  @Field(() => ReportStatus, { description: "Members and agencies only ever see PUBLISHED reports" })
  status: ReportStatus;

  @Field(() => [ReportTableType], {
    description:
      "One table per metric, in a fixed order (SEIZED_VALUE: one per currency, none in a period without seizures); " +
      "a quarter holds only the metrics all three of its months computed",
  })
  tables: ReportTableType[];

  @Field(() => Int, { description: "A cell needs at least this many contributing members" })
  minContributors: number;

  @Field(() => Float, { description: "A cell is withheld when one member has more than this share of it" })
  dominanceShare: number;

  @Field(() => DateTimeResolver, { description: "When its figures were computed; generating it again recomputes them and makes it a DRAFT again" })
  generatedAt: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: "When it was marked REVIEWED; null before that, and again once it is regenerated" })
  reviewedAt: Date | null;

  @Field(() => String, { nullable: true, description: "The platform only" })
  reviewNote: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When it was published, after which it never changes; null until then" })
  publishedAt: Date | null;
}
