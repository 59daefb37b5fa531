import { ApiKey } from "./api-key.entity";
import { AuditEvent } from "./audit-event.entity";
import { Brand } from "./brand.entity";
import { Indicator } from "./indicator.entity";
import { IndicatorSighting } from "./indicator-sighting.entity";
import { InfringementNote } from "./infringement-note.entity";
import { IntelLookupUsage } from "./intel-lookup-usage.entity";
import { Listing } from "./listing.entity";
import { Organization } from "./organization.entity";
import { Product } from "./product.entity";
import { Seller } from "./seller.entity";
import { SuspectedInfringement } from "./suspected-infringement.entity";
import { User } from "./user.entity";

export {
  ApiKey,
  AuditEvent,
  Brand,
  Indicator,
  IndicatorSighting,
  InfringementNote,
  IntelLookupUsage,
  Listing,
  Organization,
  Product,
  Seller,
  SuspectedInfringement,
  User,
};

export const entities = [
  Organization,
  User,
  ApiKey,
  Brand,
  Product,
  Seller,
  Listing,
  SuspectedInfringement,
  InfringementNote,
  AuditEvent,
  Indicator,
  IndicatorSighting,
  IntelLookupUsage,
];
