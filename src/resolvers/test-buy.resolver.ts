import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { recordTestBuy, recordTestBuyOutcome } from "../domain/test-buys";
import type { TestBuy } from "../entities";
import { SortDirection } from "../schema/enums";
import { fromGlobalId } from "../schema/global-id";
import { money } from "../schema/money";
import { RecordTestBuyInput, RecordTestBuyOutcomeInput, TestBuyFilter } from "../schema/inputs/test-buy.input";
import { PaginationArgs } from "../schema/inputs/pagination.args";
import { TestBuyConnection } from "../schema/types/connections";
import { listTestBuys } from "../data/test-buy.queries";
import { TestBuyType } from "../schema/types/test-buy.type";
import { authenticated } from "./authenticated";
import { loadRequired } from "./load-required";
import { NodeIdResolver } from "./node-id.resolver";

@Resolver(() => TestBuyType)
export class TestBuyResolver extends NodeIdResolver("TestBuy", TestBuyType) {
  @Query(() => TestBuyConnection, {
    description: "Test buys of your cases (those referred to it, for an agency; all, for the platform), most recently ordered first unless `direction: ASC`",
  })
  testBuys(
    @Args(() => PaginationArgs) page: PaginationArgs,
    @Arg("filter", () => TestBuyFilter, { nullable: true, description: "Left out: every test buy you can see" }) filter: TestBuyFilter | null,
    @Arg("direction", () => SortDirection, { defaultValue: SortDirection.DESC, description: "By orderedAt; ASC: the oldest orders first" })
    direction: SortDirection,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer, config } = authenticated(context);
    const listFilter = {
      outcomes: filter?.outcomes ?? undefined,
      brandIds: filter?.brandIds?.map((id) => fromGlobalId(id, "Brand")),
      sellerIds: filter?.sellerIds?.map((id) => fromGlobalId(id, "Seller")),
      marketplaces: filter?.marketplaces ?? undefined,
      orderedFrom: filter?.orderedFrom ?? undefined,
      orderedTo: filter?.orderedTo ?? undefined,
    };
    return listTestBuys(dataSource.manager, viewer, listFilter, direction, { ...page, maxPageSize: config.limits.maxPageSize });
  }

  @Mutation(() => TestBuyType, { description: "Record a purchase made against an infringement; its outcome follows" })
  recordTestBuy(
    @Arg("input", () => RecordTestBuyInput, {
      description:
        "The case and the order; an order reference already recorded on the case, or a 51st test buy on it, is CONFLICT. A brand's work, with infringements:write: the platform is FORBIDDEN",
    })
    input: RecordTestBuyInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return recordTestBuy(dataSource, viewer, {
      infringementId: fromGlobalId(input.infringementId, "Infringement"),
      orderedAt: input.orderedAt,
      cost: input.cost,
      orderReference: input.orderReference,
    });
  }

  @Mutation(() => TestBuyType, {
    description: "Record a test buy's outcome, once: COUNTERFEIT confirms the infringement, GENUINE dismisses it",
  })
  recordTestBuyOutcome(
    @Arg("input", () => RecordTestBuyOutcomeInput, {
      description:
        "The test buy, its outcome, findings and evidence. A brand's work, with infringements:write: the platform is FORBIDDEN",
    })
    input: RecordTestBuyOutcomeInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return recordTestBuyOutcome(dataSource, viewer, {
      id: fromGlobalId(input.id, "TestBuy"),
      outcome: input.outcome,
      findings: input.findings,
      evidence: input.evidence,
    });
  }

  @FieldResolver()
  infringement(@Root() testBuy: TestBuy, @Ctx() context: RequestContext) {
    return loadRequired(authenticated(context).loaders.infringement, testBuy.infringementId);
  }

  @FieldResolver()
  cost(@Root() testBuy: TestBuy) {
    return money(testBuy.costMinor, testBuy.currency);
  }
}
