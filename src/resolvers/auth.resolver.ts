import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { DateTimeResolver } from "../schema/scalars/dates";
import { login } from "../auth/login";
import { changeOwnPassword, signOutEverywhere } from "../domain/own-account";
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

  @Mutation(() => LoginPayload, {
    description:
      "Set a new password for your own account (users, not API keys). Every token issued before, this request's too, stops working: the answer is a new token",
  })
  changePassword(
    @Arg("currentPassword", () => String, {
      description: "Your password now; a wrong one is BAD_USER_INPUT and counts as a failed sign-in of your address (LOGIN_MAX_FAILURES)",
    })
    currentPassword: string,
    @Arg("newPassword", () => String, { description: "12 to 200 characters, not only spaces, and not the current one" }) newPassword: string,
    @Ctx() context: RequestContext,
  ) {
    const { viewer } = authenticated(context);
    const { dataSource, tokens, intelHasher, config } = context;
    return changeOwnPassword(dataSource, { tokens, hasher: intelHasher, throttle: config.login, client: context.clientAddress }, viewer, {
      currentPassword,
      newPassword,
    });
  }

  @Mutation(() => DateTimeResolver, {
    description: "End every token of your own account, this request's too (users, not API keys); sign in again after. Answers the moment from which tokens count",
  })
  signOutEverywhere(@Ctx() context: RequestContext) {
    return signOutEverywhere(context.dataSource, authenticated(context).viewer);
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
