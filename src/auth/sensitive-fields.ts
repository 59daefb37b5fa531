import type { GraphQLResolveInfo } from "graphql";
import type { IMiddlewareFunction } from "graphql-middleware";
import type { RequestContext } from "../context";

// Fields whose every read is audited. Listed once here; the middleware below records each read
// that the permission layer let through (it runs inside graphql-shield, so a refused read never
// reaches it), and the request's reads are written as one audit event per type at its end
// (src/api/sensitive-read-audit.plugin.ts). Evidence fields join this list when they exist.
export const SENSITIVE_FIELDS: Record<string, readonly string[]> = {
  Seller: ["registeredName", "contact", "paymentAccount"],
};

const recordRead: IMiddlewareFunction = async (resolve, root: { id?: string }, args, context: RequestContext, info: GraphQLResolveInfo) => {
  const value: unknown = await resolve(root, args, context, info);
  if (typeof root?.id === "string") context.sensitiveReads.note(info.parentType.name, info.fieldName, root.id);
  return value;
};

export const sensitiveReadMiddleware = Object.fromEntries(
  Object.entries(SENSITIVE_FIELDS).map(([type, fields]) => [type, Object.fromEntries(fields.map((field) => [field, recordRead]))]),
);
