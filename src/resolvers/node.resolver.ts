import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../context";
import type { Loaders } from "../data/loaders";
import { parseGlobalId } from "../schema/global-id";
import { isNodeTypeName, type NodeTypeName } from "../schema/node-types";
import { NodeInterface } from "../schema/types/node.interface";
import { authenticated } from "./authenticated";

const LOADER_OF_TYPE: Record<NodeTypeName, keyof Loaders> = {
  Organization: "organization",
  Brand: "brand",
  Product: "product",
  Seller: "seller",
  Listing: "listing",
  Infringement: "infringement",
  InfringementNote: "infringementNote",
  TakedownRequest: "takedownRequest",
  TestBuy: "testBuy",
  Referral: "referral",
  LegalAction: "legalAction",
  ApiKey: "apiKey",
  User: "user",
  Invitation: "invitation",
  GovernanceRule: "governanceRule",
  PolicyFeedback: "policyFeedback",
  ProgressReport: "progressReport",
  AuditEvent: "auditEvent",
  Indicator: "indicator",
};

@Resolver()
export class NodeResolver {
  @Query(() => NodeInterface, { nullable: true, description: "Any object by its global id; null when it does not exist or is not yours" })
  async node(
    @Arg("id", () => ID, {
      description: "Any global id; BAD_USER_INPUT when malformed, FORBIDDEN when you may read no object of its type",
    })
    id: string,
    @Ctx() context: RequestContext,
  ) {
    const { loaders } = authenticated(context);
    const { typeName, id: rowId } = parseGlobalId(id);
    if (!isNodeTypeName(typeName)) return null;
    const loader = loaders[LOADER_OF_TYPE[typeName]] as Loaders["organization"];
    return loader.load(rowId);
  }
}
