import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { listTakedownRequests, takedownStats, type TakedownRequestListFilter } from "../data/takedown.queries";
import { decideTakedown, requestTakedown, requestTakedowns, withdrawTakedown } from "../domain/takedown-workflow";
import type { TakedownRequest } from "../entities";
import { SortDirection } from "../schema/enums";
import { fromGlobalId, idItemsOf } from "../schema/global-id";
import { PaginationArgs } from "../schema/inputs/pagination.args";
import {
  DecideTakedownInput,
  RequestTakedownInput,
  RequestTakedownsInput,
  TakedownRequestFilter,
  WithdrawTakedownInput,
} from "../schema/inputs/takedown.input";
import { TakedownRequestConnection } from "../schema/types/connections";
import { TakedownRequestType } from "../schema/types/takedown-request.type";
import { TakedownStatsType } from "../schema/types/takedown-stats.type";
import { authenticated } from "./authenticated";
import { loadRequired } from "./load-required";
import { NodeIdResolver } from "./node-id.resolver";

function filterOf(filter: TakedownRequestFilter | null): TakedownRequestListFilter {
  return {
    statuses: filter?.statuses ?? undefined,
    brandIds: filter?.brandIds?.map((id) => fromGlobalId(id, "Brand")),
    marketplaces: filter?.marketplaces ?? undefined,
    sellerIds: filter?.sellerIds?.map((id) => fromGlobalId(id, "Seller")),
    requestedFrom: filter?.requestedFrom ?? undefined,
    requestedTo: filter?.requestedTo ?? undefined,
  };
}

@Resolver(() => TakedownRequestType)
export class TakedownResolver extends NodeIdResolver("TakedownRequest", TakedownRequestType) {
  @Query(() => TakedownRequestConnection, {
    description: "Your takedown requests (every one, for the platform); newest first unless `direction: ASC`",
  })
  takedownRequests(
    @Args(() => PaginationArgs) page: PaginationArgs,
    @Arg("filter", () => TakedownRequestFilter, { nullable: true, description: "Left out: every request you can see" })
    filter: TakedownRequestFilter | null,
    @Arg("direction", () => SortDirection, { defaultValue: SortDirection.DESC, description: "By requestedAt; ASC: the oldest first (with statuses [PENDING], the longest waiting)" })
    direction: SortDirection,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer, config } = authenticated(context);
    return listTakedownRequests(dataSource.manager, viewer, filterOf(filter), direction, {
      ...page,
      maxPageSize: config.limits.maxPageSize,
    });
  }

  @Query(() => TakedownStatsType, { description: "How your takedown requests fared, including your acceptance rate" })
  takedownStats(
    @Arg("filter", () => TakedownRequestFilter, { nullable: true, description: "Which requests to count, as in takedownRequests; left out, all you can see" })
    filter: TakedownRequestFilter | null,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return takedownStats(dataSource.manager, viewer, filterOf(filter));
  }

  @Mutation(() => TakedownRequestType, { description: "Ask the platform to take down the listing of a CONFIRMED infringement" })
  requestTakedown(
    @Arg("input", () => RequestTakedownInput, {
      description:
        "The case and why; a case not CONFIRMED, or whose listing is removed already, is BAD_USER_INPUT. A brand's work, with infringements:write: the platform is FORBIDDEN",
    })
    input: RequestTakedownInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return requestTakedown(dataSource, viewer, { infringementId: fromGlobalId(input.infringementId, "Infringement"), reason: input.reason });
  }

  @Mutation(() => [TakedownRequestType], {
    description: "Takedowns for many CONFIRMED infringements: all or none; the error lists every bad id (invalidItems)",
  })
  requestTakedowns(
    @Arg("input", () => RequestTakedownsInput, {
      description: "The cases and one reason. A brand's work, with infringements:write: the platform is FORBIDDEN",
    })
    input: RequestTakedownsInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer, config } = authenticated(context);
    return requestTakedowns(
      dataSource,
      viewer,
      { items: idItemsOf(input.infringementIds, "Infringement"), reason: input.reason },
      config.enforcement.maxBulkTakedowns,
    );
  }

  @Mutation(() => TakedownRequestType, {
    description: "The platform approves (the listing is removed and the store gets a strike) or rejects a pending request",
  })
  decideTakedown(
    @Arg("input", () => DecideTakedownInput, {
      description: "The request and the decision. The platform only, with infringements:read and infringements:write: anyone else is FORBIDDEN",
    })
    input: DecideTakedownInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer, config } = authenticated(context);
    return decideTakedown(
      dataSource,
      viewer,
      { id: fromGlobalId(input.id, "TakedownRequest"), decision: input.decision, note: input.note },
      config.enforcement,
      config.risk,
    );
  }

  @Mutation(() => TakedownRequestType, {
    description: "The requesting brand takes back a PENDING request before the platform decides it; its case returns to CONFIRMED",
  })
  withdrawTakedown(
    @Arg("input", () => WithdrawTakedownInput, {
      description: "The request and why; one no longer PENDING is BAD_USER_INPUT. A brand only, with infringements:write: the platform is FORBIDDEN",
    })
    input: WithdrawTakedownInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return withdrawTakedown(dataSource, viewer, { id: fromGlobalId(input.id, "TakedownRequest"), note: input.note });
  }

  @FieldResolver()
  infringement(@Root() request: TakedownRequest, @Ctx() context: RequestContext) {
    return loadRequired(authenticated(context).loaders.infringement, request.infringementId);
  }

  @FieldResolver()
  brand(@Root() request: TakedownRequest, @Ctx() context: RequestContext) {
    return loadRequired(authenticated(context).loaders.brand, request.brandId);
  }

  @FieldResolver()
  listing(@Root() request: TakedownRequest, @Ctx() context: RequestContext) {
    return loadRequired(authenticated(context).loaders.listing, request.listingId);
  }
}
