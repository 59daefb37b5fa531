import { unauthenticated } from "../errors";
import type { AuthenticatedContext, RequestContext } from "../context";

// graphql-shield refuses anonymous requests before any resolver but login runs; this narrows the
// type, and fails closed should a rule ever be missing.
export function authenticated(context: RequestContext): AuthenticatedContext {
  if (!context.viewer || !context.loaders) throw unauthenticated();
  return context as AuthenticatedContext;
}
