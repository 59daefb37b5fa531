import { ReportMetric, type ReportTable } from "../../src/entities/report-table";
import { deriveQuarterTable } from "../../src/domain/reports/disclosure-control";
import { UNCATEGORIZED } from "../../src/domain/reports/figure-sources";

// A month's table as buildMonthReport orders it: named categories alphabetically, Uncategorized
// last; marketplaces in the Marketplace enum's order.
function month(categories: string[], marketplaces: string[]): ReportTable {
  const cells = [...categories, null].flatMap((category) =>
    [...marketplaces, null].map((marketplace) => ({ category, marketplace, value: 1, suppression: null })),
  );
  return { metric: ReportMetric.LISTINGS_FLAGGED, attribution: "MEMBERS", currency: null, categories, marketplaces, cells };
}

describe("a quarter's table", () => {
  it("orders its rows and columns as its months do, categories new in a later month included", () => {
    const marketplaces = ["TAOBAO", "TMALL", "ALIEXPRESS", "ALIBABA", "XIANYU"];
    const january = month(["Bags", "watches", UNCATEGORIZED], marketplaces);
    const february = month(["Apparel", "Bags", "watches", UNCATEGORIZED], marketplaces);
    const quarter = deriveQuarterTable(january, [january, february, undefined]);
    expect(quarter.categories).toEqual(["Apparel", "Bags", "watches", UNCATEGORIZED]);
    expect(quarter.marketplaces).toEqual(marketplaces);
    expect(quarter.cells.slice(0, 6).map((cell) => [cell.category, cell.marketplace, cell.value])).toEqual([
      ["Apparel", "TAOBAO", 1],
      ["Apparel", "TMALL", 1],
      ["Apparel", "ALIEXPRESS", 1],
      ["Apparel", "ALIBABA", 1],
      ["Apparel", "XIANYU", 1],
      ["Apparel", null, 1],
    ]);
    expect(quarter.cells.at(-1)).toMatchObject({ category: null, marketplace: null, value: 2 });
  });
});
