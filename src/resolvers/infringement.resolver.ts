import type { GraphQLResolveInfo } from "graphql";
import type { ObjectLiteral } from "typeorm";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { listInfringements, type PageInclude } from "../data/infringement.queries";
import { checkedPageSize } from "../data/keyset-pagination";
import type { Loaders } from "../data/loaders";
import type { RowLoader } from "../data/row-loader";
import type { SuspectedInfringement } from "../entities";
import { addInfringementNote, reviewInfringement, reviewInfringements } from "../domain/infringement-review";
import { reviewTransitionsFrom } from "../domain/infringement-lifecycle";
import { fromGlobalId, idItemsOf } from "../schema/global-id";
import { InfringementFilter } from "../schema/inputs/infringement-filter.input";
import { InfringementOrder } from "../schema/inputs/infringement-order.input";
import { PaginationArgs } from "../schema/inputs/pagination.args";
import { AddInfringementNoteInput, ReviewInfringementInput, ReviewInfringementsInput } from "../schema/inputs/review-infringement.input";
import { InfringementConnection } from "../schema/types/connections";
import { InfringementNoteType } from "../schema/types/infringement-note.type";
import { InfringementType } from "../schema/types/infringement.type";
import { InfringementConfirmationType } from "../schema/types/infringement-confirmation.type";
import { authenticated } from "./authenticated";
import {
  listingLoaderFor,
  listingLoadersOf,
  listingWidth,
  ownSelections,
  selectionsOf,
  sellerLoaderFor,
  sellerLoadersOf,
  sellerWidth,
} from "./brief-rows";
import { lookUp } from "./look-up";
import { loadRequired } from "./load-required";
import { NodeIdResolver } from "./node-id.resolver";

// Puts a row read with a page into the loaders that will be asked for it.
const primeInto =
  <T extends { id: string }>(loaders: RowLoader<T>[]) =>
  (row: ObjectLiteral) =>
    loaders.forEach((loader) => loader.prime(row.id, row as T));

// The listings and sellers a page's nodes will load, read with the page so that their loaders
// answer without a statement of their own.
function pageIncludes(info: GraphQLResolveInfo, loaders: Loaders): { include: PageInclude; prime: (row: ObjectLiteral) => void }[] {
  const nodes = selectionsOf(info, selectionsOf(info, ownSelections(info), "edges"), "node");
  const listings = selectionsOf(info, nodes, "listing");
  const listingSellers = selectionsOf(info, listings, "seller");
  const sellers = selectionsOf(info, nodes, "seller");
  const includes = [];
  if (listings.length) {
    const width = listingWidth(info, listings);
    includes.push({ include: { relation: "listing", brief: width === "brief" } as const, prime: primeInto(listingLoadersOf(loaders, width)) });
  }
  for (const [relation, sets] of [["listingSeller", listingSellers], ["seller", sellers]] as const) {
    if (!sets.length) continue;
    const width = sellerWidth(info, sets);
    includes.push({ include: { relation, brief: width === "brief" }, prime: primeInto(sellerLoadersOf(loaders, width)) });
  }
  return includes;
}

@Resolver(() => InfringementType)
export class InfringementResolver extends NodeIdResolver("Infringement", InfringementType) {
  @Query(() => InfringementConnection, {
    description: "Suspected infringements of your brands (an agency: the cases referred to it; the platform: all), newest detected first by default",
  })
  async infringements(
    @Args(() => PaginationArgs) page: PaginationArgs,
    @Arg("filter", () => InfringementFilter, { nullable: true, description: "Left out: every case you can see" })
    filter: InfringementFilter | null,
    @Arg("orderBy", () => InfringementOrder, { nullable: true, description: "Left out: DETECTED_AT, DESC" })
    orderBy: InfringementOrder | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const { dataSource, viewer, config, loaders } = authenticated(context);
    const includes = pageIncludes(info, loaders);
    const connection = await listInfringements(
      dataSource.manager,
      viewer,
      {
        brandIds: filter?.brandIds?.map((id) => fromGlobalId(id, "Brand")),
        sellerIds: filter?.sellerIds?.map((id) => fromGlobalId(id, "Seller")),
        listingExternalIds: filter?.listingExternalIds ?? undefined,
        statuses: filter?.statuses ?? undefined,
        marketplaces: filter?.marketplaces ?? undefined,
        minRiskScore: filter?.minRiskScore ?? undefined,
        detectedFrom: filter?.detectedFrom ?? undefined,
        detectedTo: filter?.detectedTo ?? undefined,
        updatedFrom: filter?.updatedFrom ?? undefined,
        updatedTo: filter?.updatedTo ?? undefined,
      },
      { field: orderBy?.field ?? "DETECTED_AT", direction: orderBy?.direction ?? "DESC" },
      { ...page, maxPageSize: config.limits.maxPageSize },
      includes.map(({ include }) => include),
    );
    includes.forEach(({ prime }, i) => connection.related[i].forEach(prime));
    return connection;
  }

  @Query(() => InfringementType, { description: "One case by id; one you may not see is NOT_FOUND, exactly as a missing one" })
  async infringement(
    @Arg("id", () => ID, { description: "An Infringement's global id; an id of another type is BAD_USER_INPUT" }) id: string,
    @Ctx() context: RequestContext,
  ) {
    return lookUp(authenticated(context).loaders.infringement, id, "Infringement");
  }

  @Mutation(() => InfringementType, { description: "Move an infringement along its review lifecycle, with a note" })
  reviewInfringement(
    @Arg("input", () => ReviewInfringementInput, {
      description:
        "A step the case's status allows (its allowedTransitions; another is BAD_USER_INPUT). A brand's work, with infringements:write: the platform is FORBIDDEN",
    })
    input: ReviewInfringementInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return reviewInfringement(dataSource, viewer, {
      id: fromGlobalId(input.id, "Infringement"),
      status: input.status,
      note: input.note,
    });
  }

  @Mutation(() => [InfringementType], {
    description: "Move many infringements the same review step, with one note: all or none; the error lists every bad id (invalidItems)",
  })
  reviewInfringements(
    @Arg("input", () => ReviewInfringementsInput, {
      description: "The cases of your brands and the review step. A brand's work, with infringements:write: the platform is FORBIDDEN",
    })
    input: ReviewInfringementsInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer, config } = authenticated(context);
    return reviewInfringements(
      dataSource,
      viewer,
      { items: idItemsOf(input.infringementIds, "Infringement"), status: input.status, note: input.note },
      config.limits.maxPageSize,
    );
  }

  @Mutation(() => InfringementNoteType, {
    description: "Add a note to a case of your brands, in its history; the status stays. A brand's work, with infringements:write: the platform is FORBIDDEN",
  })
  addInfringementNote(
    @Arg("input", () => AddInfringementNoteInput, { description: "The case and the note" }) input: AddInfringementNoteInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return addInfringementNote(dataSource, viewer, {
      infringementId: fromGlobalId(input.infringementId, "Infringement"),
      body: input.body,
    });
  }

  @FieldResolver()
  brand(@Root() infringement: SuspectedInfringement, @Ctx() context: RequestContext) {
    return loadRequired(authenticated(context).loaders.brand, infringement.brandId);
  }

  @FieldResolver()
  listing(@Root() infringement: SuspectedInfringement, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return loadRequired(listingLoaderFor(authenticated(context).loaders, info), infringement.listingId);
  }

  @FieldResolver()
  seller(@Root() infringement: SuspectedInfringement, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return loadRequired(sellerLoaderFor(authenticated(context).loaders, info), infringement.sellerId);
  }

  @FieldResolver()
  async notes(
    @Root() infringement: SuspectedInfringement,
    @Arg("last", () => Int, {
      nullable: true,
      description: "The latest `last` of them: 0 to MAX_PAGE_SIZE (100 by default); 20 when left out, as a connection's page",
    })
    last: number | null | undefined,
    @Ctx() context: RequestContext,
  ) {
    const { loaders, config } = authenticated(context);
    const size = checkedPageSize("last", last, config.limits.maxPageSize);
    // Loaded newest first; a case's history reads oldest first.
    return (await loaders.notesOfInfringement.load(infringement.id)).slice(0, size).reverse();
  }

  @FieldResolver()
  noteCount(@Root() infringement: SuspectedInfringement, @Ctx() context: RequestContext) {
    return authenticated(context).loaders.noteCountOfInfringement.load(infringement.id);
  }

  @FieldResolver()
  testBuys(@Root() infringement: SuspectedInfringement, @Ctx() context: RequestContext) {
    return authenticated(context).loaders.testBuysOfInfringement.load(infringement.id);
  }

  @FieldResolver()
  takedownRequests(@Root() infringement: SuspectedInfringement, @Ctx() context: RequestContext) {
    return authenticated(context).loaders.takedownRequestsOfInfringement.load(infringement.id);
  }

  @FieldResolver()
  confirmation(@Root() infringement: SuspectedInfringement): InfringementConfirmationType | null {
    const { confirmedAt, confirmedRiskScore, confirmedRiskSignals, confirmedModelVersion } = infringement;
    if (!confirmedAt || confirmedRiskScore === null || !confirmedRiskSignals || !confirmedModelVersion) return null;
    return { confirmedAt, riskScore: confirmedRiskScore, riskSignals: confirmedRiskSignals, modelVersion: confirmedModelVersion };
  }

  @FieldResolver()
  allowedTransitions(@Root() infringement: SuspectedInfringement) {
    return reviewTransitionsFrom(infringement.status);
  }
}
