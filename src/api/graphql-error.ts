import { GraphQLError } from "graphql";

// The API's errors (src/errors.ts) are plain errors with extensions. Where graphql-js or Apollo must
// be handed a GraphQLError itself (a validation rule's report; the context function, whose other
// errors Apollo words "Context creation failed: ..."), it gets one carrying the same message and
// extensions.
export const asGraphQLError = (error: Error): GraphQLError =>
  error instanceof GraphQLError ? error : new GraphQLError(error.message, { originalError: error });
