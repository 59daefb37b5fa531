import { Field, InputType } from "type-graphql";
import { SafeIntResolver } from "graphql-scalars";

@InputType("MoneyInput", { description: "An amount in integer minor units (cents, fen) of an ISO 4217 currency, as ISO 4217 counts them" })
export class MoneyInput {
  @Field(() => SafeIntResolver, {
    description: "Whole minor units as ISO 4217 counts them (129000 in CNY is 1,290.00 CNY; JPY has none, KWD three, IDR two), not negative, and at most 1,000,000,000,000 except in a listing's " +
      "price; an MSRP, a claim or a judgment must be more than 0 (BAD_USER_INPUT)",
  })
  amountMinor: number;

  @Field(() => String, { description: "ISO 4217, e.g. CNY, in any case (cny is CNY, as in an ingest file); stored and answered upper case" })
  currency: string;
}
