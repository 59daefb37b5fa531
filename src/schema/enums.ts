import { registerEnumType } from "type-graphql";
import { Scope } from "../auth/scopes";
import {
  IndicatorDistribution,
  IndicatorKind,
  InfringementStatus,
  ListingStatus,
  Marketplace,
  OrgKind,
  OrgStatus,
  RiskSignalKind,
  SellerStatus,
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
  description: "FLAGGED -> UNDER_REVIEW -> CONFIRMED | DISMISSED; CONFIRMED -> TAKEDOWN_REQUESTED -> REMOVED",
});
registerEnumType(RiskSignalKind, { name: "RiskSignalKind" });
registerEnumType(Scope, { name: "ApiScope", description: "A permission an API key may carry" });
registerEnumType(SortDirection, { name: "SortDirection" });
registerEnumType(InfringementSortField, { name: "InfringementSortField" });
registerEnumType(PrincipalKind, { name: "PrincipalKind" });
registerEnumType(IndicatorKind, { name: "IndicatorKind", description: "What an indicator of counterfeiting is" });
registerEnumType(IndicatorDistribution, {
  name: "IndicatorDistribution",
  description:
    "Who an indicator is shared with, narrowest first: PRIVATE (you and the platform), MATCH_ONLY (others learn only through " +
    "a blind match that it exists), ALLIANCE_ANONYMOUS (every member sees value and note, not who contributed), ALLIANCE " +
    "(every member sees everything, attributed). It can only be widened.",
});
registerEnumType(IndicatorSortField, { name: "IndicatorSortField" });
