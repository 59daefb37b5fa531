import { ObjectType } from "type-graphql";
import { connectionOf } from "./connection";
import { InfringementType } from "./infringement.type";
import { LegalActionType } from "./legal-action.type";
import { ProductType } from "./product.type";
import { ReferralType } from "./referral.type";
import { TakedownRequestType } from "./takedown-request.type";

@ObjectType("InfringementConnection")
export class InfringementConnection extends connectionOf("Infringement", InfringementType) {}

@ObjectType("ProductConnection")
export class ProductConnection extends connectionOf("Product", ProductType) {}

@ObjectType("TakedownRequestConnection")
export class TakedownRequestConnection extends connectionOf("TakedownRequest", TakedownRequestType) {}

@ObjectType("ReferralConnection")
export class ReferralConnection extends connectionOf("Referral", ReferralType) {}

@ObjectType("LegalActionConnection")
export class LegalActionConnection extends connectionOf("LegalAction", LegalActionType) {}
