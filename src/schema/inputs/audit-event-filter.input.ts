import { Field, ID, InputType } from "type-graphql";
import { AUDIT_ACTIONS } from "../../domain/audit-actions";
import { AUDIT_TARGET_TYPES } from "../../domain/audit-target-types";
import { DateTimeResolver } from "../scalars/dates";

@InputType("AuditEventFilter", { description: "Conditions that all apply together" })
export class AuditEventFilter {
  @Field(() => ID, { nullable: true, description: "An AuditEvent's actorId: a user or an API key" })
  actorId?: string | null;

  @Field(() => ID, { nullable: true, description: "The actor's organization (useful to the platform)" })
  organizationId?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: `Any of these actions, e.g. ["apiKey.create", "sensitive.read"]; a name events do not record is BAD_USER_INPUT. The actions: ${AUDIT_ACTIONS.join(", ")}`,
  })
  actions?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: `Any of these target types, e.g. ["Seller", "PolicyFeedback"]; a type events do not target is BAD_USER_INPUT. The target types: ${AUDIT_TARGET_TYPES.join(", ")}`,
  })
  targetTypes?: string[] | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "At or after" })
  from?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Before this instant, which is left out; after `from` when both are given, else BAD_USER_INPUT" })
  to?: Date | null;
}
