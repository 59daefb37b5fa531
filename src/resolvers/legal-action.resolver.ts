import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { listLegalActions } from "../data/legal-action.queries";
import { fileLegalAction, updateLegalAction } from "../domain/legal-actions";
import type { LegalAction } from "../entities";
import { SortDirection } from "../schema/enums";
import { fromGlobalId } from "../schema/global-id";
import { money } from "../schema/money";
import { FileLegalActionInput, LegalActionFilter, UpdateLegalActionInput } from "../schema/inputs/legal-action.input";
import { PaginationArgs } from "../schema/inputs/pagination.args";
import { LegalActionConnection } from "../schema/types/connections";
import { LegalActionType } from "../schema/types/legal-action.type";
import { authenticated } from "./authenticated";
import { loadRequired } from "./load-required";
import { NodeIdResolver } from "./node-id.resolver";

@Resolver(() => LegalActionType)
export class LegalActionResolver extends NodeIdResolver("LegalAction", LegalActionType) {
  @Query(() => LegalActionConnection, { description: "Lawsuits you are the plaintiff of (all, for the platform), most recently filed first unless `direction: ASC`" })
  legalActions(
    @Args(() => PaginationArgs) page: PaginationArgs,
    @Arg("filter", () => LegalActionFilter, { nullable: true, description: "Left out: every lawsuit you can see" }) filter: LegalActionFilter | null,
    @Arg("direction", () => SortDirection, { defaultValue: SortDirection.DESC, description: "By filedOn; ASC: the earliest filed first" })
    direction: SortDirection,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer, config } = authenticated(context);
    return listLegalActions(
      dataSource.manager,
      viewer,
      {
        statuses: filter?.statuses ?? undefined,
        sellerIds: filter?.sellerIds?.map((id) => fromGlobalId(id, "Seller")),
        filedFrom: filter?.filedFrom ?? undefined,
        filedTo: filter?.filedTo ?? undefined,
      },
      direction,
      { ...page, maxPageSize: config.limits.maxPageSize },
    );
  }

  @Mutation(() => LegalActionType, { description: "File a lawsuit against a seller, with your organization as plaintiff" })
  fileLegalAction(
    @Arg("input", () => FileLegalActionInput, {
      description:
        "The store, court, claim and filing day; the same store, court, day and claim as an open lawsuit of yours is CONFLICT. Needs infringements:read and infringements:write",
    })
    input: FileLegalActionInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return fileLegalAction(dataSource, viewer, { ...input, sellerId: fromGlobalId(input.sellerId, "Seller") });
  }

  @Mutation(() => LegalActionType, { description: "Record a lawsuit's progress, judgment or settlement" })
  updateLegalAction(
    @Arg("input", () => UpdateLegalActionInput, {
      description: "The lawsuit and what changed: its next status (one its status allows, else BAD_USER_INPUT) with a judgment where it takes one, its case number, or both",
    })
    input: UpdateLegalActionInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return updateLegalAction(dataSource, viewer, { ...input, id: fromGlobalId(input.id, "LegalAction") });
  }

  @FieldResolver()
  plaintiff(@Root() action: LegalAction, @Ctx() context: RequestContext) {
    return loadRequired(authenticated(context).loaders.organization, action.ownerOrgId);
  }

  @FieldResolver()
  seller(@Root() action: LegalAction, @Ctx() context: RequestContext) {
    return loadRequired(authenticated(context).loaders.seller, action.sellerId);
  }

  @FieldResolver()
  claim(@Root() action: LegalAction) {
    return money(action.claimMinor, action.currency);
  }

  @FieldResolver()
  judgment(@Root() action: LegalAction) {
    return action.judgmentMinor === null ? null : money(action.judgmentMinor, action.currency);
  }
}
