/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query BrandDashboard($first: Int!, $after: String) {\n  infringements(\n    first: $first\n    after: $after\n    orderBy: {field: DETECTED_AT, direction: DESC}\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        status\n        riskScore\n        detectedAt\n        riskSignals {\n          kind\n          contribution\n          reason\n        }\n        brand {\n          name\n        }\n        notes(last: 3) {\n          body\n          authorName\n        }\n        listing {\n          title\n          marketplace\n          price {\n            formatted\n          }\n          seller {\n            name\n            riskScore\n          }\n        }\n        seller {\n          name\n          strikeCount\n        }\n      }\n    }\n  }\n}": typeof types.BrandDashboardDocument,
};
const documents: Documents = {
    "query BrandDashboard($first: Int!, $after: String) {\n  infringements(\n    first: $first\n    after: $after\n    orderBy: {field: DETECTED_AT, direction: DESC}\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        status\n        riskScore\n        detectedAt\n        riskSignals {\n          kind\n          contribution\n          reason\n        }\n        brand {\n          name\n        }\n        notes(last: 3) {\n          body\n          authorName\n        }\n        listing {\n          title\n          marketplace\n          price {\n            formatted\n          }\n          seller {\n            name\n            riskScore\n          }\n        }\n        seller {\n          name\n          strikeCount\n        }\n      }\n    }\n  }\n}": types.BrandDashboardDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BrandDashboard($first: Int!, $after: String) {\n  infringements(\n    first: $first\n    after: $after\n    orderBy: {field: DETECTED_AT, direction: DESC}\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        status\n        riskScore\n        detectedAt\n        riskSignals {\n          kind\n          contribution\n          reason\n        }\n        brand {\n          name\n        }\n        notes(last: 3) {\n          body\n          authorName\n        }\n        listing {\n          title\n          marketplace\n          price {\n            formatted\n          }\n          seller {\n            name\n            riskScore\n          }\n        }\n        seller {\n          name\n          strikeCount\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query BrandDashboard($first: Int!, $after: String) {\n  infringements(\n    first: $first\n    after: $after\n    orderBy: {field: DETECTED_AT, direction: DESC}\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        status\n        riskScore\n        detectedAt\n        riskSignals {\n          kind\n          contribution\n          reason\n        }\n        brand {\n          name\n        }\n        notes(last: 3) {\n          body\n          authorName\n        }\n        listing {\n          title\n          marketplace\n          price {\n            formatted\n          }\n          seller {\n            name\n            riskScore\n          }\n        }\n        seller {\n          name\n          strikeCount\n        }\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;