import { badInput } from "../errors";

// A list in a filter (ids, statuses, the marketplace's item ids) names what to look for: 1,000
// values is more than a page can show ten times over. Longer lists are refused before they reach
// the database, which matched 150,000 listing ids in 0.6 s.
const MAX_FILTER_VALUES = 1000;

// type-graphql's check of every field argument: a filter (an input type named ...Filter) holds no
// longer list, no empty one, and no blank text in one. An empty list matches nothing, and its empty answer would read as
// "none of these" where the client most likely meant no condition (a dashboard with no status
// ticked). Other inputs (an ingest batch, a referral's cases) have limits of their own.
export function checkFilterLists(argValue: unknown): void {
  if (argValue === null || typeof argValue !== "object" || !argValue.constructor.name.endsWith("Filter")) return;
  for (const [field, value] of Object.entries(argValue)) {
    if (!Array.isArray(value)) continue;
    if (value.length === 0) throw badInput(`\`filter.${field}\` is empty, which nothing matches; leave it out to not filter by it`);
    if (value.length > MAX_FILTER_VALUES) {
      throw badInput(`\`filter.${field}\` may hold at most ${MAX_FILTER_VALUES} values; it holds ${value.length}`);
    }
    // A blank text (an item id, an action) names nothing: most likely a client's unfilled field.
    if (value.some((item) => typeof item === "string" && !item.trim())) {
      throw badInput(`\`filter.${field}\` holds an empty value, which nothing matches`);
    }
  }
}
