// Other members' private facts that a risk score counts (the intelligence they hold, the cases
// they confirmed against a store) count only in a crowd, so that no one member's shows in a
// score another member reads. A brand's own case is read by its owner alone: there, other members
// count from k. A store's own score, made from its listings' own scores, is read by every brand
// with a case against it, and such a brand may be one of the members counted, for whom the others
// are one fewer: there they count from k + 1, so that whichever member reads it, at least k others
// remain.
// ownerOrgId: the organization the score is for; null for a listing's or a store's own score.
export const crowdFloor = (ownerOrgId: string | null, k: number) => (ownerOrgId === null ? k + 1 : k);

// How many members other than the owner a score may count, of those given: all of them in a
// crowd, none below it.
export function othersCounted(memberOrgIds: Iterable<string>, ownerOrgId: string | null, k: number): number {
  let others = 0;
  for (const orgId of memberOrgIds) if (orgId !== ownerOrgId) others++;
  return others >= crowdFloor(ownerOrgId, k) ? others : 0;
}
