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

@ObjectType("InfringementConnection", { description: "A page of suspected infringements, with cursors to page on" })
export class InfringementConnection extends connectionOf("Infringement", InfringementType) {}

@ObjectType("ProductConnection", { description: "A page of catalogue products, with cursors to page on" })
export class ProductConnection extends connectionOf("Product", ProductType) {}

@ObjectType("PolicyFeedbackConnection", { description: "A page of policy feedback, with cursors to page on" })
export class PolicyFeedbackConnection extends connectionOf("PolicyFeedback", PolicyFeedbackType) {}

@ObjectType("ProgressReportConnection", { description: "A page of progress reports, with cursors to page on" })
export class ProgressReportConnection extends connectionOf("ProgressReport", ProgressReportType) {}

@ObjectType("ApiKeyConnection", { description: "A page of API keys, with cursors to page on" })
export class ApiKeyConnection extends connectionOf("ApiKey", ApiKeyType) {}

@ObjectType("AuditEventConnection", { description: "A page of audit events, with cursors to page on" })
export class AuditEventConnection extends connectionOf("AuditEvent", AuditEventType) {}
@ObjectType("TakedownRequestConnection", { description: "A page of takedown requests, with cursors to page on" })
export class TakedownRequestConnection extends connectionOf("TakedownRequest", TakedownRequestType) {}

@ObjectType("ReferralConnection", { description: "A page of law-enforcement referrals, with cursors to page on" })
export class ReferralConnection extends connectionOf("Referral", ReferralType) {}

@ObjectType("TestBuyConnection", { description: "A page of test buys, with cursors to page on" })
export class TestBuyConnection extends connectionOf("TestBuy", TestBuyType) {}
@ObjectType("LegalActionConnection", { description: "A page of legal actions, with cursors to page on" })
export class LegalActionConnection extends connectionOf("LegalAction", LegalActionType) {}
@ObjectType("SellerConnection", { description: "A page of sellers, with cursors to page on" })
export class SellerConnection extends connectionOf("Seller", SellerType) {}

@ObjectType("IndicatorConnection", { description: "A page of intelligence indicators, with cursors to page on" })
export class IndicatorConnection extends connectionOf("Indicator", IndicatorType) {}
