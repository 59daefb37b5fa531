import { Field, ObjectType } from "type-graphql";
import { SafeIntResolver } from "graphql-scalars";

@ObjectType("Money", { description: "An amount in integer minor units (cents, fen) of an ISO 4217 currency" })
export class MoneyType {
  @Field(() => SafeIntResolver, { description: "Whole minor units: 129000 in CNY is 1,290.00 CNY" })
  amountMinor: number;

  @Field(() => String, { description: "ISO 4217 code, e.g. CNY" })
  currency: string;

  @Field(() => String, { description: 'For people, e.g. "1,290.00 CNY"' })
  formatted: string;
}
