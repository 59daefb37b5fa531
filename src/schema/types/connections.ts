import { ObjectType } from "type-graphql";
import { connectionOf } from "./connection";
import { IndicatorType } from "./indicator.type";
import { InfringementType } from "./infringement.type";
import { ProductType } from "./product.type";

@ObjectType("InfringementConnection")
export class InfringementConnection extends connectionOf("Infringement", InfringementType) {}

@ObjectType("ProductConnection")
export class ProductConnection extends connectionOf("Product", ProductType) {}

@ObjectType("IndicatorConnection")
export class IndicatorConnection extends connectionOf("Indicator", IndicatorType) {}
