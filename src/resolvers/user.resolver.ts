import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../context";
import { listUsers } from "../data/user.queries";
import { changeUserRole, disableUser, enableUser } from "../domain/users";
import { fromGlobalId } from "../schema/global-id";
import { UserType } from "../schema/types/user.type";
import { UserRole } from "../entities/enums";
import { authenticated } from "./authenticated";
import { NodeIdResolver } from "./node-id.resolver";

@Resolver(() => UserType)
export class UserResolver extends NodeIdResolver("User", UserType) {
  @Query(() => [UserType], { description: "Your organization's users, oldest first (admins)" })
  users(@Ctx() context: RequestContext) {
    const { dataSource, viewer } = authenticated(context);
    return listUsers(dataSource.manager, viewer);
  }

  @Mutation(() => UserType, {
    description:
      "Stop an account of your organization from signing in, and its tokens from working, at once; disabling it again answers it as it is (admins)",
  })
  disableUser(
    @Arg("id", () => ID, {
      description: "A user of your organization other than yourself (yourself: BAD_USER_INPUT); another organization's answers NOT_FOUND",
    })
    id: string,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return disableUser(dataSource, viewer, fromGlobalId(id, "User"));
  }

  @Mutation(() => UserType, { description: "Give a user of your organization another role, from its next request (admins)" })
  changeUserRole(
    @Arg("id", () => ID, { description: "A user of your organization; another organization's answers NOT_FOUND" }) id: string,
    @Arg("role", () => UserRole, {
      description: "A role your organization's kind has, other than the user's own; the last enabled admin keeps ADMIN (BAD_USER_INPUT)",
    })
    role: UserRole,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return changeUserRole(dataSource, viewer, { id: fromGlobalId(id, "User"), role });
  }

  @Mutation(() => UserType, {
    description: "Let a disabled account of your organization sign in again; tokens issued before stay dead (admins)",
  })
  enableUser(
    @Arg("id", () => ID, { description: "A user of your organization; another organization's answers NOT_FOUND, an enabled one BAD_USER_INPUT" })
    id: string,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return enableUser(dataSource, viewer, fromGlobalId(id, "User"));
  }
}
