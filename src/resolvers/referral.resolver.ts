import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { listReferrals } from "../data/referral.queries";
import { createReferral, updateReferral, withdrawReferral } from "../domain/referrals";
import type { Referral, SuspectedInfringement, Seller } from "../entities";
import { SortDirection } from "../schema/enums";
import { fromGlobalId, idItemsOf } from "../schema/global-id";
import { money } from "../schema/money";
import { PaginationArgs } from "../schema/inputs/pagination.args";
import { CreateReferralInput, ReferralFilter, UpdateReferralInput, WithdrawReferralInput } from "../schema/inputs/referral.input";
import { ReferralConnection } from "../schema/types/connections";
import { ReferralType } from "../schema/types/referral.type";
import { authenticated } from "./authenticated";
import { loadAllRequired, loadRequired } from "./load-required";
import { NodeIdResolver } from "./node-id.resolver";

@Resolver(() => ReferralType)
export class ReferralResolver extends NodeIdResolver("Referral", ReferralType) {
  @Query(() => ReferralConnection, {
    description: "Referrals: all for the platform, those sent to it for an agency, those holding its cases for a brand; newest first unless `direction: ASC`",
  })
  referrals(
    @Args(() => PaginationArgs) page: PaginationArgs,
    @Arg("filter", () => ReferralFilter, { nullable: true, description: "Without it, every referral you may see" }) filter: ReferralFilter | null,
    @Arg("direction", () => SortDirection, { defaultValue: SortDirection.DESC, description: "By createdAt: DESC newest first, ASC oldest first" })
    direction: SortDirection,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer, config } = authenticated(context);
    const listFilter = {
      statuses: filter?.statuses ?? undefined,
      agencyIds: filter?.agencyIds?.map((id) => fromGlobalId(id, "Organization")),
      brandIds: filter?.brandIds?.map((id) => fromGlobalId(id, "Brand")),
      sellerIds: filter?.sellerIds?.map((id) => fromGlobalId(id, "Seller")),
      createdFrom: filter?.createdFrom ?? undefined,
      createdTo: filter?.createdTo ?? undefined,
    };
    return listReferrals(dataSource.manager, viewer, listFilter, direction, {
      ...page,
      maxPageSize: config.limits.maxPageSize,
    });
  }

  @Mutation(() => ReferralType, { description: "The platform refers confirmed infringements and their sellers to an agency" })
  createReferral(
    @Arg("input", () => CreateReferralInput, { description: "The agency, its cases and what the platform tells it" }) input: CreateReferralInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return createReferral(dataSource, viewer, {
      agencyId: fromGlobalId(input.agencyId, "Organization"),
      items: idItemsOf(input.infringementIds, "Infringement"),
      summary: input.summary,
    });
  }

  @Mutation(() => ReferralType, { description: "The agency records a referral's progress and outcome" })
  updateReferral(
    @Arg("input", () => UpdateReferralInput, { description: "At least one of status, raidDate, arrests, seizedUnits and seizedValue" })
    input: UpdateReferralInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return updateReferral(dataSource, viewer, { ...input, id: fromGlobalId(input.id, "Referral") });
  }

  @Mutation(() => ReferralType, {
    description: "The platform takes back a referral sent in error, before the agency takes it up: the agency no longer sees it or its cases",
  })
  withdrawReferral(
    @Arg("input", () => WithdrawReferralInput, {
      description: "A REFERRED one: one the agency has taken up, or one withdrawn already, is BAD_USER_INPUT. Once withdrawn, its cases may be referred again",
    })
    input: WithdrawReferralInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return withdrawReferral(dataSource, viewer, { id: fromGlobalId(input.id, "Referral"), reason: input.reason });
  }

  @FieldResolver()
  agency(@Root() referral: Referral, @Ctx() context: RequestContext) {
    return loadRequired(authenticated(context).loaders.organization, referral.agencyOrgId);
  }

  // The cases the viewer may see in it (a brand its own only: casesOfReferral goes through the
  // membership scope), each of which the infringement and seller scopes let through.
  @FieldResolver()
  async infringements(@Root() referral: Referral, @Ctx() context: RequestContext): Promise<SuspectedInfringement[]> {
    const { loaders } = authenticated(context);
    const cases = await loaders.casesOfReferral.load(referral.id);
    return loadAllRequired(loaders.infringement, cases.map((c) => c.infringementId));
  }

  @FieldResolver()
  async sellers(@Root() referral: Referral, @Ctx() context: RequestContext): Promise<Seller[]> {
    const { loaders } = authenticated(context);
    const cases = await loaders.casesOfReferral.load(referral.id);
    return loadAllRequired(loaders.seller, [...new Set(cases.map((c) => c.sellerId))]);
  }

  @FieldResolver()
  seizedValue(@Root() referral: Referral) {
    return referral.seizedValueMinor === null || referral.seizedValueCurrency === null
      ? null
      : money(referral.seizedValueMinor, referral.seizedValueCurrency);
  }
}
