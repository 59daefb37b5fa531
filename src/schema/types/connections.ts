import { ObjectType } from "type-graphql";
import { ApiKeyType } from "./api-key.type";
import { connectionOf } from "./connection";
import { IndicatorType } from "./indicator.type";
import { InfringementType } from "./infringement.type";
import { LegalActionType } from "./legal-action.type";
import { ProductType } from "./product.type";
import { AuditEventType } from "./audit-event.type";
import { PolicyFeedbackType } from "./policy-feedback.type";
import { ProgressReportType } from "./progress-report.type";
import { ReferralType } from "./referral.type";
import { SellerType } from "./seller.type";
import { TakedownRequestType } from "./takedown-request.type";
import { TestBuyType } from "./test-buy.type";

@ObjectType("InfringementConnection")
export class InfringementConnection extends connectionOf("Infringement", InfringementType) {}

@ObjectType("ProductConnection")
export class ProductConnection extends connectionOf("Product", ProductType) {}

@ObjectType("PolicyFeedbackConnection")
export class PolicyFeedbackConnection extends connectionOf("PolicyFeedback", PolicyFeedbackType) {}

@ObjectType("ProgressReportConnection")
export class ProgressReportConnection extends connectionOf("ProgressReport", ProgressReportType) {}

@ObjectType("ApiKeyConnection")
export class ApiKeyConnection extends connectionOf("ApiKey", ApiKeyType) {}

@ObjectType("AuditEventConnection")
export class AuditEventConnection extends connectionOf("AuditEvent", AuditEventType) {}
@ObjectType("TakedownRequestConnection")
export class TakedownRequestConnection extends connectionOf("TakedownRequest", TakedownRequestType) {}

@ObjectType("ReferralConnection")
export class ReferralConnection extends connectionOf("Referral", ReferralType) {}

@ObjectType("TestBuyConnection")
export class TestBuyConnection extends connectionOf("TestBuy", TestBuyType) {}
@ObjectType("LegalActionConnection")
export class LegalActionConnection extends connectionOf("LegalAction", LegalActionType) {}
@ObjectType("SellerConnection")
export class SellerConnection extends connectionOf("Seller", SellerType) {}

@ObjectType("IndicatorConnection")
export class IndicatorConnection extends connectionOf("Indicator", IndicatorType) {}
