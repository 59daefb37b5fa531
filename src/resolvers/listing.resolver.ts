import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import { listingScoreShownTo } from "../auth/listing-score";
import type { RequestContext } from "../context";
import { listingsByExternalId } from "../data/listing.queries";
import { takeDownListing } from "../domain/takedown-workflow";
import type { Listing } from "../entities";
import { Marketplace } from "../entities/enums";
import { fromGlobalId } from "../schema/global-id";
import { TakeDownListingInput } from "../schema/inputs/takedown.input";
import { money } from "../schema/money";
import { ListingType } from "../schema/types/listing.type";
import { authenticated } from "./authenticated";
import { sellerLoaderFor } from "./brief-rows";
import { lookUp } from "./look-up";
import { loadRequired } from "./load-required";
import { NodeIdResolver } from "./node-id.resolver";

@Resolver(() => ListingType)
export class ListingResolver extends NodeIdResolver("Listing", ListingType) {
  @Query(() => ListingType, {
    description:
      "A listing you can reach through your infringements (an agency: through the cases referred to it; the platform: any); another is NOT_FOUND, as a missing one",
  })
  async listing(
    @Arg("id", () => ID, { description: "A Listing's global id; an id of another type is BAD_USER_INPUT" }) id: string,
    @Ctx() context: RequestContext,
  ) {
    return lookUp(authenticated(context).loaders.listing, id, "Listing");
  }

  @Query(() => [ListingType], {
    nullable: "items",
    description:
      "Listings by the marketplace's own item ids, in the order given: null for one you cannot reach (through your infringements; an agency's through the cases referred to it; every one for the platform), as for one that does not exist",
  })
  listingsByExternalId(
    @Arg("marketplace", () => Marketplace, { description: "The marketplace the ids are of" }) marketplace: Marketplace,
    @Arg("externalIds", () => [String], { description: "1 to MAX_PAGE_SIZE of the marketplace's item ids; otherwise BAD_USER_INPUT" })
    externalIds: string[],
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer, config } = authenticated(context);
    return listingsByExternalId(dataSource.manager, viewer, marketplace, externalIds, config.limits.maxPageSize);
  }

  @Mutation(() => ListingType, {
    description:
      "The platform takes an ACTIVE listing down on its own: as for an approved takedown, the store gets a strike and every case on the listing follows",
  })
  takeDownListing(
    @Arg("input", () => TakeDownListingInput, {
      description: "The listing and why. The platform only, with infringements:read and infringements:write: anyone else is FORBIDDEN",
    })
    input: TakeDownListingInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer, config } = authenticated(context);
    return takeDownListing(dataSource, viewer, { listingId: fromGlobalId(input.listingId, "Listing"), reason: input.reason }, config.enforcement, config.risk);
  }

  @FieldResolver()
  seller(@Root() listing: Listing, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return loadRequired(sellerLoaderFor(authenticated(context).loaders, info), listing.sellerId);
  }

  @FieldResolver()
  riskScore(@Root() listing: Listing, @Ctx() context: RequestContext) {
    const { viewer, loaders } = authenticated(context);
    return listingScoreShownTo(viewer, listing, (id) => loaders.highestCaseScoreOfListing.load(id));
  }

  @FieldResolver()
  price(@Root() listing: Listing) {
    return money(listing.priceMinor, listing.currency);
  }
}
