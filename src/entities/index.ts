import { ApiKey } from "./api-key.entity";
import { AuditEvent } from "./audit-event.entity";
import { Brand } from "./brand.entity";
import { InfringementNote } from "./infringement-note.entity";
import { LegalAction } from "./legal-action.entity";
import { Listing } from "./listing.entity";
import { Organization } from "./organization.entity";
import { Product } from "./product.entity";
import { Referral } from "./referral.entity";
import { ReferralInfringement } from "./referral-infringement.entity";
import { Seller } from "./seller.entity";
import { SuspectedInfringement } from "./suspected-infringement.entity";
import { TakedownRequest } from "./takedown-request.entity";
import { TestBuy } from "./test-buy.entity";
import { User } from "./user.entity";

export {
  ApiKey,
  AuditEvent,
  Brand,
  InfringementNote,
  LegalAction,
  Listing,
  Organization,
  Product,
  Referral,
  ReferralInfringement,
  Seller,
  SuspectedInfringement,
  TakedownRequest,
  TestBuy,
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
  TakedownRequest,
  TestBuy,
  Referral,
  ReferralInfringement,
  LegalAction,
  AuditEvent,
];
