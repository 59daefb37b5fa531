import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { MapperKind, mapSchema } from "@graphql-tools/utils";
import type { RequestContext } from "../context";
import { WorkLine } from "../work-line";

// graphql-js resolves a query's root fields at once, and each list's totalCount is a statement of
// its own: one request of fifteen aliased lists with their counts ran thirty statements together,
// and a few such requests took every pooled connection, so that every other member's requests
// waited for one (a brand's dashboard took 10 s, or failed). A query's root fields and its counts
// therefore take turns among the requests of the same organization: at most `atOnce` of them run
// at once in a process, up to WAITING_AT_MOST more wait (holding no connection), and past that
// the organization is told to retry in a second. A turn covers its root field's own statement (a
// page, with the listings and stores it reads along) or its count: the lists a page's rows nest
// (notes, test buys) are read by loaders after the turn, a statement a level and alias, and are
// not bounded by it.
const WAITING_AT_MOST = 100;

export class OrganizationReadTurns {
  private readonly lines = new Map<string, WorkLine>();

  constructor(private readonly atOnce: number) {}

  of(orgId: string): WorkLine {
    let line = this.lines.get(orgId);
    if (!line) {
      line = new WorkLine(
        this.atOnce,
        WAITING_AT_MOST,
        `Too many reads from your organization at once: a server process runs ${this.atOnce} of its lists and counts at a time and holds ${WAITING_AT_MOST} more waiting; retry in a second`,
      );
      this.lines.set(orgId, line);
    }
    return line;
  }
}

// Every root field of Query, and every totalCount, resolves in a turn of the viewer's organization
// (the context's readTurns); an anonymous request reads nothing but is refused.
export function takingReadTurns(schema: GraphQLSchema): GraphQLSchema {
  const queryType = schema.getQueryType()!.name;
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      if (typeName !== queryType && fieldName !== "totalCount") return field;
      const resolve = (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, RequestContext>;
      return {
        ...field,
        resolve: (source, args, context: RequestContext, info) =>
          context.readTurns ? context.readTurns.inTurn(async () => resolve(source, args, context, info)) : resolve(source, args, context, info),
      };
    },
  });
}
