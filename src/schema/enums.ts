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

registerEnumType(OrgKind, {
  name: "OrgKind",
  description: "What an organization is in the alliance",
  valuesConfig: {
    PLATFORM: { description: "The marketplace: scans listings, decides takedowns, refers cases to agencies and keeps the rules" },
    BRAND: { description: "A member: a brand owner that works its own brands' cases" },
    AGENCY: { description: "A law-enforcement agency: reads only the cases referred to it and records what came of them" },
  },
});
registerEnumType(OrgStatus, {
  name: "OrgStatus",
  description: "Whether an organization's people and keys may act; only members (BRAND) are ever suspended",
  valuesConfig: {
    ACTIVE: { description: "Its users sign in and its keys work" },
    SUSPENDED: { description: "Suspended by the platform: its users and keys are refused (UNAUTHENTICATED, told why); its data is kept" },
  },
});
registerEnumType(UserRole, {
  name: "UserRole",
  description: "What a user may do. The platform's users are ADMIN or ANALYST, a brand's ADMIN, ANALYST or VIEWER, an agency's INVESTIGATOR",
  valuesConfig: {
    ADMIN: { description: "Every scope of its organization; manages its users, invitations and API keys (the platform's: the alliance's members too)" },
    ANALYST: { description: "Every scope of its organization; manages nothing" },
    VIEWER: { description: "A brand's read-only user: the read scopes of its organization only" },
    INVESTIGATOR: { description: "An agency's user: reads the referrals sent to it and records their progress" },
  },
});
registerEnumType(Marketplace, {
  name: "Marketplace",
  description: "A marketplace of the platform where listings are scanned",
  valuesConfig: {
    TAOBAO: { description: "Taobao" },
    TMALL: { description: "Tmall" },
    ALIEXPRESS: { description: "AliExpress" },
    ALIBABA: { description: "Alibaba" },
    XIANYU: { description: "Xianyu, for second-hand goods" },
  },
});
registerEnumType(SellerStatus, {
  name: "SellerStatus",
  description:
    "A store's standing, by its strike count: moved by a takedown's strike or by a scan reporting the marketplace's own count, and only ever forward",
  valuesConfig: {
    ACTIVE: { description: "Fewer than SELLER_PENALTY_STRIKES (3 by default) strikes" },
    PENALIZED: { description: "SELLER_PENALTY_STRIKES (3 by default) strikes or more, whether a takedown or a scan took it there" },
    CLOSED: {
      description:
        "SELLER_CLOSURE_STRIKES (5 by default) strikes or more, whether a takedown or a scan took it there: its active listings were removed, and any found under it later is stored REMOVED and stays so",
    },
  },
});
registerEnumType(ListingStatus, {
  name: "ListingStatus",
  description: "Whether a listing is still on sale",
  valuesConfig: {
    ACTIVE: { description: "On sale when last scanned" },
    REMOVED: {
      description:
        "Taken down (an approved takedown, the platform's own, or its store CLOSED). A scan that sees it for sale after its removal, under a store that is not CLOSED, puts it back (ACTIVE, a relisting); an earlier scan does not",
    },
  },
});
registerEnumType(InfringementStatus, {
  name: "InfringementStatus",
  description:
    "FLAGGED -> UNDER_REVIEW -> CONFIRMED | DISMISSED; CONFIRMED -> TAKEDOWN_REQUESTED -> REMOVED (or back to CONFIRMED when the takedown is rejected or withdrawn); DISMISSED and CONFIRMED may be reopened (UNDER_REVIEW); REMOVED goes back to CONFIRMED only when a scan sees its listing for sale again after its removal (a relisting)",
  valuesConfig: {
    FLAGGED: { description: "Scored at RISK_FLAG_THRESHOLD (70 by default) or more for the brand by the risk model; not reviewed yet" },
    UNDER_REVIEW: { description: "Being reviewed by the brand, or reopened for review" },
    CONFIRMED: {
      description:
        "An infringement: so the brand's review decided, or a COUNTERFEIT test buy proved; also a REMOVED case whose listing a scan saw for sale again after its removal (its note says when), so that a takedown may be requested again",
    },
    DISMISSED: { description: "Not an infringement: so the brand's review decided, or a GENUINE test buy proved" },
    TAKEDOWN_REQUESTED: { description: "The brand asked the platform to take the listing down; the request is PENDING" },
    REMOVED: {
      description:
        "Its takedown request was approved, or its listing removed otherwise while the request was pending; final for the brand: only a scan seeing the listing for sale again after its removal returns it to CONFIRMED",
    },
  },
});
registerEnumType(TakedownStatus, {
  name: "TakedownStatus",
  description:
    "PENDING until the platform decides; SUPERSEDED when the listing was removed otherwise first; WITHDRAWN when the requesting brand took it back first",
  valuesConfig: {
    PENDING: { description: "Waiting for the platform's decision" },
    APPROVED: { description: "The platform took the listing down: the case is REMOVED and the store has a strike" },
    REJECTED: { description: "The platform refused it: the case is CONFIRMED again, and may be requested again" },
    SUPERSEDED: {
      description:
        "The listing was removed otherwise before a decision (another request on it approved, the platform's own takedown, its store closed): the case is REMOVED, no strike",
    },
    WITHDRAWN: {
      description: "Taken back by the requesting brand before a decision, or by its GENUINE test buy: the case is CONFIRMED again (then DISMISSED, after the test buy)",
    },
  },
});
registerEnumType(TakedownDecision, {
  name: "TakedownDecision",
  description: "The platform's answer to a PENDING takedown request",
  valuesConfig: {
    APPROVE: { description: "Take the listing down: the case becomes REMOVED, the store gets a strike, other pending requests on it are SUPERSEDED" },
    REJECT: { description: "Leave the listing up: the case returns to CONFIRMED" },
  },
});
registerEnumType(TestBuyOutcome, {
  name: "TestBuyOutcome",
  description: "What a test buy proved; recorded once",
  valuesConfig: {
    PENDING: { description: "Ordered; no outcome recorded yet" },
    GENUINE: {
      description: "The goods are genuine: the case is DISMISSED, where its status allows, a pending takedown request withdrawn first",
    },
    COUNTERFEIT: { description: "The goods are fake, shown by at least one evidence item: the case is CONFIRMED, where its status allows" },
    INCONCLUSIVE: { description: "Neither proved: the case keeps its status" },
  },
});
registerEnumType(EvidenceKind, {
  name: "EvidenceKind",
  description: "What an evidence item of a test buy is",
  valuesConfig: {
    PHOTO: { description: "A photograph" },
    VIDEO: { description: "A video recording" },
    RECEIPT: { description: "A receipt or other proof of purchase" },
    PACKAGING: { description: "The goods' packaging or labels" },
    LAB_REPORT: { description: "A laboratory's report on the goods" },
    CORRESPONDENCE: { description: "Messages exchanged, e.g. with the seller" },
    OTHER: { description: "Anything else; its description says what" },
  },
});
registerEnumType(ReferralStatus, {
  name: "ReferralStatus",
  description:
    "REFERRED -> INVESTIGATING -> RAIDED -> PROSECUTED -> CLOSED, forward only: an investigation may go straight to PROSECUTED, and any open referral " +
    "may be CLOSED; WITHDRAWN when the platform took it back before the agency took it up",
  valuesConfig: {
    REFERRED: { description: "Sent by the platform; the agency has not taken it up yet" },
    INVESTIGATING: { description: "The agency took it up" },
    RAIDED: { description: "A raid was made; the referral has its raidDate" },
    PROSECUTED: { description: "Charges were brought" },
    CLOSED: { description: "Closed by the agency; final. Its cases may be referred again" },
    WITHDRAWN: { description: "Taken back by the platform (sent in error): the agency no longer sees it, and its cases left it; final" },
  },
});
registerEnumType(LegalActionStatus, {
  name: "LegalActionStatus",
  description: "FILED -> IN_PROGRESS -> an outcome; FILED may also go straight to an outcome. Outcomes are final",
  valuesConfig: {
    FILED: { description: "Filed with the court" },
    IN_PROGRESS: { description: "Under way in court" },
    JUDGMENT_FOR_PLAINTIFF: { description: "Decided for the plaintiff, with the judgment's amount" },
    JUDGMENT_FOR_DEFENDANT: { description: "Decided for the defendant" },
    SETTLED: { description: "Settled, with an amount or without" },
    WITHDRAWN: { description: "Withdrawn by the plaintiff" },
  },
});
registerEnumType(RiskSignalKind, {
  name: "RiskSignalKind",
  description: "What one part of a risk score looked at; each but LISTINGS adds at most its weight (RISK_WEIGHT_<KIND>)",
  valuesConfig: {
    PRICE_ANOMALY: {
      description: "The price far below the MSRP of the genuine product the title names (else the brand's cheapest): from 70% of it down, in full at 30% (by default)",
    },
    COUNTERFEIT_KEYWORDS: { description: 'Words sellers of fakes use ("replica", "1:1", "高仿") in the title, or, counting less, the description' },
    LOGO_MATCH: { description: "A listing image close to one of the brand's registered logo hashes" },
    SPEC_MISMATCH: { description: "A spec value the brand's genuine products do not have, for a spec its catalogue uses" },
    REVIEW_BRUSHING: { description: "Traces of bought reviews: a burst of five stars in the first week, new accounts, copied texts" },
    SELLER_HISTORY: { description: "The store's record: strikes, cases members confirmed against it, its age, how many brands it sells" },
    INTEL_MATCH: { description: "The seller, images or title match indicators other members shared, or the brand's own" },
    LISTINGS: { description: "A store's score only: 70% of its listings' mean score" },
  },
});
registerEnumType(Scope, {
  name: "ApiScope",
  description: "A permission an API key may carry",
  valuesConfig: {
    CATALOGUE_READ: { description: "catalogue:read: brands' catalogues (platform, brands)" },
    CATALOGUE_WRITE: { description: "catalogue:write: keep your brands' catalogue (brands only; with CATALOGUE_READ)" },
    INFRINGEMENTS_READ: {
      description:
        "infringements:read: cases, their listings, sellers, notes, test buys, takedowns and lawsuits, and for a brand the referrals holding its cases (platform, brands)",
    },
    INFRINGEMENTS_WRITE: {
      description: "infringements:write: work your cases (brands) or decide takedowns (platform), and lawsuits; with INFRINGEMENTS_READ",
    },
    INTEL_READ: { description: "intel:read: shared intelligence, and blind matches (platform, brands)" },
    INTEL_WRITE: { description: "intel:write: contribute, widen and expire indicators, record sightings (platform, brands; with INTEL_READ)" },
    INGEST_WRITE: { description: "ingest:write: send scanned listings (platform only)" },
    REFERRALS_READ: {
      description: "referrals:read: referrals and, for an agency, the cases referred to it (platform, agencies)",
    },
    REFERRALS_WRITE: {
      description: "referrals:write: refer cases (platform) or record a referral's progress (agencies); with REFERRALS_READ",
    },
  },
});
registerEnumType(SortDirection, {
  name: "SortDirection",
  description: "An order, by the field a list is sorted on; ties are broken by id",
  valuesConfig: {
    ASC: { description: "Smallest or oldest first" },
    DESC: { description: "Largest or newest first" },
  },
});
registerEnumType(InfringementSortField, {
  name: "InfringementSortField",
  description: "What infringements are sorted by",
  valuesConfig: {
    DETECTED_AT: { description: "When the risk model flagged it" },
    RISK_SCORE: { description: "Its score for its brand, 0 to 100" },
  },
});
registerEnumType(SellerSortField, {
  name: "SellerSortField",
  description: "What stores are sorted by",
  valuesConfig: {
    RISK_SCORE: { description: "The score you read: the platform its own, members and agencies the one made from brand-free scores" },
    STRIKE_COUNT: { description: "Its strikes: listings of it the platform took down, or the marketplace's own count when a scan reported more" },
  },
});
registerEnumType(PrincipalKind, {
  name: "PrincipalKind",
  description: "Who acts: a person or a machine",
  valuesConfig: {
    USER: { description: "A user signed in with a token" },
    API_KEY: { description: "An organization's API key" },
  },
});
registerEnumType(InvitationKind, {
  name: "InvitationKind",
  description: "What accepting an invitation creates",
  valuesConfig: {
    MEMBER: { description: "From the platform: a new member organization, its brands and its first admin" },
    USER: { description: "From an organization's admin: a user of that organization" },
  },
});
registerEnumType(InvitationStatus, {
  name: "InvitationStatus",
  description: "Where an invitation stands",
  valuesConfig: {
    PENDING: { description: "Its token still works" },
    ACCEPTED: { description: "Its token was used" },
    REVOKED: { description: "Revoked by an admin of the inviting organization before it was used" },
    EXPIRED: { description: "Not used before expiresAt" },
  },
});
registerEnumType(FeedbackKind, {
  name: "FeedbackKind",
  description: "What a member's feedback on a governance rule is",
  valuesConfig: {
    SUGGESTION: { description: "A suggestion about the rule, short of a proposed change" },
    COMPLAINT: { description: "A complaint about the rule" },
    AMENDMENT_PROPOSAL: { description: "A proposed change to the rule" },
  },
});
registerEnumType(FeedbackVisibility, {
  name: "FeedbackVisibility",
  description: "PRIVATE: your organization and the platform; ALLIANCE: every member too, without the author",
  valuesConfig: {
    PRIVATE: { description: "Read by the author's organization and the platform" },
    ALLIANCE: { description: "Also read by every member, who do not see the author" },
  },
});
registerEnumType(FeedbackStatus, {
  name: "FeedbackStatus",
  description:
    "SUBMITTED -> UNDER_REVIEW -> ACCEPTED | REJECTED, as the platform responds (it may skip UNDER_REVIEW); ACCEPTED -> IMPLEMENTED; " +
    "WITHDRAWN by its author's organization before a decision",
  valuesConfig: {
    SUBMITTED: { description: "Sent; the platform has not responded" },
    UNDER_REVIEW: { description: "The platform is considering it" },
    ACCEPTED: { description: "The platform agreed; it may become IMPLEMENTED" },
    REJECTED: { description: "The platform declined; final" },
    IMPLEMENTED: { description: "Accepted and carried out; final" },
    WITHDRAWN: { description: "Taken back by its author's organization before a decision; final" },
  },
});
registerEnumType(ReportPeriodKind, {
  name: "ReportPeriodKind",
  description: "How long a progress report's period is",
  valuesConfig: {
    MONTH: { description: 'A calendar month (UTC), e.g. "2026-10"' },
    QUARTER: { description: 'A calendar quarter, e.g. "2026-Q4": generated only from its three published months' },
  },
});
registerEnumType(ReportStatus, {
  name: "ReportStatus",
  description: "DRAFT -> REVIEWED -> PUBLISHED",
  valuesConfig: {
    DRAFT: { description: "Generated, or generated again; the platform's only" },
    REVIEWED: { description: "Checked by a platform admin; still the platform's only, and generating it again makes it a DRAFT" },
    PUBLISHED: { description: "Read by every signed-in organization; it never changes again" },
  },
});
registerEnumType(ReportMetric, {
  name: "ReportMetric",
  description: "What a progress report's table counts in the period, each thing dated by when it happened",
  valuesConfig: {
    LISTINGS_SCANNED: { description: "Listings first seen (the platform's)" },
    LISTINGS_FLAGGED: { description: "Infringements detected" },
    INFRINGEMENTS_CONFIRMED: {
      description: "Infringements confirmed (not a return to CONFIRMED from a rejected or withdrawn takedown, nor from REMOVED when its listing was relisted)",
    },
    LISTINGS_REMOVED: { description: "Infringements that became REMOVED (their listing taken down), each time: one removed again after a relisting counts again" },
    STORES_PENALIZED: { description: "Stores that became PENALIZED (the platform's; a store keeps only its latest change)" },
    STORES_CLOSED: { description: "Stores that became CLOSED (the platform's)" },
    TAKEDOWNS_REQUESTED: { description: "Takedown requests made, whatever became of them" },
    TAKEDOWNS_EXECUTED: { description: "Takedown requests approved" },
    TEST_BUYS_COUNTERFEIT: { description: "Test buys whose COUNTERFEIT outcome was recorded" },
    TEST_BUYS_GENUINE: { description: "Test buys whose GENUINE outcome was recorded" },
    TEST_BUYS_INCONCLUSIVE: { description: "Test buys whose INCONCLUSIVE outcome was recorded" },
    CASES_REFERRED: { description: "Members' cases in the referrals made" },
    RAIDS: { description: "Raids, by raid date, one per referral with one, shared between its cases' members" },
    ARRESTS: {
      description: "Arrests, by raid date (without a raid, when the agency first recorded an outcome), shared between a referral's cases' members",
    },
    SEIZED_UNITS: { description: "Units seized, dated and shared as ARRESTS" },
    SEIZED_VALUE: { description: "Value seized, dated and shared as ARRESTS: one table per currency, in minor units" },
    INDICATORS_SHARED: { description: "Indicators members contributed for every member to read (ALLIANCE and ALLIANCE_ANONYMOUS); no marketplace columns" },
    INDICATORS_MATCHED: { description: "Values of members' blind-match lookups that matched, to the member that looked; no marketplace columns" },
  },
});
registerEnumType(ReportAttribution, {
  name: "ReportAttribution",
  description: "MEMBERS: members' figures under disclosure control; PLATFORM: the platform's own operations",
  valuesConfig: {
    MEMBERS: { description: "Members' figures, by the member they concern, with cells withheld by disclosure control" },
    PLATFORM: { description: "The platform's own operations (listings scanned, stores penalized or closed), belonging to no member" },
  },
});
registerEnumType(SuppressionReason, {
  name: "SuppressionReason",
  description:
    "Why a report cell is withheld. Only the platform reads the detailed reason, which would narrow the figure; members and " +
    "agencies read WITHHELD, or SUPPRESSED_IN_A_MONTH for a quarter's cell",
  valuesConfig: {
    FEW_CONTRIBUTORS: {
      description:
        "Too few members behind it: fewer than REPORT_MIN_CONTRIBUTORS (3 by default) contributed, or could (its category's members), or too few are left once a reader who knows part of it takes that out",
    },
    DOMINANT_CONTRIBUTOR: { description: "One member has more than REPORT_DOMINANCE_SHARE (0.8 by default) of the value" },
    EXACT_ESTIMATE: { description: "Its largest contributor could tell every other's figure exactly" },
    NARROW_ESTIMATE: { description: "Its second largest contributor could tell the largest's figure within 10%" },
    COMPLEMENTARY: { description: "Withheld so that another withheld cell cannot be worked out from a total" },
    LINKED_TABLE: { description: "Withheld because the same cell is withheld in the linked table (LISTINGS_REMOVED, TAKEDOWNS_EXECUTED)" },
    SUPPRESSED_IN_A_MONTH: { description: "A quarter's cell withheld because one of its months withheld it" },
    WITHHELD: { description: "What members and agencies read in place of any reason above but SUPPRESSED_IN_A_MONTH" },
  },
});
registerEnumType(IndicatorKind, {
  name: "IndicatorKind",
  description: "What an indicator of counterfeiting is; its value is normalized by kind before it is matched",
  valuesConfig: {
    SELLER: { description: "A store, as MARKETPLACE:storeId, e.g. TAOBAO:store-8841" },
    KEYWORD: { description: "A word or phrase, case- and space-folded; matched against listing titles" },
    IMAGE_HASH: { description: "A 64-bit perceptual image hash, 16 hex digits" },
    PHONE: { description: "A phone number, kept as E.164; one without a country code is read as Chinese" },
    ADDRESS: { description: "A postal address, case- and space-folded" },
    PAYMENT_ACCOUNT: { description: "A payment or bank account, in lower case without spaces or dashes" },
    DOMAIN: { description: "A web domain, e.g. fake-store.example; a URL's scheme, path and www. are dropped" },
    FACTORY: { description: "A factory or workshop, case- and space-folded" },
  },
});
registerEnumType(IndicatorDistribution, {
  name: "IndicatorDistribution",
  description:
    "Who an indicator is shared with, narrowest first: PRIVATE (you and the platform), MATCH_ONLY (others learn only through " +
    "a blind match that it exists), ALLIANCE_ANONYMOUS (every member sees value and note, not who contributed), ALLIANCE " +
    "(every member sees everything, attributed). It can only be widened.",
  valuesConfig: {
    PRIVATE: { description: "The contributor and the platform only; no other member's blind match counts it" },
    MATCH_ONLY: { description: "Others learn only through a blind match that enough members hold the value" },
    ALLIANCE_ANONYMOUS: { description: "Every member reads value, note and counts, not who contributed; dated by the day" },
    ALLIANCE: { description: "Every member reads everything, attributed" },
  },
});
registerEnumType(IndicatorSortField, {
  name: "IndicatorSortField",
  description: "What indicators are sorted by",
  valuesConfig: {
    CREATED_AT: { description: "When it was contributed" },
    CONFIDENCE: { description: "The contributor's confidence, 0 to 100" },
    LAST_SEEN_AT: { description: "When it was last seen: its latest sighting, or its contribution" },
  },
});
