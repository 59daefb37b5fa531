import { Field, InputType } from "type-graphql";
import { SafeIntResolver } from "graphql-scalars";

@InputType("MoneyInput", { description: "An amount in integer minor units (cents, fen) of an ISO 4217 currency" })
export class MoneyInput {
  @Field(() => SafeIntResolver)
  amountMinor: number;

  @Field(() => String, { description: "ISO 4217, e.g. CNY" })
  currency: string;
}
