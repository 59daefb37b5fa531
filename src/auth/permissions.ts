import { allow, type IRules } from "graphql-shield";
import { can, canFetchNode, canReadNodeType, isAuthenticated } from "./rules";

const organization = canReadNodeType("Organization");
const brand = canReadNodeType("Brand");
const product = canReadNodeType("Product");
const seller = canReadNodeType("Seller");
const listing = canReadNodeType("Listing");
const infringement = canReadNodeType("Infringement");
const note = canReadNodeType("InfringementNote");
const apiKey = canReadNodeType("ApiKey");

// Every field of the schema, by name, and who may resolve it. Anything missing is denied
// (fallbackRule: deny), and the server refuses to start while a field is missing here
// (permission-completeness.ts). A change to this map changes who can read what: the snapshot in
// test/auth/permission-map.test.ts makes every such change visible in review.
export const permissionMap = {
  Query: {
    viewer: isAuthenticated,
    node: canFetchNode,
    organizations: isAuthenticated,
    brands: can.readBrands,
    products: can.readCatalogue,
    infringements: can.readInfringements,
    infringement: can.readInfringements,
    listing: can.readInfringements,
    seller: can.readInfringements,
    apiKeys: can.manageOrganization,
  },
  Mutation: {
    login: allow,
    reviewInfringement: can.writeInfringements,
    addInfringementNote: can.writeInfringements,
    createApiKey: can.manageOrganization,
    revokeApiKey: can.manageOrganization,
    ingestListings: can.ingestListings,
  },
  IngestListingsPayload: {
    received: can.ingestListings,
    inserted: can.ingestListings,
    updated: can.ingestListings,
    unchanged: can.ingestListings,
    rejected: can.ingestListings,
    infringementsCreated: can.ingestListings,
    infringementsUpdated: can.ingestListings,
    modelVersion: can.ingestListings,
    rejections: can.ingestListings,
  },
  IngestRejection: { row: can.ingestListings, reason: can.ingestListings },
  LoginPayload: { token: allow, expiresAt: allow },
  Viewer: {
    principal: isAuthenticated,
    email: isAuthenticated,
    name: isAuthenticated,
    role: isAuthenticated,
    scopes: isAuthenticated,
    organization: isAuthenticated,
  },
  Organization: { id: organization, name: organization, kind: organization, status: organization, joinedAt: organization },
  Brand: { id: brand, name: brand, aliases: brand, owner: brand },
  Product: {
    id: product,
    brand: product,
    sku: product,
    name: product,
    category: product,
    msrp: product,
    specs: product,
    logoHashes: product,
  },
  Money: { amountMinor: isAuthenticated, currency: isAuthenticated, formatted: isAuthenticated },
  Seller: {
    id: seller,
    marketplace: seller,
    externalId: seller,
    name: seller,
    status: seller,
    strikeCount: seller,
    riskScore: seller,
    // Its own record and its listings' part; the platform's view of the store.
    riskSignals: can.readPlatformOnly,
    openedAt: seller,
    registeredName: can.readPlatformOnly,
    contact: can.readPlatformOnly,
    paymentAccount: can.readPlatformOnly,
  },
  Listing: {
    id: listing,
    marketplace: listing,
    externalId: listing,
    title: listing,
    description: listing,
    price: listing,
    seller: listing,
    status: listing,
    specs: listing,
    imageHashes: listing,
    reviewCount: listing,
    averageRating: listing,
    riskScore: listing,
    // It may name every brand the listing matched.
    riskSignals: can.readPlatformOnly,
    modelVersion: listing,
    firstSeenAt: listing,
    lastSeenAt: listing,
  },
  RiskSignal: { kind: infringement, contribution: infringement, reason: infringement },
  Infringement: {
    id: infringement,
    brand: infringement,
    listing: infringement,
    seller: infringement,
    marketplace: infringement,
    status: infringement,
    allowedTransitions: infringement,
    riskScore: infringement,
    riskSignals: infringement,
    modelVersion: infringement,
    notes: infringement,
    detectedAt: infringement,
    updatedAt: infringement,
  },
  InfringementNote: {
    id: note,
    body: note,
    fromStatus: note,
    toStatus: note,
    authorName: note,
    createdAt: note,
  },
  InfringementConnection: { edges: infringement, pageInfo: infringement, totalCount: infringement },
  InfringementEdge: { cursor: infringement, node: infringement },
  ProductConnection: { edges: product, pageInfo: product, totalCount: product },
  ProductEdge: { cursor: product, node: product },
  PageInfo: { hasNextPage: isAuthenticated, endCursor: isAuthenticated },
  ApiKey: {
    id: apiKey,
    name: apiKey,
    prefix: apiKey,
    scopes: apiKey,
    createdAt: apiKey,
    expiresAt: apiKey,
    revokedAt: apiKey,
    lastUsedAt: apiKey,
  },
  CreateApiKeyPayload: { apiKey: apiKey, secret: apiKey },
} satisfies IRules;
