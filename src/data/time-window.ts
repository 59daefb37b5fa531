import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { badInput } from "../errors";

// A list filter's time window on one timestamp or date column (dates as YYYY-MM-DD, which order
// as text as they do in time): from its start (inclusive) to its end (exclusive), either end
// optional. A window that ends where or before it starts holds nothing by construction: its ends
// were swapped or mistyped (the same day at both ends, meant as "on that day"), and an empty answer
// would read as "none", so it is refused, saying that the end is left out. `fields` are the
// filter's names for the two ends, for the error and the parameters.
export function whereWithin<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  column: string,
  window: { from?: Date; to?: Date } | { from?: string; to?: string },
  fields: { from: string; to: string },
): SelectQueryBuilder<T> {
  const { from, to } = window;
  if (from && to && from >= to) throw badInput(`\`${fields.from}\` must be before \`${fields.to}\` (a window holds its start, not its end)`);
  if (from) query.andWhere(`${column} >= :${fields.from}`, { [fields.from]: from });
  if (to) query.andWhere(`${column} < :${fields.to}`, { [fields.to]: to });
  return query;
}
