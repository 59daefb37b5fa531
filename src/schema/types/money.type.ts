import { Field, ObjectType } from "type-graphql";
import { SafeIntResolver } from "graphql-scalars";

@ObjectType("Money", { description: "An amount in integer minor units (cents, fen) of an ISO 4217 currency, as ISO 4217 counts them" })
export class MoneyType {
  @Field(() => SafeIntResolver, { description: "Whole minor units as ISO 4217 counts them: 129000 in CNY is 1,290.00 CNY, 129000 in JPY 129,000 JPY" })
  amountMinor: number;

  @Field(() => String, { description: "ISO 4217 code, e.g. CNY" })
  currency: string;

  @Field(() => String, { description: 'For people, with the minor units ISO 4217 gives the currency, e.g. "1,290.00 CNY", "70,000 JPY", "250.000 KWD"' })
  formatted: string;
}
