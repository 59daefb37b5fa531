import type { ApolloArmor } from "@escape.tech/graphql-armor";
import { BREAK, GRAPHQL_MAX_INT, Kind, visit, type DocumentNode, type GraphQLError, type ValidationContext } from "graphql";
import type { Config } from "../config";
import { badInput } from "../errors";
import { asGraphQLError } from "./graphql-error";

// graphql-armor's limits on a query's shape. Its own refusals read "Syntax Error: Query Cost limit
// of 20000 exceeded, found 28415.625.", which is no syntax error and says nothing of what to
// change: each is reported instead as a BAD_USER_INPUT that names its limit and what to do.
const reportedAs =
  (limit: string, value: number, advice: string) =>
  (context: ValidationContext | null, error: GraphQLError) => {
    const found = /found (\d+(?:\.\d+)?)/.exec(error.message)?.[1];
    const over = found === undefined ? "" : `, found ${Math.ceil(Number(found))}`;
    context?.reportError(asGraphQLError(badInput(`The query is over the ${limit} limit of ${value}${over}: ${advice}`, { limit, max: value })));
  };

// graphql-armor counts a list `first` (or `last`) times over, reading the literal as written. One
// beyond Int's range is no Int, which graphql-js's own rules tell the client; a cost counted from
// it would come first and send them off to ask for fewer rows, when the number is not one the API
// takes at all. (A variable is not read for the cost, and graphql-js refuses it alone.)
function pageSizeBeyondInt(document: DocumentNode): boolean {
  let beyond = false;
  visit(document, {
    Argument(node) {
      if ((node.name.value === "first" || node.name.value === "last") && node.value.kind === Kind.INT && Number(node.value.value) > GRAPHQL_MAX_INT) {
        beyond = true;
        return BREAK;
      }
    },
  });
  return beyond;
}

// graphql-js's own refusal of a document over MAX_QUERY_TOKENS ("Syntax Error: Document contains
// more that 2000 tokens. Parsing aborted."), in the words and the extensions of the other limits.
const TOKEN_LIMIT = /Document contains more tha[nt] (\d+) tokens/;
export function tokenLimitRefusal(message: string): { message: string; limit: "tokens"; max: number } | null {
  const max = TOKEN_LIMIT.exec(message)?.[1];
  if (max === undefined) return null;
  return {
    message: `The query is over the tokens limit of ${max} (MAX_QUERY_TOKENS): send a shorter document, or split it into several requests`,
    limit: "tokens",
    max: Number(max),
  };
}

export function queryLimits(limits: Config["limits"]): NonNullable<ConstructorParameters<typeof ApolloArmor>[0]> {
  const rejected = (limit: string, value: number, advice: string) => ({
    propagateOnRejection: false,
    onReject: [reportedAs(limit, value, advice)],
  });
  return {
    maxDepth: { n: limits.maxDepth, ...rejected("depth", limits.maxDepth, "nest fewer levels, or read the nested records in a second request") },
    maxAliases: { n: limits.maxAliases, ...rejected("aliases", limits.maxAliases, "send fewer aliased fields in one request") },
    costLimit: {
      maxCost: limits.maxCost,
      propagateOnRejection: false,
      onReject: [
        (context: ValidationContext | null, error: GraphQLError) => {
          if (context && pageSizeBeyondInt(context.getDocument())) return;
          reportedAs("cost", limits.maxCost, "ask for fewer rows (`first` or `last`) or fewer nested lists, or split it into several requests")(context, error);
        },
      ],
    },
    // graphql-armor's token limit re-parses in a plugin hook, which turns every syntax error into a
    // 500; graphql-js enforces the same limit while parsing (server.ts, parseOptions).
    maxTokens: { enabled: false },
    maxDirectives: { n: 20, ...rejected("directives", 20, "use fewer directives") },
    // Its mask hid graphql-js's suggestions from everyone, signed in or not, and left a stray "?";
    // they are hidden from anonymous requests only (src/auth/schema-introspection.ts).
    blockFieldSuggestion: { enabled: false },
  };
}
