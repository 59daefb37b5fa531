import type { ApolloServerPlugin } from "@apollo/server";
import { readFromReplicas } from "../db/read-routing";
import type { RequestContext } from "../context";

// Sends a query operation's reads to the database's replicas, if it has any (src/db/read-routing.ts);
// a mutation's stay on the primary, so that its answer shows what it wrote.
export function readRoutingPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === "query") readFromReplicas();
        },
      };
    },
  };
}
