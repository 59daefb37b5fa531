import { RiskSignalKind } from "../../src/entities/enums";
import { parseHash64 } from "../../src/matching/perceptual-hash";
import type { BrandProfile, GenuineProduct, ListingFacts, SellerFacts } from "../../src/risk/facts";
import { DEFAULT_RISK_CONFIG } from "../../src/risk/risk-config";
import { capAtHundred, MODEL_VERSION, modelVersionOf, RiskModel } from "../../src/risk/risk-model";
import { sellerScore } from "../../src/risk/seller-score";
import type { IntelView } from "../../src/risk/signals/intel-match";

// Hand-made listings with known answers, against the default weights: price 40, vocabulary 30,
// logo 12, specs 20, reviews 15, seller 20, intel 25; flag at 70.

const ZEPHYR: BrandProfile = {
  id: "zephyr",
  ownerOrgId: "org-z",
  name: "Zephyr",
  aliases: ["泽菲尔"],
  logoHashes: ["804a95d23ac181dc"],
  products: [
    { sku: "ZS100", name: "Crystal Swan Pendant", msrpMinor: 129_000, currency: "CNY", specs: { material: "crystal", length: "38 cm" } },
    { sku: "ZD200", name: "Memory Card", msrpMinor: 40_000, currency: "CNY", specs: { capacity: "128GB" } },
  ],
};
const OTHER: BrandProfile = {
  id: "other",
  ownerOrgId: "org-o",
  name: "Kestrel Watches",
  aliases: [],
  logoHashes: ["ffff0000ffff0000"],
  products: [{ sku: "KW1", name: "Diver Watch", msrpMinor: 900_000, currency: "CNY", specs: {} }],
};

const NOW = new Date("2026-11-01T00:00:00Z");
const cleanSeller: SellerFacts = { strikeCount: 0, confirmedBy: new Map(), openedAt: new Date("2019-01-01T00:00:00Z"), brandCount: 2, seenAt: NOW };
const noReviews = { count: 0, averageRating: null, fiveStarFirstWeek: 0, newAccountShare: null, duplicateTextShare: null };

function listing(fields: Partial<ListingFacts> = {}): ListingFacts {
  return {
    title: "Zephyr Crystal Swan Pendant",
    description: "",
    priceMinor: 129_000,
    currency: "CNY",
    specs: { material: "crystal" },
    imageHashes: [],
    reviews: noReviews,
    ...fields,
  };
}

const model = new RiskModel([ZEPHYR, OTHER]);
const zephyrOf = (facts: ListingFacts, seller = cleanSeller) => {
  const found = model.assess(facts, seller).brands.find((b) => b.brand.id === "zephyr");
  if (!found) throw new Error("Zephyr not matched");
  return found;
};
const signal = (facts: ListingFacts, kind: RiskSignalKind, seller = cleanSeller) => zephyrOf(facts, seller).signals.find((s) => s.kind === kind);

describe("each signal in isolation", () => {
  it("a genuine listing at MSRP from a clean store scores 0 and is not flagged", () => {
    expect(zephyrOf(listing())).toMatchObject({ score: 0, signals: [], flagged: false });
  });

  it("price anomaly: full weight at 30% of MSRP or below, nothing at 70% or above, linear between", () => {
    expect(signal(listing({ priceMinor: 15_500 }), RiskSignalKind.PRICE_ANOMALY)).toEqual({
      kind: RiskSignalKind.PRICE_ANOMALY,
      contribution: 40,
      reason: "price 12% of MSRP 1,290.00 CNY (ZS100 Crystal Swan Pendant)",
    });
    expect(signal(listing({ priceMinor: 64_500 }), RiskSignalKind.PRICE_ANOMALY)?.contribution).toBe(20); // 50%
    expect(signal(listing({ priceMinor: 90_300 }), RiskSignalKind.PRICE_ANOMALY)).toBeUndefined(); // 70%
    // 69.5%: the last point before nothing, which read "price 70% of MSRP", where the signal adds nothing.
    expect(signal(listing({ priceMinor: 89_655 }), RiskSignalKind.PRICE_ANOMALY)).toEqual({
      kind: RiskSignalKind.PRICE_ANOMALY,
      contribution: 1,
      reason: "price 69% of MSRP 1,290.00 CNY (ZS100 Crystal Swan Pendant)",
    });
  });

  it("price anomaly is currency-aware: a USD price is compared with a CNY MSRP at the reference rate", () => {
    // 25.00 USD = 180 CNY = 14% of 1,290.00 CNY
    expect(signal(listing({ priceMinor: 2_500, currency: "USD" }), RiskSignalKind.PRICE_ANOMALY)).toEqual({
      kind: RiskSignalKind.PRICE_ANOMALY,
      contribution: 40,
      reason: "price 25.00 USD is 14% of MSRP 1,290.00 CNY (ZS100 Crystal Swan Pendant)",
    });
    // 179.00 USD = 1,288.80 CNY: at MSRP
    expect(signal(listing({ priceMinor: 17_900, currency: "USD" }), RiskSignalKind.PRICE_ANOMALY)).toBeUndefined();
  });

  it("price anomaly without a reference rate: compared with an MSRP in the same currency, never across", () => {
    // No rate for TWD (RISK_CNY_PER_UNIT): a TWD catalogue still prices a TWD listing, directly.
    const taiwanese: BrandProfile = {
      id: "formosa",
      ownerOrgId: "org-f",
      name: "Formosa Tea",
      aliases: [],
      logoHashes: [],
      products: [
        { sku: "FT500", name: "Oolong Gift Tin", msrpMinor: 250_000, currency: "TWD", specs: {} },
        { sku: "FT100", name: "Green Sampler", msrpMinor: 80_000, currency: "TWD", specs: {} },
      ],
    };
    const priceOf = (fields: Partial<ListingFacts>) =>
      new RiskModel([taiwanese]).assess(listing(fields), cleanSeller).brands[0].signals.find((s) => s.kind === RiskSignalKind.PRICE_ANOMALY);
    expect(priceOf({ title: "Formosa Tea Oolong Gift Tin", priceMinor: 30_000, currency: "TWD" })).toEqual({
      kind: RiskSignalKind.PRICE_ANOMALY,
      contribution: 40,
      reason: "price 12% of MSRP 2,500.00 TWD (FT500 Oolong Gift Tin)",
    });
    expect(priceOf({ title: "Formosa Tea special offer", priceMinor: 8_000, currency: "TWD" })?.reason).toBe("price 10% of MSRP 800.00 TWD (cheapest genuine product FT100)");
    // A CNY price against a TWD MSRP has no rate to compare at: no signal, rather than a guess.
    expect(priceOf({ title: "Formosa Tea Oolong Gift Tin", priceMinor: 100, currency: "CNY" })).toBeUndefined();
  });

  it("price anomaly: none for a price of 0 or a placeholder of one minor unit, which is not what the item sells for", () => {
    expect(signal(listing({ priceMinor: 0 }), RiskSignalKind.PRICE_ANOMALY)).toBeUndefined();
    expect(signal(listing({ priceMinor: 1 }), RiskSignalKind.PRICE_ANOMALY)).toBeUndefined();
    expect(signal(listing({ priceMinor: 2 }), RiskSignalKind.PRICE_ANOMALY)?.reason).toBe("price <1% of MSRP 1,290.00 CNY (ZS100 Crystal Swan Pendant)");
    // The floor is configuration: 1.00 CNY a placeholder too.
    const oneYuan = new RiskModel([ZEPHYR], { ...DEFAULT_RISK_CONFIG, pricePlaceholderMaxMinor: 100 }).assess(listing({ priceMinor: 100 }), cleanSeller);
    expect(oneYuan.brands[0].signals).toEqual([]);
  });

  it("price anomaly: the placeholder is counted in the smallest price in use, a whole rupiah where sen are out of use", () => {
    const indonesian: BrandProfile = {
      id: "nusantara",
      ownerOrgId: "org-n",
      name: "Nusantara Batik",
      aliases: [],
      logoHashes: [],
      products: [{ sku: "NB1", name: "Silk Sarong", msrpMinor: 150_000_000, currency: "IDR", specs: {} }],
    };
    const priceOf = (priceMinor: number, currency = "IDR") =>
      new RiskModel([indonesian]).assess(listing({ title: "Nusantara Batik Silk Sarong", priceMinor, currency }), cleanSeller).brands[0].signals.find(
        (s) => s.kind === RiskSignalKind.PRICE_ANOMALY,
      );
    // Rp 1 (100 minor units in ISO 4217) is the "price in chat" placeholder, as 0.01 CNY is in yuan.
    expect(priceOf(100)).toBeUndefined();
    expect(priceOf(200)?.reason).toBe("price <1% of MSRP 1,500,000.00 IDR (NB1 Silk Sarong)");
    expect(priceOf(15_000_000)?.reason).toBe("price 10% of MSRP 1,500,000.00 IDR (NB1 Silk Sarong)");
  });

  it("price anomaly compares with the brand's cheapest product when the title names none", () => {
    expect(signal(listing({ title: "Zephyr gift", priceMinor: 4_000 }), RiskSignalKind.PRICE_ANOMALY)?.reason).toBe(
      "price 10% of MSRP 400.00 CNY (cheapest genuine product ZD200)",
    );
  });

  it("counterfeit vocabulary, English and Chinese, title fully and description about half", () => {
    expect(signal(listing({ title: "Zephyr Crystal Swan replica AAA" }), RiskSignalKind.COUNTERFEIT_KEYWORDS)).toEqual({
      kind: RiskSignalKind.COUNTERFEIT_KEYWORDS,
      contribution: 30,
      reason: "title contains 'replica', 'aaa'",
    });
    expect(signal(listing({ title: "泽菲尔 天鹅项链 高仿" }), RiskSignalKind.COUNTERFEIT_KEYWORDS)?.contribution).toBe(23);
    expect(signal(listing({ description: "A货 1:1 做工" }), RiskSignalKind.COUNTERFEIT_KEYWORDS)).toEqual({
      kind: RiskSignalKind.COUNTERFEIT_KEYWORDS,
      contribution: 17,
      reason: "description contains 'a货', '1:1'",
    });
    // Whole words only: "aaa" inside "aaab" is not the claim.
    expect(signal(listing({ title: "Zephyr Crystal Swan AAAB batteries" }), RiskSignalKind.COUNTERFEIT_KEYWORDS)).toBeUndefined();
  });

  it("counterfeit vocabulary is read through disguises, and not inside a negative context", () => {
    expect(signal(listing({ title: "Zephyr Crystal Swan rep1ica 高\u200b仿" }), RiskSignalKind.COUNTERFEIT_KEYWORDS)?.reason).toBe("title contains 'replica', '高仿'");
    expect(signal(listing({ title: "Zephyr Crystal Swan", description: "A貨 1 : 1" }), RiskSignalKind.COUNTERFEIT_KEYWORDS)?.reason).toBe("description contains 'a货', '1:1'");
    expect(signal(listing({ title: "Zephyr fake fur stole" }), RiskSignalKind.COUNTERFEIT_KEYWORDS)).toBeUndefined();
  });

  it("logo match: closer hashes count more; beyond the threshold nothing", () => {
    const exact = listing({ title: "Crystal pendant", imageHashes: [parseHash64("804a95d23ac181dc")] });
    expect(signal(exact, RiskSignalKind.LOGO_MATCH)).toEqual({
      kind: RiskSignalKind.LOGO_MATCH,
      contribution: 12,
      reason: "image matches a registered Zephyr logo (0 of 64 bits differ)",
    });
    expect(signal(listing({ imageHashes: [parseHash64("804a95d23ac181db")] }), RiskSignalKind.LOGO_MATCH)?.contribution).toBe(9);
    expect(model.assess(listing({ title: "Crystal pendant", imageHashes: [parseHash64("0123456789abcdef")] }), cleanSeller).brands).toEqual([]);
  });

  it("spec mismatch: a capacity the brand does not make", () => {
    expect(signal(listing({ title: "Zephyr Memory Card", priceMinor: 40_000, specs: { capacity: "1TB" } }), RiskSignalKind.SPEC_MISMATCH)).toEqual({
      kind: RiskSignalKind.SPEC_MISMATCH,
      contribution: 14,
      reason: 'capacity "1TB" is not made by Zephyr (genuine: "128GB")',
    });
    expect(signal(listing({ specs: { material: "glass", length: "60 cm" } }), RiskSignalKind.SPEC_MISMATCH)?.contribution).toBe(20);
    // Keys the catalogue does not use, and values written differently, are not mismatches.
    expect(signal(listing({ specs: { colour: "blue", length: "38cm" } }), RiskSignalKind.SPEC_MISMATCH)).toBeUndefined();
  });

  it("spec mismatch: names whatever their case or spacing, measures in any unit of their kind", () => {
    // The same length written other ways, and the same capacity in other units, are the genuine ones.
    for (const specs of [{ length: "38.0 cm" }, { length: "380 mm" }, { length: "0.38 m" }, { length: "38,0cm" }, { " Length ": "38 cm" }, { capacity: "128 gb" }, { Capacity: "0.128TB" }] as Record<string, string>[]) {
      expect(signal(listing({ title: "Zephyr Memory Card", priceMinor: 40_000, specs }), RiskSignalKind.SPEC_MISMATCH)).toBeUndefined();
    }
    // A name cased or spaced otherwise is still compared, and a length the brand does not make is one in any unit.
    expect(signal(listing({ specs: { Length: "99 cm" } }), RiskSignalKind.SPEC_MISMATCH)?.reason).toBe('Length "99 cm" is not made by Zephyr (genuine: "38 cm")');
    expect(signal(listing({ specs: { length: "450 mm" } }), RiskSignalKind.SPEC_MISMATCH)?.reason).toBe('length "450 mm" is not made by Zephyr (genuine: "38 cm")');
    // A measure of another kind is no length.
    expect(signal(listing({ specs: { length: "380 g" } }), RiskSignalKind.SPEC_MISMATCH)).toBeDefined();
  });

  it("review brushing: a first-week burst, new accounts, duplicated texts", () => {
    const brushed = { count: 200, averageRating: 4.98, fiveStarFirstWeek: 150, newAccountShare: 0.62, duplicateTextShare: 0.35 };
    expect(signal(listing({ reviews: brushed }), RiskSignalKind.REVIEW_BRUSHING)).toEqual({
      kind: RiskSignalKind.REVIEW_BRUSHING,
      contribution: 15,
      reason:
        "150 of 200 reviews were five stars in the first week; 62% of reviewers have accounts under 30 days old; 35% of review texts are duplicates",
    });
    expect(signal(listing({ reviews: { ...brushed, newAccountShare: 0.1, duplicateTextShare: 0.05 } }), RiskSignalKind.REVIEW_BRUSHING)?.contribution).toBe(9);
    expect(signal(listing({ reviews: { ...brushed, count: 8, fiveStarFirstWeek: 8 } }), RiskSignalKind.REVIEW_BRUSHING)).toBeUndefined();
    const natural = { count: 500, averageRating: 4.7, fiveStarFirstWeek: 40, newAccountShare: 0.08, duplicateTextShare: 0.02 };
    expect(signal(listing({ reviews: natural }), RiskSignalKind.REVIEW_BRUSHING)).toBeUndefined();
  });

  it("seller history: strikes, confirmed infringements, a new store, many brands", () => {
    const bad: SellerFacts = { strikeCount: 2, confirmedBy: new Map([["org-z", 1]]), openedAt: new Date("2026-10-20T00:00:00Z"), brandCount: 25, seenAt: NOW };
    expect(signal(listing(), RiskSignalKind.SELLER_HISTORY, bad)).toEqual({
      kind: RiskSignalKind.SELLER_HISTORY,
      contribution: 20,
      reason: "seller has 2 strikes; 1 confirmed case of yours; store opened 12 days ago; store sells 25 different brands",
    });
    expect(signal(listing(), RiskSignalKind.SELLER_HISTORY, { ...cleanSeller, strikeCount: 1 })?.contribution).toBe(4);
    expect(signal(listing(), RiskSignalKind.SELLER_HISTORY, cleanSeller)).toBeUndefined();
  });

  it("seller history: a brand's own confirmed cases count for it; other members' only in a crowd, and never one member's", () => {
    const history = (confirmedBy: [string, number][], ownerOrgId: string | null) =>
      model.sellerHistory({ ...cleanSeller, confirmedBy: new Map(confirmedBy) }, ownerOrgId);
    const seller = (contribution: number, reason: string) => ({ kind: RiskSignalKind.SELLER_HISTORY, contribution, reason });
    // Zephyr's own three cases are its own to know (30% + 10% each after the first, of 20)...
    expect(history([["org-z", 3]], "org-z")).toEqual(seller(10, "3 confirmed cases of yours"));
    // ...not for another brand's score, nor for the listing's or the store's own, which others read.
    expect(history([["org-z", 3]], "org-o")).toBeNull();
    expect(history([["org-z", 3]], null)).toBeNull();
    // One other member alone never shows, however many cases it confirmed.
    expect(history([["org-a", 5]], "org-z")).toBeNull();
    // Two other members (k = 2) count as two, whatever their cases; the listing's own score needs
    // three, since a brand reading it may be one of them.
    expect(history([["org-a", 5], ["org-b", 1]], "org-z")).toEqual(seller(8, "cases confirmed by 2 other members"));
    expect(history([["org-a", 5], ["org-b", 1]], null)).toBeNull();
    expect(history([["org-a", 5], ["org-b", 1], ["org-z", 1]], null)).toEqual(seller(10, "cases confirmed by 3 members"));
    expect(history([["org-a", 5], ["org-b", 1], ["org-z", 1]], "org-z")).toEqual(seller(10, "1 confirmed case of yours; cases confirmed by 2 other members"));
    // The same in a brand's score: another member's confirmation does not move it.
    const facts = listing({ title: "Zephyr Crystal Swan Pendant replica", priceMinor: 15_500 });
    const other = { ...cleanSeller, confirmedBy: new Map([["org-o", 4]]) };
    expect(zephyrOf(facts, other)).toEqual(zephyrOf(facts));
    expect(model.assess(facts, other).score).toBe(model.assess(facts, cleanSeller).score);
  });

  it("intel match: adds at most the intel weight, the owner's own intelligence to its own score only", () => {
    const ownOnly: IntelView = {
      signalFor: (ownerOrgId) => (ownerOrgId === ZEPHYR.ownerOrgId ? { contribution: 40, reason: "matches alliance intelligence" } : null),
    };
    const assessed = new RiskModel([ZEPHYR]).assess(listing(), cleanSeller, ownOnly);
    expect(assessed.brands[0].signals).toEqual([{ kind: RiskSignalKind.INTEL_MATCH, contribution: 25, reason: "matches alliance intelligence" }]);
    expect(assessed.brands[0].score).toBe(25);
    // The listing's own score, which other brands may read, leaves the owner's intelligence out.
    expect(assessed.score).toBe(0);

    const shared: IntelView = { signalFor: () => ({ contribution: 12, reason: "matches alliance intelligence (3 members)" }) };
    const both = new RiskModel([ZEPHYR]).assess(listing(), cleanSeller, shared);
    expect([both.brands[0].score, both.score]).toEqual([12, 12]);
  });
});

describe("the genuine product a price is compared with", () => {
  const product = (sku: string, name: string, msrpMinor: number, currency = "CNY"): GenuineProduct => ({ sku, name, msrpMinor, currency, specs: {} });
  const brand = (name: string, aliases: string[], products: GenuineProduct[]): BrandProfile => ({
    id: name,
    ownerOrgId: `org-${name}`,
    name,
    aliases,
    logoHashes: [],
    products,
  });
  // The price signal's reason for the first brand, scored in a model of every brand given (the catalogue).
  const priceReason = (brands: BrandProfile[], title: string, priceMinor: number, currency = "CNY") =>
    new RiskModel(brands)
      .assess(listing({ title, priceMinor, currency, specs: {} }), cleanSeller)
      .brands.find((b) => b.brand.id === brands[0].id)
      ?.signals.find((s) => s.kind === RiskSignalKind.PRICE_ANOMALY)?.reason;

  const LOUIS = brand("Louis Vuitton", ["LV"], [
    product("M41177", "Neverfull MM Monogram Tote", 1_450_000),
    product("M41108", "Speedy 30 Monogram", 1_210_000),
    product("M41416", "Keepall Bandoulière 50", 1_990_000),
    product("M42616", "Zippy Wallet", 715_000),
    product("M0211U", "LV Initiales 40mm Reversible Belt", 465_000),
  ]);
  const FORD = brand("Ford", ["Motorcraft", "福特"], [
    product("FL-500S", "Motorcraft FL-500S Oil Filter", 1_299, "USD"),
    product("BRF-1478", "Motorcraft Front Brake Pads", 68_000),
    product("SP-580X", "Motorcraft Iridium Spark Plug Set (4)", 36_000),
    product("M-13300-MB", "Ford Performance Floor Mats", 14_995, "USD"),
  ]);
  const SAMSUNG = brand("Samsung", ["三星"], [
    product("SM-S9280", "Galaxy S24 Ultra 12GB+256GB", 969_900),
    product("SM-R510", "Galaxy Buds2 Pro", 129_900),
    product("MZ-V9P2T0", "990 PRO NVMe SSD 2TB", 139_900),
    product("MB-MC256KA", "EVO Plus microSDXC 256GB", 2_999, "USD"),
  ]);

  it("is the product whose name shares the rarest words with the title, not the first SKU that shares one", () => {
    expect(priceReason([LOUIS], "Louis Vuitton Monogram wallet", 300_000)).toBe("price 42% of MSRP 7,150.00 CNY (M42616 Zippy Wallet)");
    // "Keepall" is in one product's name, "Monogram" in two: the Keepall, for all its higher MSRP.
    expect(priceReason([LOUIS], "LV Monogram Keepall", 300_000)).toBe("price 15% of MSRP 19,900.00 CNY (M41416 Keepall Bandoulière 50)");
  });

  it("counts none of the brand's own names and aliases: they say which brand, not which product", () => {
    const cheapest = "price 60.00 CNY is 64% of MSRP 12.99 USD (cheapest genuine product FL-500S)";
    expect(priceReason([FORD], "Ford Focus wiper blades", 6_000)).toBe(cheapest);
    expect(priceReason([FORD], "Motorcraft wiper blades", 6_000)).toBe(cheapest);
    expect(priceReason([FORD], "Motorcraft brake pads", 20_000)).toBe("price 29% of MSRP 680.00 CNY (BRF-1478 Motorcraft Front Brake Pads)");
  });

  it("counts no word that half the brand's products or more have: it tells none of them apart", () => {
    expect(priceReason([SAMSUNG], "Samsung phone charger pro 25W", 9_900)).toBe(
      "price 99.00 CNY is 46% of MSRP 29.99 USD (cheapest genuine product MB-MC256KA)",
    );
    expect(priceReason([SAMSUNG], "Samsung 990 PRO SSD", 30_000)).toBe("price 21% of MSRP 1,399.00 CNY (MZ-V9P2T0 990 PRO NVMe SSD 2TB)");
  });

  it("weighs a word by how few of the brand's own products have it", () => {
    const quillon = brand("Quillon", [], [
      product("Q-1", "Ultra Fountain Pen", 50_000),
      product("Q-2", "Signet Ink", 90_000),
      product("Q-3", "Ultra Nib Set", 20_000),
      product("Q-4", "Desk Blotter", 5_000),
      product("Q-5", "Travel Case", 8_000),
    ]);
    // "Ultra" names two of its five products, "Signet" one: the Signet Ink, for all its higher MSRP.
    expect(priceReason([quillon], "Quillon Ultra Signet", 10_000)).toBe("price 11% of MSRP 900.00 CNY (Q-2 Signet Ink)");
    // A brand with one product: a title that names it names it.
    const single = brand("Aurelia", [], [product("AU-1", "Silk Scarf", 129_000)]);
    expect(priceReason([single], "Aurelia silk scarf", 5_000)).toBe("price 4% of MSRP 1,290.00 CNY (AU-1 Silk Scarf)");
  });

  it("names the same product whatever other members sell, which the brand may not see", () => {
    const quillon = brand("Quillon", [], [product("Q-1", "Ultra Fountain Pen", 50_000), product("Q-2", "Signet Ink", 90_000), product("Q-3", "Nib Set", 20_000)]);
    // In its own catalogue "Ultra" and "Signet" name one product each: a tie, to the lower MSRP.
    const alone = "price 20% of MSRP 500.00 CNY (Q-1 Ultra Fountain Pen)";
    expect(priceReason([quillon], "Quillon Ultra Signet", 10_000)).toBe(alone);
    // Another member selling two "Ultra" products changes nothing of Quillon's case.
    const borealis = brand("Borealis", [], [product("B-1", "Ultra Ring", 10_000), product("B-2", "Ultra Chain", 10_000), product("B-3", "Plain Band", 10_000)]);
    expect(priceReason([quillon, borealis], "Quillon Ultra Signet", 10_000)).toBe(alone);
  });

  it("is one the price can be compared with: a price in a currency without a rate, one in that currency", () => {
    // No reference rate for BHD (RISK_CNY_PER_UNIT).
    const dyson = brand("Dyson", [], [
      product("HD15", "Supersonic Hair Dryer HD15", 299_900),
      product("JP-ZONE", "Zone Headphones", 70_000, "JPY"),
      product("BH-AIRSTRAIT", "Airstrait Straightener", 250_000, "BHD"),
    ]);
    expect(priceReason([dyson], "Dyson thing", 2_500, "BHD")).toBe("price 1% of MSRP 250.000 BHD (cheapest genuine product BH-AIRSTRAIT)");
    // "Hair" names the HD15, whose MSRP in CNY a BHD price cannot be compared with.
    expect(priceReason([dyson], "Dyson hair thing", 2_500, "BHD")).toBe("price 1% of MSRP 250.000 BHD (cheapest genuine product BH-AIRSTRAIT)");
    expect(priceReason([dyson], "Dyson Airstrait", 25_000, "BHD")).toBe("price 10% of MSRP 250.000 BHD (BH-AIRSTRAIT Airstrait Straightener)");
    // A price in CNY is compared at the rates, never with the BHD MSRP, even where the title names it.
    expect(priceReason([dyson], "Dyson Airstrait", 10_000, "CNY")).toBe("price 3% of MSRP 2,999.00 CNY (cheapest genuine product HD15)");
    expect(priceReason([dyson], "Dyson Zone Headphones", 10_000, "CNY")).toBe("price 100.00 CNY is 3% of MSRP 70,000 JPY (JP-ZONE Zone Headphones)");
  });

  it("is none for a title that names the brand only as what the item is for; its other signals still count", () => {
    const canon = brand("Canon", ["佳能"], [product("4132C002", "LP-E6NH Battery Pack", 49_900), product("5666C002", "EOS R6 Mark II Body", 1_599_900)]);
    const assess = (title: string) => new RiskModel([canon]).assess(listing({ title, priceMinor: 3_900, specs: {} }), cleanSeller).brands;
    for (const title of ["Compatible with Canon LP-E6NH battery AAA", "Battery for Canon LP-E6NH 高仿", "适用于佳能 LP-E6NH 电池 高仿"]) {
      const [claimed] = assess(title);
      expect(claimed.brand.id).toBe("Canon");
      expect(claimed.signals.map((s) => s.kind)).toEqual([RiskSignalKind.COUNTERFEIT_KEYWORDS]);
    }
    // Named as itself as well: its price is compared.
    expect(assess("Canon LP-E6NH battery, for Canon EOS R6")[0].signals.map((s) => s.kind)).toEqual([RiskSignalKind.PRICE_ANOMALY]);
  });

  it("breaks a tie by the lowest MSRP, then by the SKU byte-wise, whatever order the catalogue comes in", () => {
    const products = [
      product("A-1", "Silk Scarf", 120_000),
      product("b-2", "Silk Scarf", 100_000),
      product("B-3", "Silk Scarf", 100_000),
      product("C-1", "Leather Belt", 50_000),
      product("C-2", "Cotton Tee", 30_000),
      product("C-3", "Wool Hat", 40_000),
      product("C-4", "Linen Shirt", 70_000),
    ];
    // "B" is byte 0x42, "b" 0x62, whatever a database's collation would put first.
    for (const order of [products, [...products].reverse()]) {
      expect(priceReason([brand("Aurelia", [], order)], "Aurelia silk scarf", 10_000)).toBe("price 10% of MSRP 1,000.00 CNY (B-3 Silk Scarf)");
    }
  });
});

describe("the combined score", () => {
  it("adds the signals, names its model version, and flags at the threshold", () => {
    const fake = listing({
      title: "Zephyr Crystal Swan Pendant replica",
      priceMinor: 15_500,
      imageHashes: [parseHash64("804a95d23ac181db")],
    });
    const assessed = zephyrOf(fake);
    // price 40 + vocabulary 23 + logo 9
    expect(assessed.score).toBe(72);
    expect(assessed.signals.map((s) => [s.kind, s.contribution])).toEqual([
      [RiskSignalKind.PRICE_ANOMALY, 40],
      [RiskSignalKind.COUNTERFEIT_KEYWORDS, 23],
      [RiskSignalKind.LOGO_MATCH, 9],
    ]);
    expect(assessed.flagged).toBe(true);
    expect(model.version).toBe(MODEL_VERSION);
    // Just below the threshold: no flag.
    expect(zephyrOf(listing({ ...fake, imageHashes: [] })).flagged).toBe(false);
  });

  it("never passes 100, and the contributions always sum to the score", () => {
    const everything = listing({
      title: "Zephyr Crystal Swan Pendant replica AAA",
      priceMinor: 1_000,
      specs: { material: "glass", length: "60 cm" },
      imageHashes: [parseHash64("804a95d23ac181dc")],
      reviews: { count: 200, averageRating: 5, fiveStarFirstWeek: 150, newAccountShare: 0.62, duplicateTextShare: 0.35 },
    });
    const assessed = zephyrOf(everything, { strikeCount: 3, confirmedBy: new Map([["org-z", 2]]), openedAt: null, brandCount: 30, seenAt: NOW });
    expect(assessed.score).toBe(100);
    expect(assessed.signals.reduce((sum, s) => sum + s.contribution, 0)).toBe(100);
    // Every signal stays in the explanation, scaled down in proportion, the logo match included.
    expect(assessed.signals.map((s) => s.kind).sort()).toEqual(
      [
        RiskSignalKind.COUNTERFEIT_KEYWORDS,
        RiskSignalKind.LOGO_MATCH,
        RiskSignalKind.PRICE_ANOMALY,
        RiskSignalKind.REVIEW_BRUSHING,
        RiskSignalKind.SELLER_HISTORY,
        RiskSignalKind.SPEC_MISMATCH,
      ].sort(),
    );
    expect(assessed.signals.every((s) => s.contribution > 0)).toBe(true);
  });

  it("caps at 100 by scaling every contribution in proportion, in whole numbers", () => {
    const signal = (kind: RiskSignalKind, contribution: number) => ({ kind, contribution, reason: kind });
    const capped = capAtHundred([
      signal(RiskSignalKind.PRICE_ANOMALY, 60),
      signal(RiskSignalKind.COUNTERFEIT_KEYWORDS, 50),
      signal(RiskSignalKind.LOGO_MATCH, 10),
    ]);
    // 120 to 100: 50, 41.67 and 8.33, the unit left over to the largest remainder.
    expect(capped.map((s) => [s.kind, s.contribution])).toEqual([
      [RiskSignalKind.PRICE_ANOMALY, 50],
      [RiskSignalKind.COUNTERFEIT_KEYWORDS, 42],
      [RiskSignalKind.LOGO_MATCH, 8],
    ]);
    const under = [signal(RiskSignalKind.PRICE_ANOMALY, 60), signal(RiskSignalKind.LOGO_MATCH, 0)];
    expect(capAtHundred(under)).toEqual([under[0]]);
  });

  it("scores a listing against each brand it claims, each with its own price and logo", () => {
    const collab = model.assess(
      listing({ title: "Zephyr x Kestrel Watches Diver Watch replica", priceMinor: 20_000, imageHashes: [parseHash64("ffff0000ffff0000")] }),
      cleanSeller,
    );
    const byBrand = Object.fromEntries(collab.brands.map((b) => [b.brand.id, b.signals.map((s) => s.kind).sort()]));
    expect(byBrand).toEqual({
      // 200 CNY is 50% of Zephyr's cheapest product, 2% of the watch; only the watch's logo is shown.
      zephyr: [RiskSignalKind.COUNTERFEIT_KEYWORDS, RiskSignalKind.PRICE_ANOMALY],
      other: [RiskSignalKind.COUNTERFEIT_KEYWORDS, RiskSignalKind.LOGO_MATCH, RiskSignalKind.PRICE_ANOMALY],
    });
    expect(collab.score).toBe(Math.max(...collab.brands.map((b) => b.score)));
    // Without any brand's catalogue, only the vocabulary is left.
    const vocabulary = collab.brands[0].signals.find((s) => s.kind === RiskSignalKind.COUNTERFEIT_KEYWORDS)!;
    expect(collab.brandFreeScore).toBe(vocabulary.contribution);
  });

  it("gives a brand-free score: the signals anyone's may count, the seller's record and intel as they count for anyone", () => {
    const bad = { strikeCount: 3, confirmedBy: new Map(), openedAt: null, brandCount: 30, seenAt: NOW };
    const ownOnly: IntelView = { signalFor: (ownerOrgId) => (ownerOrgId === ZEPHYR.ownerOrgId ? { contribution: 25, reason: "own intelligence" } : null) };
    const assessed = model.assess(listing({ title: "Zephyr Crystal Swan Pendant 1:1 replica AAA", priceMinor: 1_000 }), bad, ownOnly);
    // Vocabulary 30 and the store's record 17; Zephyr's own intel and its price signal count for Zephyr alone.
    expect(assessed.brandFreeScore).toBe(47);
    expect(assessed.score).toBeGreaterThan(assessed.brandFreeScore);
    expect(assessed.brands[0].signals.map((s) => s.kind)).toContain(RiskSignalKind.INTEL_MATCH);
  });

  it("scores a listing that claims no brand, but never flags it", () => {
    const unbranded = model.assess(listing({ title: "Model car replica AAA" }), cleanSeller);
    expect(unbranded.brands).toEqual([]);
    expect(unbranded.score).toBe(30);
    expect(unbranded.brandFreeScore).toBe(30);
  });

  it("claims no brand by a name found wholly inside one of the configured negative contexts", () => {
    const samsung: BrandProfile = { ...OTHER, id: "samsung", name: "Samsung", aliases: ["三星"] };
    const facts = listing({ title: "三星堆 文创 摆件 高仿" });
    expect(new RiskModel([samsung]).assess(facts, cleanSeller).brands).toEqual([]);
    const withoutContexts = new RiskModel([samsung], { ...DEFAULT_RISK_CONFIG, negativeContexts: [] });
    expect(withoutContexts.assess(facts, cleanSeller).brands.map((b) => b.brand.id)).toEqual(["samsung"]);
  });

  it("re-scores a brand's case on a listing that no longer claims it on the brand-free signals, never flagged", () => {
    const bad = { strikeCount: 3, confirmedBy: new Map([["org-a", 1], ["org-b", 1]]), openedAt: null, brandCount: 30, seenAt: NOW };
    const ownOnly: IntelView = { signalFor: (ownerOrgId) => (ownerOrgId === OTHER.ownerOrgId ? { contribution: 25, reason: "own intelligence" } : null) };
    // Claims Zephyr only; Kestrel Watches has a case on it from an earlier title.
    const facts = listing({ title: "Zephyr Crystal Swan Pendant 1:1 replica AAA", priceMinor: 1_000 });
    const assessed = model.finish(model.prepare(facts), bad, ownOnly, ["other", "zephyr"]);
    expect(assessed.brands.map((b) => b.brand.id)).toEqual(["zephyr", "other"]);
    const other = assessed.brands[1];
    // Vocabulary 30, seller 20 and Kestrel's own intel 25: 75, yet not flagged; no price or logo.
    expect(other.signals.map((s) => [s.kind, s.contribution])).toEqual([
      [RiskSignalKind.COUNTERFEIT_KEYWORDS, 30],
      [RiskSignalKind.INTEL_MATCH, 25],
      [RiskSignalKind.SELLER_HISTORY, 20],
    ]);
    expect(other).toMatchObject({ score: 75, flagged: false });
    // The listing's own score is Zephyr's public one, as without the case.
    expect(assessed.score).toBe(model.assess(facts, bad, ownOnly).score);
    // A case of a brand the model does not know is left alone.
    expect(model.finish(model.prepare(facts), bad, ownOnly, ["gone"]).brands.map((b) => b.brand.id)).toEqual(["zephyr"]);
  });

  it("weights and threshold are configuration, and the version says the model was tuned", () => {
    const tuned = { ...DEFAULT_RISK_CONFIG, flagThreshold: 60, weights: { ...DEFAULT_RISK_CONFIG.weights, LOGO_MATCH: 0 } };
    const tunedModel = new RiskModel([ZEPHYR], tuned);
    const assessed = tunedModel.assess(listing({ title: "Zephyr Crystal Swan replica", priceMinor: 15_500, imageHashes: [parseHash64("804a95d23ac181dc")] }), cleanSeller);
    expect(assessed.brands[0]).toMatchObject({ score: 63, flagged: true });
    expect(tunedModel.version).toBe(modelVersionOf(tuned));
    expect(tunedModel.version).toMatch(/^alliance-risk-6\+config\.[0-9a-f]{8}$/);
  });
});

describe("the seller score", () => {
  it("is 70% of its listings' mean score plus its record, explained", () => {
    const history = { kind: RiskSignalKind.SELLER_HISTORY, contribution: 8, reason: "seller has 2 strikes" };
    expect(sellerScore(4, 320, history)).toEqual({
      score: 64,
      signals: [
        { kind: RiskSignalKind.LISTINGS, contribution: 56, reason: "its 4 listings score 80 on average" },
        history,
      ],
    });
    expect(sellerScore(1, 100, null).signals).toEqual([{ kind: RiskSignalKind.LISTINGS, contribution: 70, reason: "its 1 listing scores 100" }]);
    expect(sellerScore(0, 0, null).score).toBe(0);
  });
});
