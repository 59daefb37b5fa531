import { Field, ID, InputType } from "type-graphql";
import { ReportPeriodKind, ReportStatus } from "../../entities/enums";
import { DateTimeResolver } from "../scalars/dates";

@InputType("ProgressReportFilter", { description: "Conditions that all apply together" })
export class ProgressReportFilter {
  @Field(() => ReportPeriodKind, { nullable: true, description: "Months only, or quarters only" })
  periodKind?: ReportPeriodKind | null;

  @Field(() => [ReportStatus], { nullable: true, description: "Members and agencies only ever see PUBLISHED" })
  statuses?: ReportStatus[] | null;
}

@InputType("ReviewProgressReportInput", { description: "Marks a DRAFT report REVIEWED, ready to publish" })
export class ReviewProgressReportInput {
  @Field(() => ID, { description: "A DRAFT report; one in another status is BAD_USER_INPUT" })
  id: string;

  @Field(() => String, {
    nullable: true,
    description: "What the review found: up to 5,000 characters, trimmed (blank is none); only the platform reads it (ProgressReport.reviewNote)",
  })
  note?: string | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description:
      "The generatedAt of the figures reviewed, as read: if the report was generated again since (the same id, new figures), " +
      "the review is CONFLICT and changes nothing, rather than approving figures not seen. Without it, the report's figures whichever they are",
  })
  generatedAt?: Date | null;
}
