import { registerEnumType } from "type-graphql";
import { Scope } from "../auth/scopes";
import { TakedownDecision } from "../domain/takedown-workflow";
import {
  EvidenceKind,
  InfringementStatus,
  LegalActionStatus,
  ListingStatus,
  Marketplace,
  OrgKind,
  OrgStatus,
  ReferralStatus,
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
    "FLAGGED -> UNDER_REVIEW -> CONFIRMED | DISMISSED; CONFIRMED -> TAKEDOWN_REQUESTED -> REMOVED (or back to CONFIRMED when the takedown is rejected); DISMISSED and CONFIRMED may be reopened (UNDER_REVIEW)",
});
registerEnumType(TakedownStatus, {
  name: "TakedownStatus",
  description: "PENDING until the platform decides; SUPERSEDED when the listing was removed otherwise first",
});
registerEnumType(TakedownDecision, { name: "TakedownDecision" });
registerEnumType(TestBuyOutcome, { name: "TestBuyOutcome" });
registerEnumType(EvidenceKind, { name: "EvidenceKind" });
registerEnumType(ReferralStatus, {
  name: "ReferralStatus",
  description: "REFERRED -> INVESTIGATING -> RAIDED -> PROSECUTED -> CLOSED, forward only (steps may be skipped)",
});
registerEnumType(LegalActionStatus, { name: "LegalActionStatus" });
registerEnumType(RiskSignalKind, { name: "RiskSignalKind" });
registerEnumType(Scope, { name: "ApiScope", description: "A permission an API key may carry" });
registerEnumType(SortDirection, { name: "SortDirection" });
registerEnumType(InfringementSortField, { name: "InfringementSortField" });
registerEnumType(PrincipalKind, { name: "PrincipalKind" });
