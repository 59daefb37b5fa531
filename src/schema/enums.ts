import { registerEnumType } from "type-graphql";
import { Scope } from "../auth/scopes";
import {
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
