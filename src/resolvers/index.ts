import type { NonEmptyArray } from "type-graphql";
import { ApiKeyResolver } from "./api-key.resolver";
import { AuthResolver } from "./auth.resolver";
import { BrandResolver } from "./brand.resolver";
import { AuditEventResolver } from "./audit-event.resolver";
import {
  ApiKeyConnectionResolver,
  AuditEventConnectionResolver,
  IndicatorConnectionResolver,
  SellerConnectionResolver,
  InfringementConnectionResolver,
  LegalActionConnectionResolver,
  PolicyFeedbackConnectionResolver,
  ProductConnectionResolver,
  ProgressReportConnectionResolver,
  ReferralConnectionResolver,
  TakedownRequestConnectionResolver,
  TestBuyConnectionResolver,
} from "./connection.resolver";
import { GovernanceRuleResolver } from "./governance-rule.resolver";
import { InvitationResolver } from "./invitation.resolver";
import { MemberStatusResolver } from "./member-status.resolver";
import { EmailDomainsResolver } from "./email-domains.resolver";
import { PolicyFeedbackResolver } from "./policy-feedback.resolver";
import { ProgressReportResolver } from "./progress-report.resolver";
import { IndicatorResolver, IndicatorSightingResolver } from "./indicator.resolver";
import { IngestResolver } from "./ingest.resolver";
import { InfringementNoteResolver } from "./infringement-note.resolver";
import { InfringementResolver } from "./infringement.resolver";
import { LegalActionResolver } from "./legal-action.resolver";
import { ListingResolver } from "./listing.resolver";
import { NodeResolver } from "./node.resolver";
import { OrganizationResolver } from "./organization.resolver";
import { ProductResolver } from "./product.resolver";
import { ReferralResolver } from "./referral.resolver";
import { SellerResolver } from "./seller.resolver";
import { TakedownResolver } from "./takedown.resolver";
import { TestBuyResolver } from "./test-buy.resolver";
import { UserResolver } from "./user.resolver";

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
  TakedownResolver,
  TestBuyResolver,
  ReferralResolver,
  LegalActionResolver,
  ApiKeyResolver,
  ApiKeyConnectionResolver,
  UserResolver,
  IngestResolver,
  InfringementConnectionResolver,
  ProductConnectionResolver,
  AuditEventConnectionResolver,
  AuditEventResolver,
  GovernanceRuleResolver,
  IndicatorConnectionResolver,
  SellerConnectionResolver,
  IndicatorResolver,
  IndicatorSightingResolver,
  InvitationResolver,
  LegalActionConnectionResolver,
  MemberStatusResolver,
  EmailDomainsResolver,
  PolicyFeedbackConnectionResolver,
  PolicyFeedbackResolver,
  ProgressReportConnectionResolver,
  ProgressReportResolver,
  ReferralConnectionResolver,
  TakedownRequestConnectionResolver,
  TestBuyConnectionResolver,
];
