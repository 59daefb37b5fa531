import { Field, ObjectType } from "type-graphql";
import { SafeIntResolver } from "graphql-scalars";

@ObjectType("Money", { description: "An amount in integer minor units (cents, fen) of an ISO 4217 currency" })
export class MoneyType {
  @Field(() => SafeIntResolver)
  amountMinor: number;

  @Field(() => String)
  currency: string;

  @Field(() => String, { description: 'For people, e.g. "1,290.00 CNY"' })
  formatted: string;
}
