import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import type { InfringementNote } from "../entities";
import { InfringementNoteType } from "../schema/types/infringement-note.type";
import { authenticated } from "./authenticated";
import { NodeIdResolver } from "./node-id.resolver";

@Resolver(() => InfringementNoteType)
export class InfringementNoteResolver extends NodeIdResolver("InfringementNote", InfringementNoteType) {
  // Through the user and key scopes: a name the viewer may not see stays null.
  @FieldResolver()
  async authorName(@Root() note: InfringementNote, @Ctx() context: RequestContext): Promise<string | null> {
    const { loaders } = authenticated(context);
    if (note.authorUserId) return (await loaders.user.load(note.authorUserId))?.displayName ?? null;
    if (note.authorApiKeyId) return (await loaders.apiKey.load(note.authorApiKeyId))?.name ?? null;
    return null;
  }
}
