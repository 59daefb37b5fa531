import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { listApiKeys } from "../data/api-key.queries";
import { createApiKey, revokeApiKey } from "../domain/api-keys";
import type { ApiKey } from "../entities";
import { SortDirection } from "../schema/enums";
import { fromGlobalId } from "../schema/global-id";
import { ApiKeyFilter } from "../schema/inputs/api-key-filter.input";
import { CreateApiKeyInput } from "../schema/inputs/create-api-key.input";
import { PaginationArgs } from "../schema/inputs/pagination.args";
import { ApiKeyType, CreateApiKeyPayload } from "../schema/types/api-key.type";
import { ApiKeyConnection } from "../schema/types/connections";
import { authenticated } from "./authenticated";
import { loadRequired } from "./load-required";
import { NodeIdResolver } from "./node-id.resolver";

@Resolver(() => ApiKeyType)
export class ApiKeyResolver extends NodeIdResolver("ApiKey", ApiKeyType) {
  @Query(() => ApiKeyConnection, {
    description:
      "Your organization's API keys (every organization's, for the platform), those not revoked unless `filter.includeRevoked`; newest first unless `direction: ASC` (admins)",
  })
  apiKeys(
    @Args(() => PaginationArgs) page: PaginationArgs,
    @Arg("filter", () => ApiKeyFilter, {
      nullable: true,
      description: "Narrows the list; without it, every key you may see that is not revoked",
    })
    filter: ApiKeyFilter | null,
    @Arg("direction", () => SortDirection, {
      defaultValue: SortDirection.DESC,
      description: "By creation time: DESC (the default) newest first, ASC oldest first",
    })
    direction: SortDirection,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer, config } = authenticated(context);
    return listApiKeys(
      dataSource.manager,
      viewer,
      {
        organizationIds: filter?.organizationIds?.map((id) => fromGlobalId(id, "Organization")),
        createdByUserIds: filter?.createdByUserIds?.map((id) => fromGlobalId(id, "User")),
        includeRevoked: filter?.includeRevoked ?? false,
      },
      direction,
      { ...page, maxPageSize: config.limits.maxPageSize },
    );
  }

  @Mutation(() => CreateApiKeyPayload, {
    description: "Create a key of your organization; its secret is in the answer and never again (organization admins)",
  })
  createApiKey(
    @Arg("input", () => CreateApiKeyInput, {
      description: "BAD_USER_INPUT for a scope your organization's kind may not hold, or a write scope without its read scope",
    })
    input: CreateApiKeyInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return createApiKey(dataSource, viewer, input);
  }

  @Mutation(() => ApiKeyType, {
    description:
      "Stop a key from working, at once; revoking it again answers it as it is (organization admins; the platform's: any organization's, after a leak)",
  })
  revokeApiKey(
    @Arg("id", () => ID, { description: "A key of your organization (any organization's, for the platform); NOT_FOUND otherwise" })
    id: string,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return revokeApiKey(dataSource, viewer, fromGlobalId(id, "ApiKey"));
  }

  @FieldResolver()
  organization(@Root() apiKey: ApiKey, @Ctx() context: RequestContext) {
    return loadRequired(authenticated(context).loaders.organization, apiKey.ownerOrgId);
  }

  @FieldResolver()
  createdBy(@Root() apiKey: ApiKey, @Ctx() context: RequestContext) {
    return apiKey.createdByUserId ? loadRequired(authenticated(context).loaders.user, apiKey.createdByUserId) : null;
  }
}
