import type { ApolloServerPlugin } from "@apollo/server";
import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import type { DocumentNode } from "graphql";
import type { RequestContext } from "../context";

// Parsed and validated documents, kept apart by organization. Apollo's own cache (documentStore)
// is keyed by the query text alone: a text that another tenant had sent skipped parsing and
// validation, and the time of the answer told a member whether anyone had sent, say, a listing id
// or a blind-match value written into the text. Apollo gives a documentStore the text's hash and
// never the request, and parses and validates any document not yet set once the source is known
// (didResolveSource): the server turns its store off, and this sets the organization's document.
//
// One bound for every organization (Apollo's default: 30 MiB as it sizes a document, by its JSON),
// so memory is what it was however many organizations send documents. A request with no viewer
// (login, accepting an invitation) is parsed every time: any two such senders are strangers.
export function organizationDocumentsPlugin(): ApolloServerPlugin<RequestContext> {
  const documents = new InMemoryLRUCache<DocumentNode>();
  return {
    async requestDidStart({ contextValue }) {
      const orgId = contextValue.viewer?.orgId;
      if (!orgId) return;
      const keyOf = (queryHash: string) => `${orgId}:${queryHash}`;
      return {
        async didResolveSource(requestContext) {
          // Its type has the document read-only: plugins are not meant to set it, but Apollo's
          // pipeline reads it after this hook, as it reads its own store's.
          (requestContext as { document?: DocumentNode }).document = await documents.get(keyOf(requestContext.queryHash));
        },
        async validationDidStart({ queryHash, document }) {
          return async (errors) => {
            if (!errors) await documents.set(keyOf(queryHash), document);
          };
        },
      };
    },
  };
}
