import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { login } from "../auth/login";
import type { RequestContext } from "../context";
import { PrincipalKind } from "../schema/enums";
import { LoginPayload, ViewerType } from "../schema/types/viewer.type";
import { authenticated } from "./authenticated";
import { loadRequired } from "./load-required";

@Resolver()
export class AuthResolver {
  @Mutation(() => LoginPayload, { description: "Exchange an email and password for a token" })
  login(
    @Arg("email", () => String, { description: "The account's email; case and surrounding spaces do not count" }) email: string,
    @Arg("password", () => String, {
      description:
        "A wrong email or password gets UNAUTHENTICATED, as does the right one of a disabled user or a suspended member (told which); after " +
        "LOGIN_MAX_FAILURES (10 by default) failures of one address within LOGIN_FAILURE_WINDOW_SECONDS (15 minutes by default), RATE_LIMITED until the window ends",
    })
    password: string,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, tokens, intelHasher, config } = context;
    return login(dataSource.manager, { tokens, hasher: intelHasher, throttle: config.login, client: context.clientAddress }, email, password);
  }

  @Query(() => ViewerType, { description: "Who is asking" })
  async viewer(@Ctx() context: RequestContext): Promise<ViewerType> {
    const { viewer, loaders } = authenticated(context);
    const organization = await loadRequired(loaders.organization, viewer.orgId);
    const common = { role: viewer.role, scopes: [...viewer.scopes], organization };
    if (viewer.principal === "USER") {
      const user = await loadRequired(loaders.user, viewer.principalId);
      return { ...common, principal: PrincipalKind.USER, email: user.email, name: user.displayName };
    }
    const apiKey = await loadRequired(loaders.apiKey, viewer.principalId);
    return { ...common, principal: PrincipalKind.API_KEY, email: null, name: apiKey.name };
  }
}
