import { Field, ID, InputType } from "type-graphql";
import { ReportPeriodKind, ReportStatus } from "../../entities/enums";

@InputType("ProgressReportFilter")
export class ProgressReportFilter {
  @Field(() => ReportPeriodKind, { nullable: true })
  periodKind?: ReportPeriodKind | null;

  @Field(() => [ReportStatus], { nullable: true, description: "Members and agencies only ever see PUBLISHED" })
  statuses?: ReportStatus[] | null;
}

@InputType("ReviewProgressReportInput")
export class ReviewProgressReportInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
