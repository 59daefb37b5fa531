import type { NonEmptyArray } from "type-graphql";
import { ApiKeyResolver } from "./api-key.resolver";
import { AuthResolver } from "./auth.resolver";
import { BrandResolver } from "./brand.resolver";
import { InfringementConnectionResolver, ProductConnectionResolver } from "./connection.resolver";
import { IngestResolver } from "./ingest.resolver";
import { InfringementNoteResolver } from "./infringement-note.resolver";
import { InfringementResolver } from "./infringement.resolver";
import { ListingResolver } from "./listing.resolver";
import { NodeResolver } from "./node.resolver";
import { OrganizationResolver } from "./organization.resolver";
import { ProductResolver } from "./product.resolver";
import { SellerResolver } from "./seller.resolver";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  AuthResolver,
  NodeResolver,
  OrganizationResolver,
  BrandResolver,
  ProductResolver,
  SellerResolver,
  ListingResolver,
  InfringementResolver,
  InfringementNoteResolver,
  ApiKeyResolver,
  IngestResolver,
  InfringementConnectionResolver,
  ProductConnectionResolver,
];
