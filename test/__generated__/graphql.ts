/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** FLAGGED -> UNDER_REVIEW -> CONFIRMED | DISMISSED; CONFIRMED -> TAKEDOWN_REQUESTED -> REMOVED (or back to CONFIRMED when the takedown is rejected or withdrawn); DISMISSED and CONFIRMED may be reopened (UNDER_REVIEW); REMOVED goes back to CONFIRMED only when a scan sees its listing for sale again after its removal (a relisting) */
export type InfringementStatus =
  /** An infringement: so the brand's review decided, or a COUNTERFEIT test buy proved; also a REMOVED case whose listing a scan saw for sale again after its removal (its note says when), so that a takedown may be requested again */
  | 'CONFIRMED'
  /** Not an infringement: so the brand's review decided, or a GENUINE test buy proved */
  | 'DISMISSED'
  /** Scored at RISK_FLAG_THRESHOLD (70 by default) or more for the brand by the risk model; not reviewed yet */
  | 'FLAGGED'
  /** Its takedown request was approved, or its listing removed otherwise while the request was pending; final for the brand: only a scan seeing the listing for sale again after its removal returns it to CONFIRMED */
  | 'REMOVED'
  /** The brand asked the platform to take the listing down; the request is PENDING */
  | 'TAKEDOWN_REQUESTED'
  /** Being reviewed by the brand, or reopened for review */
  | 'UNDER_REVIEW';

/** A marketplace of the platform where listings are scanned */
export type Marketplace =
  /** Alibaba */
  | 'ALIBABA'
  /** AliExpress */
  | 'ALIEXPRESS'
  /** Taobao */
  | 'TAOBAO'
  /** Tmall */
  | 'TMALL'
  /** Xianyu, for second-hand goods */
  | 'XIANYU';

/** What one part of a risk score looked at; each but LISTINGS adds at most its weight (RISK_WEIGHT_<KIND>) */
export type RiskSignalKind =
  /** Words sellers of fakes use ("replica", "1:1", "高仿") in the title, or, counting less, the description */
  | 'COUNTERFEIT_KEYWORDS'
  /** The seller, images or title match indicators other members shared, or the brand's own */
  | 'INTEL_MATCH'
  /** A store's score only: 70% of its listings' mean score */
  | 'LISTINGS'
  /** A listing image close to one of the brand's registered logo hashes */
  | 'LOGO_MATCH'
  /** The price far below the MSRP of the genuine product the title names (else the brand's cheapest): from 70% of it down, in full at 30% (by default) */
  | 'PRICE_ANOMALY'
  /** Traces of bought reviews: a burst of five stars in the first week, new accounts, copied texts */
  | 'REVIEW_BRUSHING'
  /** The store's record: strikes, cases members confirmed against it, its age, how many brands it sells */
  | 'SELLER_HISTORY'
  /** A spec value the brand's genuine products do not have, for a spec its catalogue uses */
  | 'SPEC_MISMATCH';

export type BrandDashboardQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type BrandDashboardQuery = { infringements: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, status: InfringementStatus, riskScore: number, detectedAt: unknown, riskSignals: Array<{ kind: RiskSignalKind, contribution: number, reason: string }>, brand: { name: string }, notes: Array<{ body: string, authorName: string | null }>, listing: { title: string, marketplace: Marketplace, price: { formatted: string }, seller: { name: string, riskScore: number } }, seller: { name: string, strikeCount: number } } }> } };


export const BrandDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BrandDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"infringements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"DETECTED_AT"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"DESC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"riskScore"}},{"kind":"Field","name":{"kind":"Name","value":"detectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"riskSignals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"contribution"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"brand"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"listing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"marketplace"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"seller"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"riskScore"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"seller"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"strikeCount"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<BrandDashboardQuery, BrandDashboardQueryVariables>;