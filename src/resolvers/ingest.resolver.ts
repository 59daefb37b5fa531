import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "../context";
import { ingestListingRows } from "../ingest/listing-ingest";
import { ListingInput } from "../schema/inputs/ingest-listing.input";
import { IngestListingsPayload } from "../schema/types/ingest-listings-payload.type";
import { authenticated } from "./authenticated";

const isoOrNull = (date: Date | null | undefined) => (date ? date.toISOString() : null);

// GraphQL has parsed the types; the ingest service validates the values, as for a file.
function recordOf(input: ListingInput) {
  const { seller, reviews } = input;
  return {
    ...input,
    description: input.description ?? undefined,
    specs: input.specs ?? undefined,
    imageHashes: input.imageHashes ?? undefined,
    price: { ...input.price },
    reviews: reviews
      ? {
          count: reviews.count,
          averageRating: reviews.averageRating ?? null,
          fiveStarFirstWeek: reviews.fiveStarFirstWeek ?? 0,
          newAccountShare: reviews.newAccountShare ?? null,
          duplicateTextShare: reviews.duplicateTextShare ?? null,
        }
      : undefined,
    listedAt: isoOrNull(input.listedAt),
    seenAt: isoOrNull(input.seenAt),
    seller: { ...seller, openedAt: isoOrNull(seller.openedAt), brandCount: seller.brandCount ?? null, strikeCount: seller.strikeCount ?? 0 },
  };
}

@Resolver()
export class IngestResolver {
  @Mutation(() => IngestListingsPayload, {
    description: "Ingest a batch of scanned listings (at most MAX_INGEST_BATCH): score each, flag suspected infringements",
  })
  async ingestListings(
    @Arg("listings", () => [ListingInput], {
      description:
        "Up to MAX_INGEST_BATCH listings (more is BAD_USER_INPUT). A row breaking a limit is rejected, by index, and the others are written; a listing given twice keeps its last valid row",
    })
    listings: ListingInput[],
    @Ctx() context: RequestContext,
  ): Promise<IngestListingsPayload> {
    const { dataSource, viewer, config, ingestTurns } = authenticated(context);
    const { counts, rejections, modelVersion } = await ingestListingRows(dataSource, config, viewer, listings.map(recordOf), ingestTurns);
    return {
      received: counts.read,
      inserted: counts.inserted,
      updated: counts.updated,
      unchanged: counts.unchanged,
      relisted: counts.relisted,
      rejected: counts.rejected,
      superseded: counts.superseded,
      infringementsCreated: counts.infringementsCreated,
      infringementsUpdated: counts.infringementsUpdated,
      modelVersion,
      rejections: rejections.map((r) => ({ row: r.line, reason: r.reason })),
    };
  }
}
