import type { DataSource } from "typeorm";
import type { TokenService } from "../auth/jwt";
import { inTransactionEndingOwnTokens } from "../auth/live-credential";
import { checkPassword, type SignInChecks } from "../auth/login";
import { checkNewPassword, hashPassword } from "../auth/password";
import { checkPasswordStrength } from "../auth/password-strength";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { User } from "../entities";
import { badInput, forbidden } from "../errors";
import { recordAudit } from "./audit";

// A signed-in user's own account. Both changes end every token the account was issued before
// them (tokens_valid_from, as enabling an account does): a password that leaked, or a token that
// was stolen, stops working everywhere at once.

function userOf(viewer: Viewer): string {
  if (viewer.principal !== "USER") throw forbidden("This is a signed-in user's own account: an API key has none");
  return viewer.principalId;
}

// The current password proves it is the account's owner, not whoever holds one of its tokens; a
// wrong one counts as a failed sign-in of the address. Answers a new token: the one the request
// came with stops working, as do all others.
export async function changeOwnPassword(
  dataSource: DataSource,
  deps: SignInChecks & { tokens: TokenService },
  viewer: Viewer,
  input: { currentPassword: string; newPassword: string },
): Promise<{ token: string; expiresAt: Date }> {
  const userId = userOf(viewer);
  checkNewPassword(input.newPassword);
  if (input.newPassword === input.currentPassword) throw badInput("The new password is the current one; choose another");
  const { email, displayName } = await scopedQuery(dataSource.manager, viewer, User, "u").andWhere("u.id = :userId", { userId }).getOneOrFail();
  await checkPassword(dataSource.manager, deps, email, input.currentPassword, () =>
    badInput("The current password is wrong (counted as a failed sign-in of your address)"),
  );
  await checkPasswordStrength(input.newPassword, [email, displayName]);
  const passwordHash = await hashPassword(input.newPassword);
  await inTransactionEndingOwnTokens(dataSource, viewer, async (manager) => {
    await manager.update(User, { id: userId }, { passwordHash, tokensValidFrom: new Date() });
    await recordAudit(manager, viewer, { action: "user.password.change", targetType: "User", targetId: userId });
  });
  return deps.tokens.sign({ userId, orgId: viewer.orgId });
}

// Every token of the account stops working, the request's own too: sign in again after.
export async function signOutEverywhere(dataSource: DataSource, viewer: Viewer): Promise<Date> {
  const userId = userOf(viewer);
  const at = new Date();
  await inTransactionEndingOwnTokens(dataSource, viewer, async (manager) => {
    await manager.update(User, { id: userId }, { tokensValidFrom: at });
    await recordAudit(manager, viewer, { action: "user.sign-out-everywhere", targetType: "User", targetId: userId });
  });
  return at;
}
