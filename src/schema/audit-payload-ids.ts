import { toGlobalId } from "./global-id";
import type { NodeTypeName } from "./node-types";

// Domain services record the database ids they name in an audit event's `before` and `after`, as
// every other column of theirs is: global ids are the API's concern (DESIGN.md section 4). The API
// answers each as the global id of its type, stored events and new ones alike, so that a client
// passes it to node(id:) or any argument as it does targetId. One map for every action: a key names
// the same type wherever it is recorded. A key not listed is answered as stored, and not looked
// into (a product's specs are the member's own keys); test/api/audit-payload-ids.test.ts fails on
// an id left under one.

// `sensitive.read` lists the rows it read, of the event's target type.
const TARGET_TYPE = Symbol("the event's targetType");

// A sighting has no id field and is not a node: its id names it, and node(id:) answers null.
type IdType = NodeTypeName | "IndicatorSighting" | typeof TARGET_TYPE;

// A key's value is an id or a list of ids of its type; or, for a nested map, an object or a list
// of objects whose own keys it maps.
interface PayloadIds {
  readonly [key: string]: IdType | PayloadIds;
}

const AUDIT_PAYLOAD_IDS: PayloadIds = {
  agencyOrgId: "Organization",
  contributorOrgId: "Organization",
  organizationId: "Organization",
  userId: "User",
  sellerId: "Seller",
  listingIds: "Listing",
  infringementId: "Infringement",
  infringementIds: "Infringement",
  reopenedInfringementIds: "Infringement",
  noteId: "InfringementNote",
  takedownRequestId: "TakedownRequest",
  supersededTakedownRequestIds: "TakedownRequest",
  sightingId: "IndicatorSighting",
  ids: TARGET_TYPE,
  // catalogue.remove: each product as it was.
  products: { id: "Product" },
  // catalogue.logoClashDetail: whose logo each refused hash was near.
  clashes: { brandId: "Brand", organizationId: "Organization" },
};

const globalIdOf = (value: unknown, typeName: string): unknown => (typeof value === "string" ? toGlobalId(typeName, value) : value);

function withGlobalIds(value: unknown, ids: PayloadIds, targetType: string): unknown {
  if (Array.isArray(value)) return value.map((item) => withGlobalIds(item, ids, targetType));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => {
      const declared = Object.hasOwn(ids, key) ? ids[key] : undefined;
      if (declared === undefined) return [key, field];
      if (typeof declared === "object") return [key, withGlobalIds(field, declared, targetType)];
      const typeName = declared === TARGET_TYPE ? targetType : declared;
      return [key, Array.isArray(field) ? field.map((id) => globalIdOf(id, typeName)) : globalIdOf(field, typeName)];
    }),
  );
}

// An event's `before` or `after` as the API answers it.
export const auditPayloadWithGlobalIds = (payload: Record<string, unknown> | null, targetType: string): Record<string, unknown> | null =>
  payload && (withGlobalIds(payload, AUDIT_PAYLOAD_IDS, targetType) as Record<string, unknown>);
