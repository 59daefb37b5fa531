import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { listApiKeys } from "../data/api-key.queries";
import { createApiKey, revokeApiKey } from "../domain/api-keys";
import type { ApiKey } from "../entities";
import { fromGlobalId } from "../schema/global-id";
import { CreateApiKeyInput } from "../schema/inputs/create-api-key.input";
import { ApiKeyType, CreateApiKeyPayload } from "../schema/types/api-key.type";
import { authenticated } from "./authenticated";
import { loadRequired } from "./load-required";
import { NodeIdResolver } from "./node-id.resolver";

@Resolver(() => ApiKeyType)
export class ApiKeyResolver extends NodeIdResolver("ApiKey", ApiKeyType) {
  @Query(() => [ApiKeyType], { description: "Your organization's API keys (every organization's, for the platform), newest first (admins)" })
  apiKeys(@Ctx() context: RequestContext) {
    const { dataSource, viewer } = authenticated(context);
    return listApiKeys(dataSource.manager, viewer);
  }

  @Mutation(() => CreateApiKeyPayload, { description: "Create a key; its secret is in the answer and never again" })
  createApiKey(@Arg("input", () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() context: RequestContext) {
    const { dataSource, viewer } = authenticated(context);
    return createApiKey(dataSource, viewer, input);
  }

  @Mutation(() => ApiKeyType, { description: "Stop a key from working, at once (the platform: any organization's, after a leak)" })
  revokeApiKey(@Arg("id", () => ID) id: string, @Ctx() context: RequestContext) {
    const { dataSource, viewer } = authenticated(context);
    return revokeApiKey(dataSource, viewer, fromGlobalId(id, "ApiKey"));
  }

  @FieldResolver()
  organization(@Root() apiKey: ApiKey, @Ctx() context: RequestContext) {
    return loadRequired(authenticated(context).loaders.organization, apiKey.ownerOrgId);
  }
}
