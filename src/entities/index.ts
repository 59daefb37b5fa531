import { ApiKey } from "./api-key.entity";
import { AuditEvent } from "./audit-event.entity";
import { Brand } from "./brand.entity";
import { Indicator } from "./indicator.entity";
import { IndicatorSighting } from "./indicator-sighting.entity";
import { InfringementNote } from "./infringement-note.entity";
import { LegalAction } from "./legal-action.entity";
import { IntelLookupUsage } from "./intel-lookup-usage.entity";
import { Listing } from "./listing.entity";
import { LoginFailure } from "./login-failure.entity";
import { Organization } from "./organization.entity";
import { Product } from "./product.entity";
import { ProductSpell } from "./product-spell.entity";
import { Referral } from "./referral.entity";
import { ReferralInfringement } from "./referral-infringement.entity";
import { Seller } from "./seller.entity";
import { SuspectedInfringement } from "./suspected-infringement.entity";
import { TakedownRequest } from "./takedown-request.entity";
import { TestBuy } from "./test-buy.entity";
import { User } from "./user.entity";
import { Invitation } from "./invitation.entity";
import { GovernanceRule } from "./governance-rule.entity";
import { PolicyFeedback } from "./policy-feedback.entity";
import { PolicyFeedbackEndorsement } from "./policy-feedback-endorsement.entity";
import { ProgressReport } from "./progress-report.entity";
import { ProgressReportMemberFigures } from "./progress-report-member-figures.entity";

export {
  ApiKey,
  AuditEvent,
  Brand,
  GovernanceRule,
  Indicator,
  IndicatorSighting,
  InfringementNote,
  IntelLookupUsage,
  Invitation,
  LegalAction,
  Listing,
  LoginFailure,
  Organization,
  PolicyFeedback,
  PolicyFeedbackEndorsement,
  Product,
  ProductSpell,
  ProgressReport,
  ProgressReportMemberFigures,
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
  ProductSpell,
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
  GovernanceRule,
  Indicator,
  IndicatorSighting,
  IntelLookupUsage,
  LoginFailure,
  Invitation,
  PolicyFeedback,
  PolicyFeedbackEndorsement,
  ProgressReport,
  ProgressReportMemberFigures,
];
