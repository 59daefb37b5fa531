import { Field, ID, ObjectType } from "type-graphql";
import { JSONObjectResolver } from "graphql-scalars";
import { DateTimeResolver } from "../scalars/dates";
import { PrincipalKind } from "../enums";
import { NodeInterface } from "./node.interface";
import { OrganizationType } from "./organization.type";

@ObjectType("AuditEvent", { implements: NodeInterface, description: "Who read or changed what, and when" })
export class AuditEventType extends NodeInterface {
  @Field(() => String, { description: 'e.g. "apiKey.create", "sensitive.read"' })
  action: string;

  @Field(() => String, { description: 'The GraphQL type of what it acted on, e.g. "ApiKey", "Seller"' })
  targetType: string;

  @Field(() => ID, { nullable: true, description: "The target's global id" })
  targetId: string | null;

  @Field(() => PrincipalKind, { nullable: true, description: "Whether a user or an API key acted; null when none did (an operator's command on the server)" })
  actorKind: PrincipalKind | null;

  @Field(() => ID, { nullable: true, description: "The acting user's or API key's global id" })
  actorId: string | null;

  @Field(() => OrganizationType, { nullable: true, description: "The actor's organization" })
  organization: OrganizationType | null;

  @Field(() => JSONObjectResolver, { nullable: true, description: "What the action changed, as it was before; null when the action records none. Ids in it are global ids, as targetId is" })
  before: Record<string, unknown> | null;

  @Field(() => JSONObjectResolver, { nullable: true, description: "What the action changed or read, as it was after; null when the action records none. Ids in it are global ids, as targetId is" })
  after: Record<string, unknown> | null;

  @Field(() => DateTimeResolver, { description: "When it happened; the log is ordered by it" })
  createdAt: Date;
}
