import { registerEnumType } from "type-graphql";
import { Scope } from "../auth/scopes";
import { ReportMetric, SuppressionReason } from "../entities/report-table";
import { TakedownDecision } from "../domain/takedown-workflow";
import {
  EvidenceKind,
  FeedbackKind,
  FeedbackStatus,
  FeedbackVisibility,
  IndicatorDistribution,
  IndicatorKind,
  InfringementStatus,
  InvitationKind,
  LegalActionStatus,
  ListingStatus,
  Marketplace,
  OrgKind,
  OrgStatus,
  ReferralStatus,
  ReportPeriodKind,
  ReportStatus,
  RiskSignalKind,
  SellerStatus,
  TakedownStatus,
  TestBuyOutcome,
  UserRole,
} from "../entities/enums";

export enum SortDirection {
  ASC = "ASC",
  DESC = "DESC",
}

export enum InfringementSortField {
  DETECTED_AT = "DETECTED_AT",
  RISK_SCORE = "RISK_SCORE",
}

export enum SellerSortField {
  RISK_SCORE = "RISK_SCORE",
  STRIKE_COUNT = "STRIKE_COUNT",
}

export enum InvitationStatus {
  PENDING = "PENDING",
  ACCEPTED = "ACCEPTED",
  REVOKED = "REVOKED",
  EXPIRED = "EXPIRED",
}

export enum ReportAttribution {
  MEMBERS = "MEMBERS",
  PLATFORM = "PLATFORM",
}

export enum IndicatorSortField {
  CREATED_AT = "CREATED_AT",
  CONFIDENCE = "CONFIDENCE",
  LAST_SEEN_AT = "LAST_SEEN_AT",
}

export enum PrincipalKind {
  USER = "USER",
  API_KEY = "API_KEY",
}

registerEnumType(OrgKind, { name: "OrgKind", description: "What an organization is in the alliance" });
registerEnumType(OrgStatus, { name: "OrgStatus" });
registerEnumType(UserRole, { name: "UserRole" });
registerEnumType(Marketplace, { name: "Marketplace" });
registerEnumType(SellerStatus, { name: "SellerStatus" });
registerEnumType(ListingStatus, { name: "ListingStatus" });
registerEnumType(InfringementStatus, {
  name: "InfringementStatus",
  description:
    "FLAGGED -> UNDER_REVIEW -> CONFIRMED | DISMISSED; CONFIRMED -> TAKEDOWN_REQUESTED -> REMOVED (or back to CONFIRMED when the takedown is rejected or withdrawn); DISMISSED and CONFIRMED may be reopened (UNDER_REVIEW)",
});
registerEnumType(TakedownStatus, {
  name: "TakedownStatus",
  description:
    "PENDING until the platform decides; SUPERSEDED when the listing was removed otherwise first; WITHDRAWN when the requesting brand took it back first",
});
registerEnumType(TakedownDecision, { name: "TakedownDecision" });
registerEnumType(TestBuyOutcome, { name: "TestBuyOutcome" });
registerEnumType(EvidenceKind, { name: "EvidenceKind" });
registerEnumType(ReferralStatus, {
  name: "ReferralStatus",
  description:
    "REFERRED -> INVESTIGATING -> RAIDED -> PROSECUTED -> CLOSED, forward only (steps may be skipped); WITHDRAWN when the platform took it back before the agency took it up",
});
registerEnumType(LegalActionStatus, { name: "LegalActionStatus" });
registerEnumType(RiskSignalKind, { name: "RiskSignalKind" });
registerEnumType(Scope, { name: "ApiScope", description: "A permission an API key may carry" });
registerEnumType(SortDirection, { name: "SortDirection" });
registerEnumType(InfringementSortField, { name: "InfringementSortField" });
registerEnumType(SellerSortField, { name: "SellerSortField" });
registerEnumType(PrincipalKind, { name: "PrincipalKind" });
registerEnumType(InvitationKind, { name: "InvitationKind" });
registerEnumType(InvitationStatus, { name: "InvitationStatus" });
registerEnumType(FeedbackKind, { name: "FeedbackKind" });
registerEnumType(FeedbackVisibility, {
  name: "FeedbackVisibility",
  description: "PRIVATE: your organization and the platform; ALLIANCE: every member too, without the author",
});
registerEnumType(FeedbackStatus, { name: "FeedbackStatus" });
registerEnumType(ReportPeriodKind, { name: "ReportPeriodKind" });
registerEnumType(ReportStatus, { name: "ReportStatus", description: "DRAFT -> REVIEWED -> PUBLISHED" });
registerEnumType(ReportMetric, { name: "ReportMetric" });
registerEnumType(ReportAttribution, {
  name: "ReportAttribution",
  description: "MEMBERS: members' figures under disclosure control; PLATFORM: the platform's own operations",
});
registerEnumType(SuppressionReason, {
  name: "SuppressionReason",
  description:
    "Why a report cell is withheld. Only the platform reads the detailed reason, which would narrow the figure; members and " +
    "agencies read WITHHELD, or SUPPRESSED_IN_A_MONTH for a quarter's cell",
});
registerEnumType(IndicatorKind, { name: "IndicatorKind", description: "What an indicator of counterfeiting is" });
registerEnumType(IndicatorDistribution, {
  name: "IndicatorDistribution",
  description:
    "Who an indicator is shared with, narrowest first: PRIVATE (you and the platform), MATCH_ONLY (others learn only through " +
    "a blind match that it exists), ALLIANCE_ANONYMOUS (every member sees value and note, not who contributed), ALLIANCE " +
    "(every member sees everything, attributed). It can only be widened.",
});
registerEnumType(IndicatorSortField, { name: "IndicatorSortField" });
