import type { DataSource } from "typeorm";
import type { Viewer } from "../auth/viewer";
import { GovernanceRule } from "../entities";
import { ApiError, badInput, ErrorCode } from "../errors";
import { recordAudit } from "./audit";
import { lockKey } from "../db/advisory-lock";
import { inTransactionAs } from "../auth/live-credential";
import { requiredText } from "./validation";

const CODE = /^[A-Z][A-Z0-9-]{1,39}$/;
// Room for the publisher's clock: a version dated a little before the server's now is taken as now.
const BACKDATING_SLACK_MS = 5 * 60_000;
// A version may be announced up to a year ahead. Every later version must take effect no earlier,
// so a date mistyped years ahead would hold the rule until then.
const MAX_SCHEDULE_MS = 366 * 86_400_000;
const MAX_TITLE_LENGTH = 200;
const MAX_BODY_LENGTH = 50_000;

export function checkRuleCode(value: string): string {
  const code = value.trim().toUpperCase();
  if (!CODE.test(code)) {
    throw badInput(`A rule code is 2 to 40 letters, digits or dashes, starting with a letter (e.g. "TAKEDOWN-SLA"; read in capitals)`);
  }
  return code;
}

// Rules are the platform's and every member's alike, so a missing one may be named.
export const noRuleWithCode = (code: string) => new ApiError(ErrorCode.NOT_FOUND, `No governance rule has the code ${code}`);

// A rule's current version is the highest one in effect (effective_at <= now()). A rule none of
// whose versions is in effect yet answers with its first version, effectiveAt in the future: a
// member reads a rule announced ahead of time, and gives feedback on it, before it binds them.
// As an SQL condition: whether the governance_rule row `alias` is its code's current version.
// The ordering puts versions in effect first, highest first, then upcoming ones, lowest first.
export const isCurrentRuleVersion = (alias: string) =>
  `${alias}.id = (SELECT v.id FROM governance_rule v WHERE v.code = ${alias}.code
     ORDER BY CASE WHEN v.effective_at <= now() THEN v.version ELSE -v.version END DESC LIMIT 1)`;

// Publishing a code again adds the next version; earlier versions stay as they were.
export async function publishGovernanceRule(
  dataSource: DataSource,
  viewer: Viewer,
  input: { code: string; title: string; body: string; effectiveAt?: Date | null },
): Promise<GovernanceRule> {
  const code = checkRuleCode(input.code);
  const title = requiredText(input.title, "title", MAX_TITLE_LENGTH);
  const body = requiredText(input.body, "body", MAX_BODY_LENGTH);
  return inTransactionAs(dataSource, viewer, async (manager) => {
    // Two publications of one code must not both pick the same next version.
    await lockKey(manager, "governance_rule", code);
    const [latest]: { version: number; effective_at: Date; title: string; body: string }[] = await manager.query(
      `SELECT version, effective_at, title, body FROM governance_rule WHERE code = $1 ORDER BY version DESC LIMIT 1`,
      [code],
    );
    const now = new Date();
    // Members read a rule and answer it from when it is published: a version in force before then
    // would have bound them unread, and moved their earlier feedback to a superseded version.
    if (input.effectiveAt && input.effectiveAt.getTime() < now.getTime() - BACKDATING_SLACK_MS) {
      throw badInput(`\`effectiveAt\` ${input.effectiveAt.toISOString()} is in the past: a version takes effect when it is published or later`);
    }
    if (input.effectiveAt && input.effectiveAt.getTime() > now.getTime() + MAX_SCHEDULE_MS) {
      throw badInput(`\`effectiveAt\` ${input.effectiveAt.toISOString()} is more than a year ahead: announce a version at most a year before it takes effect`);
    }
    // A publication sent again (a retry) must not add a version that changes nothing.
    if (latest && latest.title === title && latest.body === body) {
      throw new ApiError(ErrorCode.CONFLICT, `Version ${latest.version} of ${code} has this title and text already`);
    }
    const effectiveAt = input.effectiveAt && input.effectiveAt > now ? input.effectiveAt : now;
    // The rule in force is the latest version in effect: one taking effect before its predecessor
    // would be in force, then be replaced by the older text.
    if (latest && effectiveAt < latest.effective_at) {
      throw badInput(
        `Version ${latest.version} of ${code} takes effect at ${latest.effective_at.toISOString()}: a new version must take effect then or later`,
      );
    }
    const rule = await manager.save(
      manager.create(GovernanceRule, {
        code,
        version: (latest?.version ?? 0) + 1,
        title,
        body,
        effectiveAt,
        publishedByUserId: viewer.principalId,
      }),
    );
    await recordAudit(manager, viewer, {
      action: "governanceRule.publish",
      targetType: "GovernanceRule",
      targetId: rule.id,
      after: { code, version: rule.version, title, effectiveAt: rule.effectiveAt },
    });
    return rule;
  });
}
