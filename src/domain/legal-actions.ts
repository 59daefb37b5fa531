import type { DataSource } from "typeorm";
import { isOwn, ownRows } from "../auth/ownership";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { LegalAction, Seller } from "../entities";
import { LegalActionStatus as L } from "../entities/enums";
import { badInput, conflict, forbidden, notFound } from "../errors";
import { actorOf } from "./actor";
import { recordAudit } from "./audit";
import { checkMoney, checkPastLocalDate, checkReference, optionalText, requiredText, type MoneyValue } from "./validation";
import { lockKey } from "../db/advisory-lock";
import { inTransactionAs } from "../auth/live-credential";
import { lockVisibleRow } from "./locked-row";

const caseNumberOf = (value: string | null | undefined) => checkReference(optionalText(value, "caseNumber", 100), "caseNumber");
const spacedAlike = (sql: string) => `regexp_replace(lower(${sql}), '\\s+', ' ', 'g')`;

// FILED -> IN_PROGRESS -> a judgment, a settlement or a withdrawal; a case may also settle, be
// withdrawn or be decided straight from FILED. The outcomes are final.
const OUTCOMES: readonly L[] = [L.JUDGMENT_FOR_PLAINTIFF, L.JUDGMENT_FOR_DEFENDANT, L.SETTLED, L.WITHDRAWN];
const NEXT: Record<L, readonly L[]> = {
  [L.FILED]: [L.IN_PROGRESS, ...OUTCOMES],
  [L.IN_PROGRESS]: OUTCOMES,
  [L.JUDGMENT_FOR_PLAINTIFF]: [],
  [L.JUDGMENT_FOR_DEFENDANT]: [],
  [L.SETTLED]: [],
  [L.WITHDRAWN]: [],
};

// The plaintiff is the viewer's organization (the platform, or a brand), against a seller it can
// reach: a brand only a seller of its own infringements.
export async function fileLegalAction(
  dataSource: DataSource,
  viewer: Viewer,
  input: { sellerId: string; court: string; caseNumber?: string | null; claim: MoneyValue; filedOn: string },
): Promise<LegalAction> {
  // Compared with the open lawsuits' courts, its spacing aside, to refuse one filed twice: but for
  // its spacing (tabs and line breaks included), it must read as it compares.
  const court = requiredText(input.court, "court", 300);
  checkReference(court.replace(/\s/g, " "), "court");
  const caseNumber = caseNumberOf(input.caseNumber);
  const claim = checkMoney(input.claim, "claim", { allowZero: false });
  const filedOn = checkPastLocalDate(input.filedOn, "filedOn");
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const seller = await scopedQuery(manager, viewer, Seller, "seller").andWhere("seller.id = :id", { id: input.sellerId }).getOne();
    if (!seller) throw notFound("Seller");
    // The same filing sent again (a retry) would be a second lawsuit; two sent at once take turns.
    await lockKey(manager, "legal_action", viewer.orgId, seller.id);
    const filed = await ownRows(manager, viewer, LegalAction, "la")
      .andWhere("la.seller_id = :sellerId AND la.filed_on = :filedOn AND la.claim_minor = :claim AND la.currency = :currency", {
        sellerId: seller.id,
        filedOn,
        claim: claim.amountMinor,
        currency: claim.currency,
      })
      // The same court however its name was cased or spaced.
      .andWhere(`${spacedAlike("la.court")} = ${spacedAlike(":court")} AND la.status = ANY(:open)`, { court, open: [L.FILED, L.IN_PROGRESS] })
      .getOne();
    if (filed) {
      throw conflict(`Your organization recorded this action already (${filed.status}, on ${filed.createdAt.toISOString()}): the same store, court, filing date and claim`);
    }
    const actor = actorOf(viewer);
    const action = await manager.save(
      manager.create(LegalAction, {
        ownerOrgId: viewer.orgId,
        sellerId: seller.id,
        court,
        caseNumber,
        claimMinor: claim.amountMinor,
        currency: claim.currency,
        filedOn,
        status: L.FILED,
        judgmentMinor: null,
        createdByUserId: actor.userId,
        createdByApiKeyId: actor.apiKeyId,
      }),
    );
    await recordAudit(manager, viewer, {
      action: "legalAction.file",
      targetType: "LegalAction",
      targetId: action.id,
      after: { sellerId: seller.id, court, claim, filedOn, status: action.status },
    });
    return action;
  });
}

export async function updateLegalAction(
  dataSource: DataSource,
  viewer: Viewer,
  input: { id: string; status?: L | null; judgment?: MoneyValue | null; caseNumber?: string | null },
): Promise<LegalAction> {
  // A court gives its case number after the filing, often: it may be recorded on its own. Left
  // out it stays; null (or blank, as in a filing) clears one entered in error.
  const caseNumber = input.caseNumber === undefined ? undefined : caseNumberOf(input.caseNumber);
  // A judgment sent alone is told why it is not recorded, not only that nothing was given.
  const judgment = input.judgment ? checkMoney(input.judgment, "judgment", { allowZero: false }) : null;
  if (judgment && input.status !== L.JUDGMENT_FOR_PLAINTIFF && input.status !== L.SETTLED) {
    throw badInput("`judgment` is recorded only with `status` JUDGMENT_FOR_PLAINTIFF or SETTLED");
  }
  if (!input.status && caseNumber === undefined) throw badInput("Give the new `status`, or the `caseNumber`, or both");
  if (input.status === L.JUDGMENT_FOR_PLAINTIFF && !judgment) throw badInput("JUDGMENT_FOR_PLAINTIFF needs the `judgment` amount");
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const action = await lockVisibleRow(manager, viewer, LegalAction, input.id, "LegalAction");
    if (!isOwn(viewer, action)) throw forbidden("Only the plaintiff updates a legal action");
    const allowed = NEXT[action.status];
    if (input.status && !allowed.includes(input.status)) {
      throw badInput(
        `Cannot move a legal action from ${action.status} to ${input.status}; allowed next states: ${allowed.join(", ") || "none (it is decided)"}`,
        { allowedStatuses: allowed },
      );
    }
    if (judgment && judgment.currency !== action.currency) {
      throw badInput(`\`judgment.currency\` must be the claim's currency, ${action.currency}`);
    }
    const changes = {
      status: input.status ?? action.status,
      judgmentMinor: input.status ? (judgment?.amountMinor ?? null) : action.judgmentMinor,
      caseNumber: caseNumber === undefined ? action.caseNumber : caseNumber,
      updatedAt: new Date(),
    };
    await manager.update(LegalAction, { id: action.id }, changes);
    await recordAudit(manager, viewer, {
      action: "legalAction.update",
      targetType: "LegalAction",
      targetId: action.id,
      before: { status: action.status, judgmentMinor: action.judgmentMinor, caseNumber: action.caseNumber },
      after: { status: changes.status, judgmentMinor: changes.judgmentMinor, caseNumber: changes.caseNumber },
    });
    return Object.assign(action, changes);
  });
}
