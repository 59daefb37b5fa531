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

export enum InvitationKind {
  // From the platform: a new member organization, its brands and its first admin.
  MEMBER = "MEMBER",
  // From an organization's admin: a user of that organization.
  USER = "USER",
}

export enum FeedbackKind {
  SUGGESTION = "SUGGESTION",
  COMPLAINT = "COMPLAINT",
  AMENDMENT_PROPOSAL = "AMENDMENT_PROPOSAL",
}

export enum FeedbackVisibility {
  // The author's organization and the platform.
  PRIVATE = "PRIVATE",
  // Every member too, without the author.
  ALLIANCE = "ALLIANCE",
}

export enum FeedbackStatus {
  SUBMITTED = "SUBMITTED",
  UNDER_REVIEW = "UNDER_REVIEW",
  ACCEPTED = "ACCEPTED",
  REJECTED = "REJECTED",
  IMPLEMENTED = "IMPLEMENTED",
  // Taken back by its author's organization before the platform decided on it.
  WITHDRAWN = "WITHDRAWN",
}

export enum ReportPeriodKind {
  MONTH = "MONTH",
  QUARTER = "QUARTER",
}

export enum ReportStatus {
  DRAFT = "DRAFT",
  REVIEWED = "REVIEWED",
  PUBLISHED = "PUBLISHED",
}

export enum TakedownStatus {
  PENDING = "PENDING",
  APPROVED = "APPROVED",
  REJECTED = "REJECTED",
  // The listing was removed otherwise (its store was closed, or another brand's takedown of the
  // same listing was approved) before this request was decided.
  SUPERSEDED = "SUPERSEDED",
  // The requesting brand took it back before a decision (or its test buy proved the goods genuine).
  WITHDRAWN = "WITHDRAWN",
}

export enum TestBuyOutcome {
  PENDING = "PENDING",
  GENUINE = "GENUINE",
  COUNTERFEIT = "COUNTERFEIT",
  INCONCLUSIVE = "INCONCLUSIVE",
}

export enum EvidenceKind {
  PHOTO = "PHOTO",
  VIDEO = "VIDEO",
  RECEIPT = "RECEIPT",
  PACKAGING = "PACKAGING",
  LAB_REPORT = "LAB_REPORT",
  CORRESPONDENCE = "CORRESPONDENCE",
  OTHER = "OTHER",
}

export enum ReferralStatus {
  REFERRED = "REFERRED",
  INVESTIGATING = "INVESTIGATING",
  RAIDED = "RAIDED",
  PROSECUTED = "PROSECUTED",
  CLOSED = "CLOSED",
  // Taken back by the platform before the agency took it up (sent in error).
  WITHDRAWN = "WITHDRAWN",
}

export enum LegalActionStatus {
  FILED = "FILED",
  IN_PROGRESS = "IN_PROGRESS",
  JUDGMENT_FOR_PLAINTIFF = "JUDGMENT_FOR_PLAINTIFF",
  JUDGMENT_FOR_DEFENDANT = "JUDGMENT_FOR_DEFENDANT",
  SETTLED = "SETTLED",
  WITHDRAWN = "WITHDRAWN",
}
export enum IndicatorKind {
  SELLER = "SELLER",
  KEYWORD = "KEYWORD",
  IMAGE_HASH = "IMAGE_HASH",
  PHONE = "PHONE",
  ADDRESS = "ADDRESS",
  PAYMENT_ACCOUNT = "PAYMENT_ACCOUNT",
  DOMAIN = "DOMAIN",
  FACTORY = "FACTORY",
}

// Who an indicator is shared with, narrowest first (see src/domain/intel/distribution.ts).
export enum IndicatorDistribution {
  PRIVATE = "PRIVATE",
  MATCH_ONLY = "MATCH_ONLY",
  ALLIANCE_ANONYMOUS = "ALLIANCE_ANONYMOUS",
  ALLIANCE = "ALLIANCE",
}
