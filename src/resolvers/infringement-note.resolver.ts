import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import type { InfringementNote } from "../entities";
import { InfringementNoteType } from "../schema/types/infringement-note.type";
import { authenticated } from "./authenticated";
import { principalName } from "./principal-name";
import { NodeIdResolver } from "./node-id.resolver";

@Resolver(() => InfringementNoteType)
export class InfringementNoteResolver extends NodeIdResolver("InfringementNote", InfringementNoteType) {
  @FieldResolver()
  authorName(@Root() note: InfringementNote, @Ctx() context: RequestContext): Promise<string | null> {
    return principalName(authenticated(context).loaders, { userId: note.authorUserId, apiKeyId: note.authorApiKeyId });
  }
}
