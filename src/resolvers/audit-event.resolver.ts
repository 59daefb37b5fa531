import { JSONObjectResolver } from "graphql-scalars";
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { listAuditEvents } from "../data/audit.queries";
import { checkAuditActions } from "../domain/audit-actions";
import { checkAuditTargetTypes } from "../domain/audit-target-types";
import type { AuditEvent } from "../entities";
import { badInput } from "../errors";
import { auditPayloadWithGlobalIds } from "../schema/audit-payload-ids";
import { PrincipalKind, SortDirection } from "../schema/enums";
import { fromGlobalId, parseGlobalId, toGlobalId } from "../schema/global-id";
import { AuditEventFilter } from "../schema/inputs/audit-event-filter.input";
import { PaginationArgs } from "../schema/inputs/pagination.args";
import { AuditEventConnection } from "../schema/types/connections";
import { AuditEventType } from "../schema/types/audit-event.type";
import { authenticated } from "./authenticated";
import { NodeIdResolver } from "./node-id.resolver";

function actorOf(actorId: string): { kind: "USER" | "API_KEY"; id: string } {
  const { typeName, id } = parseGlobalId(actorId);
  if (typeName === "User") return { kind: "USER", id };
  if (typeName === "ApiKey") return { kind: "API_KEY", id };
  throw badInput("`actorId` must be the actorId of an audit event: a user's or an API key's id");
}

@Resolver(() => AuditEventType)
export class AuditEventResolver extends NodeIdResolver("AuditEvent", AuditEventType) {
  @Query(() => AuditEventConnection, { description: "The audit log, newest first unless `direction: ASC`: the platform's all of it; an admin's, or an agency investigator's, its organization's" })
  auditEvents(
    @Args(() => PaginationArgs) page: PaginationArgs,
    @Arg("filter", () => AuditEventFilter, { nullable: true, description: "Narrows the log; without it, every event you may read" })
    filter: AuditEventFilter | null,
    @Arg("direction", () => SortDirection, {
      defaultValue: SortDirection.DESC,
      description: "By createdAt: DESC (the default) newest first, ASC oldest first",
    })
    direction: SortDirection,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer, config } = authenticated(context);
    return listAuditEvents(
      dataSource.manager,
      viewer,
      {
        actor: filter?.actorId != null ? actorOf(filter.actorId) : undefined,
        organizationId: filter?.organizationId != null ? fromGlobalId(filter.organizationId, "Organization") : undefined,
        actions: filter?.actions != null ? checkAuditActions(filter.actions) : undefined,
        targetTypes: filter?.targetTypes != null ? checkAuditTargetTypes(filter.targetTypes) : undefined,
        from: filter?.from ?? undefined,
        to: filter?.to ?? undefined,
      },
      direction,
      { ...page, maxPageSize: config.limits.maxPageSize },
    );
  }

  @FieldResolver(() => ID, { nullable: true })
  targetId(@Root() event: AuditEvent): string | null {
    return event.targetId ? toGlobalId(event.targetType, event.targetId) : null;
  }

  @FieldResolver(() => PrincipalKind, { nullable: true })
  actorKind(@Root() event: AuditEvent): PrincipalKind | null {
    if (event.actorUserId) return PrincipalKind.USER;
    return event.actorApiKeyId ? PrincipalKind.API_KEY : null;
  }

  @FieldResolver(() => ID, { nullable: true })
  actorId(@Root() event: AuditEvent): string | null {
    if (event.actorUserId) return toGlobalId("User", event.actorUserId);
    return event.actorApiKeyId ? toGlobalId("ApiKey", event.actorApiKeyId) : null;
  }

  @FieldResolver(() => JSONObjectResolver, { nullable: true })
  before(@Root() event: AuditEvent): Record<string, unknown> | null {
    return auditPayloadWithGlobalIds(event.before, event.targetType);
  }

  @FieldResolver(() => JSONObjectResolver, { nullable: true })
  after(@Root() event: AuditEvent): Record<string, unknown> | null {
    return auditPayloadWithGlobalIds(event.after, event.targetType);
  }

  @FieldResolver()
  organization(@Root() event: AuditEvent, @Ctx() context: RequestContext) {
    return event.ownerOrgId ? authenticated(context).loaders.organization.load(event.ownerOrgId) : null;
  }
}
