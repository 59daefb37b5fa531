import { GraphQLScalarType, type ValueNode } from "graphql";
import { DateTimeResolver as IsoDateTime, LocalDateResolver as IsoLocalDate } from "graphql-scalars";
import { badInput } from "../../errors";

// graphql-scalars' DateTime and LocalDate, as they are, but for a year outside 1-9999: ISO 8601
// allows year 0000, which PostgreSQL does not have, and it would fail there as an internal error.
const FIRST_YEAR = 1;
const LAST_YEAR = 9999;

function withinYears<T>(parsed: T): T {
  const year = parsed instanceof Date ? parsed.getUTCFullYear() : Number(String(parsed).slice(0, 4));
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) throw badInput(`Dates must be in the years ${FIRST_YEAR} to ${LAST_YEAR}`);
  return parsed;
}

function bounded(scalar: GraphQLScalarType): GraphQLScalarType {
  const config = scalar.toConfig();
  return new GraphQLScalarType({
    ...config,
    parseValue: (value: unknown) => withinYears(config.parseValue!(value)),
    parseLiteral: (ast: ValueNode, variables?: Record<string, unknown> | null) => withinYears(config.parseLiteral!(ast, variables)),
  });
}

export const DateTimeResolver = bounded(IsoDateTime);
export const LocalDateResolver = bounded(IsoLocalDate);
