import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";

// A filter's set of values, as `=` when it holds one. PostgreSQL 15 does not take `= ANY` of one
// value as a constant: on an index's leading column it does not count on the index's order of the
// next ones (a page of one kind by confidence would read and sort all of that kind), and on a
// later index column it checks it only on each row, after reading it, where `=` it checks on the
// index's entries.
export function whereOneOf<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, column: string, parameter: string, values: readonly string[]): void {
  if (values.length === 1) query.andWhere(`${column} = :${parameter}`, { [parameter]: values[0] });
  else query.andWhere(`${column} = ANY(:${parameter})`, { [parameter]: values });
}
