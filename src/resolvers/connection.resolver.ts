import { type ClassType, FieldResolver, Int, Resolver, Root } from "type-graphql";
import {
  ApiKeyConnection,
  AuditEventConnection,
  IndicatorConnection,
  InfringementConnection,
  LegalActionConnection,
  PolicyFeedbackConnection,
  ProductConnection,
  ProgressReportConnection,
  ReferralConnection,
  SellerConnection,
  TakedownRequestConnection,
  TestBuyConnection,
} from "../schema/types/connections";
import type { Connection } from "../schema/types/connection";

// totalCount costs a COUNT query, so it runs only when a client asks for it.
function TotalCountResolver(connectionType: ClassType) {
  @Resolver(() => connectionType)
  class ConnectionResolver {
    @FieldResolver(() => Int, { description: "All matching rows, not just this page" })
    totalCount(@Root() connection: Connection<unknown>): Promise<number> {
      return connection.countTotal();
    }
  }
  return ConnectionResolver;
}

export const InfringementConnectionResolver = TotalCountResolver(InfringementConnection);
export const ProductConnectionResolver = TotalCountResolver(ProductConnection);
export const PolicyFeedbackConnectionResolver = TotalCountResolver(PolicyFeedbackConnection);
export const ProgressReportConnectionResolver = TotalCountResolver(ProgressReportConnection);
export const ApiKeyConnectionResolver = TotalCountResolver(ApiKeyConnection);
export const AuditEventConnectionResolver = TotalCountResolver(AuditEventConnection);
export const TakedownRequestConnectionResolver = TotalCountResolver(TakedownRequestConnection);
export const ReferralConnectionResolver = TotalCountResolver(ReferralConnection);
export const LegalActionConnectionResolver = TotalCountResolver(LegalActionConnection);
export const IndicatorConnectionResolver = TotalCountResolver(IndicatorConnection);
export const SellerConnectionResolver = TotalCountResolver(SellerConnection);
export const TestBuyConnectionResolver = TotalCountResolver(TestBuyConnection);
