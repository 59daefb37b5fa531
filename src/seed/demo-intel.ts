import type { EntityManager } from "typeorm";
import { contributeIndicatorsIn, type IndicatorDraft } from "../domain/intel/contribute-indicators";
import type { KeyedHasher } from "../domain/intel/keyed-hash";
import { IndicatorDistribution as D, IndicatorKind as K } from "../entities/enums";
import type { SeededRandom } from "../generator/random";

// What members have shared, through the same contribution as the API and the CLI's import, so
// that the README's intelligence examples answer on the demo: a phone two members hold MATCH_ONLY
// (a third member's blind match finds it, with 2 members; either holder's finds nothing), the
// stores with the most fakes at every distribution, and counterfeit vocabulary.
const SHARED_PHONE = "+86 138 0013 8000";

type Draft = Omit<IndicatorDraft, "value"> & { value: string | ((stores: readonly string[]) => string | undefined) };

const CONTRIBUTIONS: Record<string, Draft[]> = {
  "louis-vuitton": [
    { kind: K.PHONE, value: SHARED_PHONE, distribution: D.MATCH_ONLY, confidence: 80, note: "on the packing slips of two test buys" },
    { kind: K.SELLER, value: (stores) => stores[0], distribution: D.ALLIANCE, confidence: 90, note: "counterfeit confirmed by test buy" },
    { kind: K.KEYWORD, value: "1:1 mirror quality", distribution: D.ALLIANCE, confidence: 70 },
    { kind: K.SELLER, value: (stores) => stores[2], distribution: D.PRIVATE, confidence: 60, note: "watching: same warehouse address" },
  ],
  swarovski: [
    { kind: K.PHONE, value: SHARED_PHONE, distribution: D.MATCH_ONLY, confidence: 70 },
    { kind: K.SELLER, value: (stores) => stores[1], distribution: D.ALLIANCE_ANONYMOUS, confidence: 75 },
    { kind: K.KEYWORD, value: "crystal replica", distribution: D.ALLIANCE_ANONYMOUS, confidence: 60 },
  ],
  sony: [
    { kind: K.SELLER, value: (stores) => stores[0], distribution: D.ALLIANCE_ANONYMOUS, confidence: 65 },
    { kind: K.DOMAIN, value: "cheap-brand-outlet.example", distribution: D.ALLIANCE, confidence: 55, note: "links from listing descriptions" },
  ],
};

// stores: "MARKETPLACE:external id" of the stores members report, most fakes first.
export async function seedDemoIntel(manager: EntityManager, hasher: KeyedHasher, random: SeededRandom, stores: readonly string[]): Promise<void> {
  const ids = random.fork("intel");
  for (const [slug, drafts] of Object.entries(CONTRIBUTIONS)) {
    const [{ id: orgId }]: { id: string }[] = await manager.query(`SELECT id FROM organization WHERE slug = $1`, [slug]);
    // A small seed (`seed --listings 5`) may have fewer stores than these name: those are left out.
    const resolved = drafts.flatMap((draft) => {
      const value = typeof draft.value === "function" ? draft.value(stores) : draft.value;
      return value === undefined ? [] : [{ ...draft, value }];
    });
    await contributeIndicatorsIn(manager, hasher, { orgId, actor: null }, resolved, { newId: () => ids.uuid() });
  }
}
