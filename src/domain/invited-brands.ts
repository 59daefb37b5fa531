import type { EntityManager } from "typeorm";
import type { InvitedBrand } from "../entities/invitation.entity";
import { badInput } from "../errors";
import { BrandMatcher, type BrandNames } from "../matching/brand-matcher";
import { foldText } from "../matching/text-normalization";
import { checkName, MAX_NAME_LENGTH } from "./validation";
import { pendingInvitation } from "./pending-invitation";

// The brands a member invitation brings: their names and aliases are what the risk model matches
// listings by, and every listing a brand matches becomes a case its owner reads. A name or alias
// that reads as another brand's would hand the new member that brand's cases (listings, sellers,
// signals), and the other way round.

const MAX_BRANDS_PER_INVITATION = 10;
const MAX_ALIASES = 20;

// A name or alias is something the matcher can look for: not blank once folded (an invisible
// character alone folds to nothing), and not too long. Nor what every brand's listings hold: a
// lone letter ("X", or "AA", which folds to "a" as "AAA" does) or a number ("11", which "1:1"
// folds to, and which the matcher would look for anywhere in a title) would make every listing
// holding it this brand's case, another brand's fakes included.
const MIN_FOLDED_LENGTH = 2;
const LETTER = /\p{L}/u;

// Kept as any name is (checkName: its compatible form, no invisible, control or text-direction
// characters), so that it reads as it is matched.
function checkBrandName(value: string, what: string): string {
  const name = checkName(value, what);
  const folded = foldText(name).joined;
  if (!folded) throw badInput(`${what} must be 1 to ${MAX_NAME_LENGTH} characters, with letters or characters in any script`);
  if (folded.length < MIN_FOLDED_LENGTH || !LETTER.test(folded)) {
    throw badInput(`${what} ${JSON.stringify(name)} reads as "${folded}", which every brand's listings may hold: a name is two characters or more once folded, a letter among them`);
  }
  return name;
}

// Nor a word sellers of fakes use ("replica", "高仿": the risk model's counterfeit vocabulary),
// which would be found in every brand's fakes: refused where the term alone reads as the name.
function checkNotVocabulary(name: string, what: string, counterfeitTerms: readonly string[]): string {
  const matcher = new BrandMatcher([{ brandId: name, name, aliases: [] }]);
  const term = counterfeitTerms.find((text) => matcher.match(text).length);
  if (term !== undefined) {
    throw badInput(`${what} ${JSON.stringify(name)} reads in "${term}", a word sellers of fakes use: every brand's fakes would be its cases`);
  }
  return name;
}

const checkMatchableName = (value: string, what: string, counterfeitTerms: readonly string[]) =>
  checkNotVocabulary(checkBrandName(value, what), what, counterfeitTerms);

export function checkInvitedBrands(brands: InvitedBrand[], counterfeitTerms: readonly string[]): InvitedBrand[] {
  if (brands.length < 1 || brands.length > MAX_BRANDS_PER_INVITATION) {
    throw badInput(`A member invitation names 1 to ${MAX_BRANDS_PER_INVITATION} brands`);
  }
  const checked = brands.map((brand) => {
    const name = checkMatchableName(brand.name, "A brand's name", counterfeitTerms);
    return { name, aliases: checkBrandAliases(name, brand.aliases, counterfeitTerms) };
  });
  checkEachBrandOnce(checked);
  return checked;
}

// Two brands whose names read alike ("Acme", "ACME ") are one brand given twice, not a clash
// between two: told as such, rather than as the one's name reading as the other's.
function checkEachBrandOnce(brands: InvitedBrand[]) {
  const firstByFolded = new Map<string, number>();
  brands.forEach((brand, index) => {
    const folded = foldText(brand.name).joined;
    const first = firstByFolded.get(folded);
    if (first !== undefined) {
      const spelt = brand.name === brands[first].name ? "" : `, as ${JSON.stringify(brand.name)}`;
      throw badInput(`The brand ${JSON.stringify(brands[first].name)} is given twice (brands[${first}] and brands[${index}]${spelt}): give each brand once, with all its aliases`);
    }
    firstByFolded.set(folded, index);
  });
}

export function checkBrandAliases(name: string, aliases: readonly string[], counterfeitTerms: readonly string[]): string[] {
  if (aliases.length > MAX_ALIASES) throw badInput(`A brand has at most ${MAX_ALIASES} aliases`);
  // Kept once, as first given: two that fold alike ("Swarovsky", "SWAROVSKY ") are one to the
  // matcher, and would take two of the places.
  const byFolded = new Map<string, string>();
  for (const alias of aliases) {
    const checked = checkMatchableName(alias, `An alias of ${name}`, counterfeitTerms);
    const folded = foldText(checked).joined;
    if (!byFolded.has(folded)) byFolded.set(folded, checked);
  }
  return [...byFolded.values()];
}

// Each name or alias of the invited (or renamed) brands that would be matched as another brand's
// (one stored, one promised by another pending invitation, or another of the same invitation), and
// each of theirs that would be matched as an invited brand's: the same matcher the risk model uses,
// so misspellings, spacing tricks and look-alike letters count as they do on listings. `except`: the invitation or the
// stored brand that `brands` stand for, which cannot clash with itself.
export async function brandNameClashes(
  manager: EntityManager,
  brands: InvitedBrand[],
  now: Date,
  except: { invitationId?: string; brandId?: string } = {},
): Promise<string[]> {
  const others: BrandNames[] = await manager.query(
    `SELECT b.id::text AS "brandId", b.name, b.aliases FROM brand b WHERE b.id IS DISTINCT FROM $3
     UNION ALL
     SELECT i.id || ':' || e.n, e.brand->>'name', ARRAY(SELECT jsonb_array_elements_text(e.brand->'aliases'))
       FROM invitation i, jsonb_array_elements(i.brands) WITH ORDINALITY AS e(brand, n)
      WHERE ${pendingInvitation("i", "$1")} AND i.id IS DISTINCT FROM $2`,
    [now, except.invitationId ?? null, except.brandId ?? null],
  );
  const invited: BrandNames[] = brands.map((brand, index) => ({ brandId: `invited:${index}`, name: brand.name, aliases: brand.aliases }));
  const nameOf = new Map([...others, ...invited].map((brand) => [brand.brandId, brand.name]));
  const clashes = new Set<string>();
  const inOthers = new BrandMatcher(others);
  const inInvited = new BrandMatcher(invited);
  for (const brand of invited) {
    for (const text of textsOf(brand)) {
      for (const match of [...inOthers.match(text), ...inInvited.match(text)]) {
        if (match.brandId !== brand.brandId) clashes.add(`"${text}" reads as ${nameOf.get(match.brandId)}`);
      }
    }
  }
  for (const brand of others) {
    for (const text of textsOf(brand)) {
      for (const match of inInvited.match(text)) clashes.add(`${brand.name}'s "${text}" reads as ${nameOf.get(match.brandId)}`);
    }
  }
  return [...clashes];
}

const textsOf = (brand: BrandNames) => [brand.name, ...brand.aliases];
