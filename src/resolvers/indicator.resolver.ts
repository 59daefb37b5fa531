import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { canSeeContributor } from "../auth/intel-visibility";
import type { RequestContext } from "../context";
import { listIndicators } from "../data/indicator.queries";
import { checkedPageSize } from "../data/keyset-pagination";
import { matchIndicators } from "../domain/intel/blind-match";
import { contributeIndicators } from "../domain/intel/contribute-indicators";
import { widenIndicatorDistribution } from "../domain/intel/distribution";
import { expireIndicator } from "../domain/intel/expire-indicator";
import { recordSighting } from "../domain/intel/sightings";
import type { Indicator, IndicatorSighting } from "../entities";
import { fromGlobalId, idItemOf } from "../schema/global-id";
import {
  IndicatorFilter,
  IndicatorInput,
  IndicatorOrder,
  IndicatorQueryInput,
  RecordSightingInput,
  WidenIndicatorDistributionInput,
} from "../schema/inputs/indicator.input";
import { PaginationArgs } from "../schema/inputs/pagination.args";
import { IndicatorConnection } from "../schema/types/connections";
import { IndicatorMatchType } from "../schema/types/indicator-match.type";
import { IndicatorSightingType } from "../schema/types/indicator-sighting.type";
import { IndicatorType } from "../schema/types/indicator.type";
import { authenticated } from "./authenticated";
import { lookUp } from "./look-up";
import { loadAllRequired, loadRequired } from "./load-required";
import { NodeIdResolver } from "./node-id.resolver";

@Resolver(() => IndicatorType)
export class IndicatorResolver extends NodeIdResolver("Indicator", IndicatorType) {
  @Query(() => IndicatorConnection, { description: "Shared intelligence you may see: your own, and what others share with every member (every indicator, for the platform)" })
  indicators(
    @Args(() => PaginationArgs) page: PaginationArgs,
    @Arg("filter", () => IndicatorFilter, { nullable: true, description: "Without it, every unexpired indicator you may see" }) filter: IndicatorFilter | null,
    @Arg("orderBy", () => IndicatorOrder, { nullable: true, description: "Newest first (createdAt, descending) when omitted" })
    orderBy: IndicatorOrder | null,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer, config, intelHasher } = authenticated(context);
    return listIndicators(
      dataSource.manager,
      viewer,
      intelHasher,
      {
        kinds: filter?.kinds ?? undefined,
        distributions: filter?.distributions ?? undefined,
        brandIds: filter?.brandIds?.map((id) => fromGlobalId(id, "Brand")),
        contributedByMe: filter?.contributedByMe ?? undefined,
        contributorId: filter?.contributorId != null ? fromGlobalId(filter.contributorId, "Organization") : undefined,
        value: filter?.value ?? undefined,
        includeExpired: filter?.includeExpired ?? false,
      },
      { field: orderBy?.field ?? "CREATED_AT", direction: orderBy?.direction ?? "DESC" },
      { ...page, maxPageSize: config.limits.maxPageSize },
    );
  }

  @Query(() => IndicatorType, {
    description: "One indicator by id, expired or not, if you may see it (your own, or one shared with every member; any for the platform); else NOT_FOUND",
  })
  async indicator(@Arg("id", () => ID, { description: "An Indicator's global id" }) id: string, @Ctx() context: RequestContext) {
    return lookUp(authenticated(context).loaders.indicator, id, "Indicator");
  }

  @Query(() => [IndicatorMatchType], {
    description:
      "Blind match: for each value, whether enough other organizations (the configured minimum, 2 by default; the platform counts as one) contributed it. " +
      "Counts against your organization's hourly and daily lookup quota (past it, RATE_LIMITED with extensions.retryAfterSeconds, and nothing counted); " +
      "every lookup is audited by keyed hash.",
  })
  matchIndicators(
    @Arg("queries", () => [IndicatorQueryInput], {
      description:
        "1 to INTEL_MAX_QUERIES_PER_MATCH values (100 by default; never more than the hourly or daily quota), answered in this order; " +
        "one that does not normalize refuses them all (BAD_USER_INPUT with extensions.itemErrors), and nothing is looked up or counted",
    })
    queries: IndicatorQueryInput[],
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer, config, intelHasher } = authenticated(context);
    return matchIndicators(dataSource, intelHasher, config.intel, viewer, queries);
  }

  @Mutation(() => [IndicatorType], { description: "Contribute indicators, all or none; each bad item is named by its index" })
  async contributeIndicators(
    @Arg("indicators", () => [IndicatorInput], {
      description: "1 to INTEL_MAX_CONTRIBUTE_BATCH (1,000 by default) values your organization has not contributed before; answered in this order",
    })
    indicators: IndicatorInput[],
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer, config, intelHasher, loaders } = authenticated(context);
    const ids = await contributeIndicators(
      dataSource,
      intelHasher,
      { orgId: viewer.orgId, actor: viewer },
      indicators.map(({ brandId, ...input }) => ({
        ...input,
        brand: brandId === null || brandId === undefined ? null : idItemOf(brandId, "Brand"),
      })),
      { maxItems: config.intel.maxContributeBatch },
    );
    return loadAllRequired(loaders.indicator, ids);
  }

  @Mutation(() => IndicatorType, { description: "Share one of your indicators more widely; it can never be narrowed" })
  widenIndicatorDistribution(
    @Arg("input", () => WidenIndicatorDistributionInput, {
      description: "A distribution no wider than the current one is BAD_USER_INPUT, naming the wider ones in extensions.allowedDistributions",
    })
    input: WidenIndicatorDistributionInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return widenIndicatorDistribution(dataSource, viewer, { id: fromGlobalId(input.id, "Indicator"), distribution: input.distribution });
  }

  @Mutation(() => IndicatorType, {
    description:
      "Take back an indicator of yours that was wrong: it expires now (an ALLIANCE_ANONYMOUS one at the end of the day, UTC) " +
      "and from then counts in no match or new score; scores already given keep it until their listing is scanned again",
  })
  expireIndicator(
    @Arg("id", () => ID, { description: "An indicator your organization contributed; any other is NOT_FOUND. One expired already answers as it is" }) id: string,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return expireIndicator(dataSource, viewer, fromGlobalId(id, "Indicator"));
  }

  @Mutation(() => IndicatorType, { description: "Confirm you have seen an indicator; other members see the count, never who (the platform sees who)" })
  recordSighting(
    @Arg("input", () => RecordSightingInput, { description: "Answered with the indicator, its sightingCount and seen dates updated" })
    input: RecordSightingInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return recordSighting(dataSource, viewer, {
      indicatorId: fromGlobalId(input.indicatorId, "Indicator"),
      seenAt: input.seenAt,
      source: input.source,
    });
  }

  @FieldResolver()
  async contributor(@Root() indicator: Indicator, @Ctx() context: RequestContext) {
    const { viewer, loaders } = authenticated(context);
    return canSeeContributor(viewer, indicator) ? loaders.organization.load(indicator.ownerOrgId) : null;
  }

  @FieldResolver()
  brand(@Root() indicator: Indicator, @Ctx() context: RequestContext) {
    return indicator.brandId ? authenticated(context).loaders.brand.load(indicator.brandId) : null;
  }

  @FieldResolver()
  sightingCount(@Root() indicator: Indicator, @Ctx() context: RequestContext) {
    return authenticated(context).loaders.sightingCountOfIndicator.load(indicator.id);
  }

  @FieldResolver()
  async sightings(
    @Root() indicator: Indicator,
    @Arg("first", () => Int, {
      nullable: true,
      description: "The latest `first` of them: 0 to MAX_PAGE_SIZE (100 by default); 20 when left out, as a connection's page",
    })
    first: number | null | undefined,
    @Ctx() context: RequestContext,
  ) {
    const { loaders, config } = authenticated(context);
    const size = checkedPageSize("first", first, config.limits.maxPageSize);
    return (await loaders.sightingsOfIndicator.load(indicator.id)).slice(0, size);
  }
}

@Resolver(() => IndicatorSightingType)
export class IndicatorSightingResolver {
  @FieldResolver()
  organization(@Root() sighting: IndicatorSighting, @Ctx() context: RequestContext) {
    return loadRequired(authenticated(context).loaders.organization, sighting.ownerOrgId);
  }
}
