import { OrgStatus } from "../entities/enums";
import { conflict, unauthenticated, type ApiError } from "../errors";

export const disabledAccount = () => unauthenticated("This account is disabled; ask your organization's admin");

export const staleToken = () =>
  unauthenticated(
    "This token was issued before its account's tokens were ended (the account disabled, its password changed, or signed out everywhere) or its organization suspended; sign in again (send login without it)",
  );

// Sent again, the request is judged by the new role's rules (live-credential.ts).
export const roleChanged = () => conflict("Your role changed while this request ran, so it changed nothing; send it again");

// The one answer for a key that is unknown, expired or revoked.
export const deadApiKey = () => unauthenticated("Invalid, expired or revoked API key");

// Why someone who proved who they are (the right password, or a token this API signed) may not
// act now. Told to them alone, as the account's owner: "invalid password" or "invalid token"
// would send them off to reset what is not wrong.
export function standingRefusal(account: { disabled: boolean; orgStatus: OrgStatus }): ApiError | null {
  if (account.disabled) return disabledAccount();
  if (account.orgStatus !== OrgStatus.ACTIVE) {
    return unauthenticated("Your organization's membership is suspended; the platform's governance team can reinstate it");
  }
  return null;
}
