import { BrandMatcher } from "../../src/matching/brand-matcher";
import { ComparativeMentions } from "../../src/matching/comparative-mentions";
import { foldText } from "../../src/matching/text-normalization";
import { DEFAULT_RISK_CONFIG } from "../../src/risk/risk-config";

const matcher = new BrandMatcher([
  { brandId: "canon", name: "Canon", aliases: ["佳能"] },
  { brandId: "samsung", name: "Samsung", aliases: ["三星"] },
  { brandId: "huawei", name: "Huawei", aliases: ["华为"] },
  { brandId: "lv", name: "Louis Vuitton", aliases: ["LV"] },
]);
const mentions = new ComparativeMentions(DEFAULT_RISK_CONFIG.comparativeMarkers, matcher);
const namedOnlyFor = (title: string) => [...mentions.brandsNamedOnlyFor(foldText(title, true))].sort();

describe("comparative mentions", () => {
  it.each([
    ["Compatible with Canon LP-E6NH battery", "canon"],
    ["Battery for Canon LP-E6NH OEM replacement", "canon"],
    ["Case for Samsung Galaxy S24 Ultra", "samsung"],
    ["Screen protector for Huawei Mate 60 Pro", "huawei"],
    ["FOR SAMSUNG S24 tempered glass", "samsung"],
    ["Charger works with Samsung phones", "samsung"],
    ["Strap fits Louis Vuitton Speedy", "lv"],
    ["Strap fits Louis! Vuitton Speedy", "lv"],
    ["Gift! Strap fits Louis Vuitton Speedy", "lv"],
    ["手机壳 适用于华为 Mate 60", "huawei"],
    ["适用于华为Mate60手机壳", "huawei"],
    ["兼容佳能 LP-E6NH 电池", "canon"],
    ["电池 适用 Canon EOS R6", "canon"],
  ])("a brand named only right after a marker: %s", (title, brand) => {
    expect(namedOnlyFor(title)).toEqual([brand]);
  });

  it.each([
    "Canon LP-E6NH battery",
    // Named as itself too, before or after the marker.
    "Samsung case for Samsung S24",
    "Case for Galaxy S24, original Samsung",
    // The marker must stand right before the name, as a word of its own.
    "Gift for her Louis Vuitton bag",
    "Platfor Samsung 高仿",
    "华为 Mate 60 Pro 全网通",
  ])("a brand claimed as itself: %s", (title) => {
    expect(namedOnlyFor(title)).toEqual([]);
  });

  it("tells each brand a title names apart", () => {
    expect(namedOnlyFor("Louis Vuitton phone case for Samsung S24")).toEqual(["samsung"]);
  });
});
