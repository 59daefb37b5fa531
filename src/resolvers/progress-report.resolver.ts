import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { listProgressReports } from "../data/report.queries";
import { withOwnFigures } from "../data/report-view";
import { generateProgressReport, publishProgressReport, reviewProgressReport } from "../domain/reports/report-workflow";
import type { ProgressReport } from "../entities";
import { fromGlobalId } from "../schema/global-id";
import { PaginationArgs } from "../schema/inputs/pagination.args";
import { ProgressReportFilter, ReviewProgressReportInput } from "../schema/inputs/progress-report.input";
import { ProgressReportConnection } from "../schema/types/connections";
import { ProgressReportType, ReportTableType } from "../schema/types/progress-report.type";
import { authenticated } from "./authenticated";
import { lookUp } from "./look-up";
import { NodeIdResolver } from "./node-id.resolver";

@Resolver(() => ProgressReportType)
export class ProgressReportResolver extends NodeIdResolver("ProgressReport", ProgressReportType) {
  @Query(() => ProgressReportConnection, { description: "Progress reports, newest period first (published ones, except for the platform)" })
  progressReports(
    @Args(() => PaginationArgs) page: PaginationArgs,
    @Arg("filter", () => ProgressReportFilter, { nullable: true, description: "Without it, every report you may see" }) filter: ProgressReportFilter | null,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer, config } = authenticated(context);
    return listProgressReports(
      dataSource.manager,
      viewer,
      { periodKind: filter?.periodKind ?? undefined, statuses: filter?.statuses ?? undefined },
      { ...page, maxPageSize: config.limits.maxPageSize },
    );
  }

  @Query(() => ProgressReportType, { description: "One report by id: a published one, or any for the platform; anything else is NOT_FOUND" })
  async progressReport(@Arg("id", () => ID, { description: "A ProgressReport's global id" }) id: string, @Ctx() context: RequestContext) {
    return lookUp(authenticated(context).loaders.progressReport, id, "ProgressReport");
  }

  @Mutation(() => ProgressReportType, {
    description: 'Generate (or regenerate) the draft for "2026-10" or "2026-Q4"; a quarter needs its three months published (platform admins)',
  })
  generateProgressReport(
    @Arg("period", () => String, {
      description:
        'A month ("2026-10") or a quarter ("2026-Q4") that has ended, from 2000 on; anything else, or a period whose report is published, ' +
        "is BAD_USER_INPUT. A quarter with a month not yet published is CONFLICT",
    })
    period: string,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer, config } = authenticated(context);
    return generateProgressReport(dataSource, config, viewer, period);
  }

  @Mutation(() => ProgressReportType, { description: "Mark a draft reviewed (platform admins)" })
  reviewProgressReport(
    @Arg("input", () => ReviewProgressReportInput, { description: "The report, the reviewer's note, and the figures reviewed" }) input: ReviewProgressReportInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return reviewProgressReport(dataSource, viewer, { id: fromGlobalId(input.id, "ProgressReport"), note: input.note, generatedAt: input.generatedAt });
  }

  @Mutation(() => ProgressReportType, {
    description:
      "Publish a reviewed report to members and agencies (platform admins). A month whose referrals' raids or outcomes changed " +
      "since it was generated is CONFLICT and changes nothing: generate it again, then review and publish it",
  })
  publishProgressReport(
    @Arg("id", () => ID, { description: "A REVIEWED report; one in another status is BAD_USER_INPUT" }) id: string,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return publishProgressReport(dataSource, viewer, fromGlobalId(id, "ProgressReport"));
  }

  @FieldResolver(() => [ReportTableType])
  async tables(@Root() report: ProgressReport, @Ctx() context: RequestContext) {
    const { viewer, loaders } = authenticated(context);
    return withOwnFigures(viewer, report.tables, await loaders.ownReportFigures.load(report.id));
  }
}
