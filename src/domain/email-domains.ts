import type { DataSource } from "typeorm";
import type { Viewer } from "../auth/viewer";
import { normalizedEmail } from "../auth/email-address";
import { Organization } from "../entities";
import { badInput } from "../errors";
import { inTransactionAs } from "../auth/live-credential";
import { recordAudit } from "./audit";
import { lockVisibleRow } from "./locked-row";

// The domains an organization's admins may invite addresses at (Organization.emailDomains).

const MAX_DOMAINS = 20;
// Lower-case labels of letters, digits and inner hyphens, at least two of them (an internationalized
// domain in its xn-- form).
const DOMAIN = /^(?=.{3,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export const isEmailDomain = (domain: string): boolean => DOMAIN.test(domain);

export const domainOf = (normalizedEmail: string): string => normalizedEmail.slice(normalizedEmail.lastIndexOf("@") + 1);

// ASCII only (an internationalized domain in its xn-- form): a look-alike letter from another
// script (a Cyrillic а in "аdmin@") would make an account that reads as a colleague's. The local
// part is RFC 5321's dot-atom, of at most 64 characters, and the domain one setEmailDomains takes
// (an address at a domain no organization could be given would be a member without its domains).
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const isEmail = (email: string) => {
  const at = email.lastIndexOf("@");
  const local = email.slice(0, at);
  return at > 0 && local.length <= 64 && email.length <= 254 && LOCAL_PART.test(local) && isEmailDomain(email.slice(at + 1));
};

// An invited address, as every address compares (normalizedEmail).
export function checkEmailAddress(value: string): string {
  const email = normalizedEmail(value);
  if (!isEmail(email)) {
    throw badInput(`"${value.slice(0, 100)}" is not an email address (in ASCII letters; an internationalized domain in its xn-- form)`);
  }
  return email;
}

function checkEmailDomains(values: readonly string[]): string[] {
  const domains = [...new Set(values.map((value) => value.trim().toLowerCase().replace(/^@/, "")))].sort();
  if (domains.length < 1 || domains.length > MAX_DOMAINS) throw badInput(`Give 1 to ${MAX_DOMAINS} email domains`);
  const bad = domains.filter((domain) => !isEmailDomain(domain));
  if (bad.length) throw badInput(`Not email domains (as example.com, xn-- form for other scripts): ${bad.map((d) => JSON.stringify(d.slice(0, 100))).join(", ")}`);
  return domains;
}

// An address an admin of `org` may invite; refused naming the organization's own domains only.
export function checkInvitableAddress(org: Organization, email: string): void {
  if (org.emailDomains.includes(domainOf(email))) return;
  throw badInput(
    org.emailDomains.length
      ? `Invite addresses at your organization's email domains (${org.emailDomains.join(", ")}); the platform adds others`
      : "Your organization has no email domains yet; the platform sets them",
    { allowedDomains: org.emailDomains },
  );
}

// The platform sets a member's domains; invitations already made stay valid.
export async function setEmailDomains(
  dataSource: DataSource,
  viewer: Viewer,
  input: { organizationId: string; domains: readonly string[] },
): Promise<Organization> {
  const domains = checkEmailDomains(input.domains);
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const org = await lockVisibleRow(manager, viewer, Organization, input.organizationId, "Organization");
    await manager.update(Organization, { id: org.id }, { emailDomains: domains });
    await recordAudit(manager, viewer, {
      action: "organization.emailDomains",
      targetType: "Organization",
      targetId: org.id,
      before: { emailDomains: org.emailDomains },
      after: { emailDomains: domains },
    });
    return Object.assign(org, { emailDomains: domains });
  });
}
