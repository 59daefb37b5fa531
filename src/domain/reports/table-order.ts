import { Marketplace } from "../../entities/enums";
import { UNCATEGORIZED } from "./figure-sources";

// A report table's rows and columns in one order, in a month's report and a quarter's alike:
// named categories alphabetically, Uncategorized last; marketplaces in the enum's order.
export const MARKETPLACES: string[] = Object.values(Marketplace);

export const byCategory = (a: string, b: string) => Number(a === UNCATEGORIZED) - Number(b === UNCATEGORIZED) || a.localeCompare(b);

const rank = (marketplace: string) => {
  const index = MARKETPLACES.indexOf(marketplace);
  return index < 0 ? MARKETPLACES.length : index;
};
export const byMarketplace = (a: string, b: string) => rank(a) - rank(b) || a.localeCompare(b);
