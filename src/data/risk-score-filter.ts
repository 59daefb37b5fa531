import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { badInput } from "../errors";

// A list filter's lowest risk score on one score column. A score is 0 to 100: a bound outside
// that is a mistake (a percentage as a fraction, say) that an empty or full answer would hide.
export function whereRiskAtLeast<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, column: string, minRiskScore: number | undefined): SelectQueryBuilder<T> {
  if (minRiskScore === undefined) return query;
  if (minRiskScore < 0 || minRiskScore > 100) throw badInput("`minRiskScore` must be between 0 and 100");
  return query.andWhere(`${column} >= :minRiskScore`, { minRiskScore });
}
