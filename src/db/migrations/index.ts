import { Initial1795433720474 } from "./1795433720474-Initial";
import { Enforcement1795435573587 } from "./1795435573587-Enforcement";
import { Governance1795435619536 } from "./1795435619536-Governance";
import { ListingIngestAndRiskModel1795435624947 } from "./1795435624947-ListingIngestAndRiskModel";
import { SharedIntelligence1795435739543 } from "./1795435739543-SharedIntelligence";
import { ReportEnforcementFigures1795437377409 } from "./1795437377409-ReportEnforcementFigures";
import { IngestSellerConfirmedIndex1795445619602 } from "./1795445619602-IngestSellerConfirmedIndex";
import { ScopeAndRelationIndexes1795450815586 } from "./1795450815586-ScopeAndRelationIndexes";
import { IntelLookupUsageLimit1796408857159 } from "./1796408857159-IntelLookupUsageLimit";
import { InfringementOwnerIndexesCoverFilters1796422405982 } from "./1796422405982-InfringementOwnerIndexesCoverFilters";
import { LoginFailure1796499667865 } from "./1796499667865-LoginFailure";
import { AnonymousIndicatorsDatedByDay1796505792492 } from "./1796505792492-AnonymousIndicatorsDatedByDay";
import { AnonymousIndicatorsExpireByDay1796510000000 } from "./1796510000000-AnonymousIndicatorsExpireByDay";
import { TakedownWithdrawn1796520000000 } from "./1796520000000-TakedownWithdrawn";
import { FeedbackWithdrawn1796530000000 } from "./1796530000000-FeedbackWithdrawn";
import { BrandFreeStoreScore1796540000000 } from "./1796540000000-BrandFreeStoreScore";
import { OrganizationStatusReason1796550000000 } from "./1796550000000-OrganizationStatusReason";
import { ReferralWithdrawn1796560000000 } from "./1796560000000-ReferralWithdrawn";
import { ReferralCaseClosedAt1796570000000 } from "./1796570000000-ReferralCaseClosedAt";
import { OrganizationEmailDomains1796580000000 } from "./1796580000000-OrganizationEmailDomains";
import { UserTokensValidFrom1796590000000 } from "./1796590000000-UserTokensValidFrom";
import { TestBuyOrderedAtMilliseconds1796600000000 } from "./1796600000000-TestBuyOrderedAtMilliseconds";
import { ProductRemovedAt1796610000000 } from "./1796610000000-ProductRemovedAt";
import { LoginFailureChecking1796620000000 } from "./1796620000000-LoginFailureChecking";
import { ApiKeyCreatedAtMilliseconds1796632000000 } from "./1796632000000-ApiKeyCreatedAtMilliseconds";
import { ProductSpells1796635000000 } from "./1796635000000-ProductSpells";
import { AllianceFeedbackDatedByDay1796640000000 } from "./1796640000000-AllianceFeedbackDatedByDay";
import { ReferralReportedIn1796650000000 } from "./1796650000000-ReferralReportedIn";
import { AuditLogWithoutEvidence1796660000000 } from "./1796660000000-AuditLogWithoutEvidence";
import { IndicatorExpiryWithinDates1796670000000 } from "./1796670000000-IndicatorExpiryWithinDates";
import { ListOrderIndexes1796680000000 } from "./1796680000000-ListOrderIndexes";
import { SameOwnerForeignKeys1796690000000 } from "./1796690000000-SameOwnerForeignKeys";
import { SellerOrderIndexes1796700000000 } from "./1796700000000-SellerOrderIndexes";
import { AuditFilterIndexes1796710000000 } from "./1796710000000-AuditFilterIndexes";
import { CaseConfirmationEvidence1796720000000 } from "./1796720000000-CaseConfirmationEvidence";
import { ListingRemovedAt1796725000000 } from "./1796725000000-ListingRemovedAt";
import { ProgressReportReferralFingerprint1796730000000 } from "./1796730000000-ProgressReportReferralFingerprint";
import { ProductSpellRepair1796740000000 } from "./1796740000000-ProductSpellRepair";
import { PlatformListOrderIndexes1796750000000 } from "./1796750000000-PlatformListOrderIndexes";
import { ReferralStoreIndex1796760000000 } from "./1796760000000-ReferralStoreIndex";
import { IndicatorKindOrderIndexes1796770000000 } from "./1796770000000-IndicatorKindOrderIndexes";
import { IndicatorBrandContributorIndexes1796780000000 } from "./1796780000000-IndicatorBrandContributorIndexes";
import { CaseDetectedIndexHoldsUpdated1796790000000 } from "./1796790000000-CaseDetectedIndexHoldsUpdated";
import { CaseOwnerDetectedIndexHoldsUpdated1796800000000 } from "./1796800000000-CaseOwnerDetectedIndexHoldsUpdated";

// In order; each migration runs in its own transaction.
export const migrations = [
  Initial1795433720474,
  Enforcement1795435573587,
  Governance1795435619536,
  ListingIngestAndRiskModel1795435624947,
  SharedIntelligence1795435739543,
  ReportEnforcementFigures1795437377409,
  IngestSellerConfirmedIndex1795445619602,
  ScopeAndRelationIndexes1795450815586,
  IntelLookupUsageLimit1796408857159,
  InfringementOwnerIndexesCoverFilters1796422405982,
  LoginFailure1796499667865,
  AnonymousIndicatorsDatedByDay1796505792492,
  AnonymousIndicatorsExpireByDay1796510000000,
  TakedownWithdrawn1796520000000,
  FeedbackWithdrawn1796530000000,
  BrandFreeStoreScore1796540000000,
  OrganizationStatusReason1796550000000,
  ReferralWithdrawn1796560000000,
  ReferralCaseClosedAt1796570000000,
  OrganizationEmailDomains1796580000000,
  UserTokensValidFrom1796590000000,
  TestBuyOrderedAtMilliseconds1796600000000,
  ProductRemovedAt1796610000000,
  LoginFailureChecking1796620000000,
  ApiKeyCreatedAtMilliseconds1796632000000,
  ProductSpells1796635000000,
  AllianceFeedbackDatedByDay1796640000000,
  ReferralReportedIn1796650000000,
  AuditLogWithoutEvidence1796660000000,
  IndicatorExpiryWithinDates1796670000000,
  ListOrderIndexes1796680000000,
  SameOwnerForeignKeys1796690000000,
  SellerOrderIndexes1796700000000,
  AuditFilterIndexes1796710000000,
  CaseConfirmationEvidence1796720000000,
  ListingRemovedAt1796725000000,
  ProgressReportReferralFingerprint1796730000000,
  ProductSpellRepair1796740000000,
  PlatformListOrderIndexes1796750000000,
  ReferralStoreIndex1796760000000,
  IndicatorKindOrderIndexes1796770000000,
  IndicatorBrandContributorIndexes1796780000000,
  CaseDetectedIndexHoldsUpdated1796790000000,
  CaseOwnerDetectedIndexHoldsUpdated1796800000000,
];
