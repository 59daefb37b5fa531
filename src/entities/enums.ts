// Value sets stored in the database. The GraphQL layer registers the same enums (src/schema/enums.ts).

export enum OrgKind {
  PLATFORM = "PLATFORM",
  BRAND = "BRAND",
  AGENCY = "AGENCY",
}

export enum OrgStatus {
  ACTIVE = "ACTIVE",
  SUSPENDED = "SUSPENDED",
}

export enum UserRole {
  ADMIN = "ADMIN",
  ANALYST = "ANALYST",
  VIEWER = "VIEWER",
  INVESTIGATOR = "INVESTIGATOR",
}

export enum Marketplace {
  TAOBAO = "TAOBAO",
  TMALL = "TMALL",
  ALIEXPRESS = "ALIEXPRESS",
  ALIBABA = "ALIBABA",
  XIANYU = "XIANYU",
}

export enum SellerStatus {
  ACTIVE = "ACTIVE",
  PENALIZED = "PENALIZED",
  CLOSED = "CLOSED",
}

export enum ListingStatus {
  ACTIVE = "ACTIVE",
  REMOVED = "REMOVED",
}

export enum InfringementStatus {
  FLAGGED = "FLAGGED",
  UNDER_REVIEW = "UNDER_REVIEW",
  CONFIRMED = "CONFIRMED",
  DISMISSED = "DISMISSED",
  TAKEDOWN_REQUESTED = "TAKEDOWN_REQUESTED",
  REMOVED = "REMOVED",
}

export enum RiskSignalKind {
  PRICE_ANOMALY = "PRICE_ANOMALY",
  COUNTERFEIT_KEYWORDS = "COUNTERFEIT_KEYWORDS",
  LOGO_MATCH = "LOGO_MATCH",
  SPEC_MISMATCH = "SPEC_MISMATCH",
  REVIEW_BRUSHING = "REVIEW_BRUSHING",
  SELLER_HISTORY = "SELLER_HISTORY",
  INTEL_MATCH = "INTEL_MATCH",
  // A seller's score: how its listings score.
  LISTINGS = "LISTINGS",
}
