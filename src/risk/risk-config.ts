import { RiskSignalKind } from "../entities/enums";

// What the risk model can be tuned with (from the environment, see src/config.ts). A weight is
// the most a signal can add to a 0-100 score.
export type WeightedSignal = Exclude<RiskSignalKind, RiskSignalKind.LISTINGS>;

export interface RiskConfig {
  weights: Record<WeightedSignal, number>;
  // A listing matched to a brand at or above this score becomes a suspected infringement.
  flagThreshold: number;
  // A listing image within this many bits of a registered logo hash shows that logo.
  logoMaxDistance: number;
  // Below this share of the genuine MSRP a price starts to count; at the floor it counts fully.
  priceAnomalyStartRatio: number;
  priceAnomalyFullRatio: number;
  // A price of at most this many of its currency's smallest prices in use (0.01 CNY, ¥1, Rp 1) is a
  // placeholder, not what the item sells for: it gets no price signal.
  pricePlaceholderMaxMinor: number;
  counterfeitTerms: readonly string[];
  // Words that, right before a brand's name, say the item is for that brand's products, not one of
  // them ("case for Samsung", "适用于华为"): such a title gets no price signal for that brand.
  comparativeMarkers: readonly string[];
  // Phrases of ordinary language in which a brand's name or a counterfeit term found wholly inside
  // does not count.
  negativeContexts: readonly string[];
  // What one unit of each currency is worth in CNY, for comparing prices across currencies.
  cnyPerUnit: Readonly<Record<string, number>>;
  // Other members' confirmed cases against a store count in a score only when at least this many
  // members confirmed some (src/auth/member-crowd.ts).
  confirmedByMinMembers: number;
}

const DEFAULT_COUNTERFEIT_TERMS = [
  // English
  "replica", "aaa", "aaa+", "1:1", "mirror quality", "mirror image", "super copy", "top copy", "copy", "fake",
  "knockoff", "knock-off", "oem", "unbranded", "inspired", "dupe", "high imitation",
  // Chinese
  "高仿", "a货", "原单", "复刻", "超a", "精仿", "尾单", "仿品", "山寨", "同款", "1比1", "原厂货",
];

const DEFAULT_COMPARATIVE_MARKERS = [
  // English
  "for", "compatible with", "works with", "use with", "fits",
  // Chinese: suitable for, fits, compatible with, for use with
  "适用于", "适用", "适配", "兼容", "用于",
];
// Chinese is written without spaces, so a short Chinese alias is found inside other words: "三星级"
// (three-star) and "三星堆" (an archaeological site) hold Samsung's 三星, "强烈安利" ("strongly
// recommend") Amway's 安利, as "平安利息" does across 平安|利息, "东西数量" Western Digital's 西数
// across 东西|数量, and "九阳神功" (a martial art in novels) Joyoung's 九阳. And the genuine trade
// uses a counterfeit term in a few phrases: "fake fur" is a material, "not fake" a denial, a
// "1:1 scale" model the size of the real thing.
const DEFAULT_NEGATIVE_CONTEXTS = ["三星级", "三星堆", "强烈安利", "平安利息", "东西数量", "九阳神功", "fake fur", "not fake", "1:1 scale"];

export const DEFAULT_RISK_CONFIG: RiskConfig = {
  weights: {
    [RiskSignalKind.PRICE_ANOMALY]: 40,
    [RiskSignalKind.COUNTERFEIT_KEYWORDS]: 30,
    [RiskSignalKind.LOGO_MATCH]: 12,
    [RiskSignalKind.SPEC_MISMATCH]: 20,
    [RiskSignalKind.REVIEW_BRUSHING]: 15,
    [RiskSignalKind.SELLER_HISTORY]: 20,
    [RiskSignalKind.INTEL_MATCH]: 25,
  },
  flagThreshold: 70,
  logoMaxDistance: 10,
  priceAnomalyStartRatio: 0.7,
  priceAnomalyFullRatio: 0.3,
  pricePlaceholderMaxMinor: 1,
  counterfeitTerms: DEFAULT_COUNTERFEIT_TERMS,
  comparativeMarkers: DEFAULT_COMPARATIVE_MARKERS,
  negativeContexts: DEFAULT_NEGATIVE_CONTEXTS,
  cnyPerUnit: { CNY: 1, USD: 7.2, EUR: 7.8, GBP: 9.1, HKD: 0.92, JPY: 0.048, KRW: 0.0053 },
  confirmedByMinMembers: 2,
};
