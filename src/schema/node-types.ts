import { PolicyFeedbackView } from "../auth/feedback-projection";
import {
  ApiKey,
  AuditEvent,
  Brand,
  GovernanceRule,
  Indicator,
  InfringementNote,
  Invitation,
  LegalAction,
  Listing,
  Organization,
  Product,
  ProgressReport,
  Referral,
  Seller,
  SuspectedInfringement,
  TakedownRequest,
  TestBuy,
  User,
} from "../entities";

// Every GraphQL type that implements Node, with the entity behind it (for PolicyFeedback, the
// projection every feedback is handed out as).
const NODE_ENTITIES = {
  Organization,
  Brand,
  Product,
  Seller,
  Listing,
  Infringement: SuspectedInfringement,
  InfringementNote,
  TakedownRequest,
  TestBuy,
  Referral,
  LegalAction,
  ApiKey,
  User,
  Invitation,
  GovernanceRule,
  PolicyFeedback: PolicyFeedbackView,
  ProgressReport,
  AuditEvent,
  Indicator,
} as const;

export type NodeTypeName = keyof typeof NODE_ENTITIES;

const typeNameOfEntity = new Map<unknown, NodeTypeName>(
  Object.entries(NODE_ENTITIES).map(([typeName, entity]) => [entity, typeName as NodeTypeName]),
);

export const nodeTypeNameOf = (value: object): NodeTypeName | undefined => typeNameOfEntity.get(value.constructor);

export const isNodeTypeName = (name: string): name is NodeTypeName => Object.hasOwn(NODE_ENTITIES, name);
