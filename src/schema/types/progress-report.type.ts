import { Field, Float, Int, ObjectType } from "type-graphql";
import { SafeIntResolver } from "graphql-scalars";
import { DateTimeResolver } from "../scalars/dates";
import { Marketplace, ReportPeriodKind, ReportStatus } from "../../entities/enums";
import { ReportMetric, SuppressionReason } from "../../entities/report-table";
import { ReportAttribution } from "../enums";
import { NodeInterface } from "./node.interface";

@ObjectType("ReportCell", { description: "One figure; a null category or marketplace is a total over all of them" })
export class ReportCellType {
  @Field(() => String, { nullable: true })
  category: string | null;

  @Field(() => Marketplace, { nullable: true })
  marketplace: Marketplace | null;

  @Field(() => SafeIntResolver, {
    nullable: true,
    description: "The alliance's figure (a money table's in minor units of its currency); null when withheld (see suppression)",
  })
  value: number | null;

  @Field(() => SuppressionReason, { nullable: true })
  suppression: SuppressionReason | null;

  @Field(() => SafeIntResolver, { nullable: true, description: "Your organization's own figure, never withheld from you; null for the platform's own figures and for non-members" })
  ownValue: number | null;
}

@ObjectType("ReportTable", { description: "A metric by product category and marketplace, with totals" })
export class ReportTableType {
  @Field(() => ReportMetric)
  metric: ReportMetric;

  @Field(() => ReportAttribution)
  attribution: ReportAttribution;

  @Field(() => String, {
    nullable: true,
    description: "A money metric's ISO 4217 currency: its values are in minor units, one table per currency; null for counts",
  })
  currency: string | null;

  @Field(() => [String])
  categories: string[];

  @Field(() => [Marketplace])
  marketplaces: Marketplace[];

  @Field(() => [ReportCellType])
  cells: ReportCellType[];
}

@ObjectType("ProgressReport", { implements: NodeInterface, description: "The alliance's published figures for a month or a quarter" })
export class ProgressReportType extends NodeInterface {
  @Field(() => String, { description: '"2026-10" or "2026-Q4"' })
  period: string;

  @Field(() => ReportPeriodKind)
  periodKind: ReportPeriodKind;

  @Field(() => DateTimeResolver)
  periodStart: Date;

  @Field(() => DateTimeResolver, { description: "Exclusive" })
  periodEnd: Date;

  @Field(() => ReportStatus)
  status: ReportStatus;

  @Field(() => [ReportTableType])
  tables: ReportTableType[];

  @Field(() => Int, { description: "A cell needs at least this many contributing members" })
  minContributors: number;

  @Field(() => Float, { description: "A cell is withheld when one member has more than this share of it" })
  dominanceShare: number;

  @Field(() => DateTimeResolver)
  generatedAt: Date;

  @Field(() => DateTimeResolver, { nullable: true })
  reviewedAt: Date | null;

  @Field(() => String, { nullable: true, description: "The platform only" })
  reviewNote: string | null;

  @Field(() => DateTimeResolver, { nullable: true })
  publishedAt: Date | null;
}
