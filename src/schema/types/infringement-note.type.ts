import { Field, ObjectType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { InfringementStatus } from "../../entities/enums";
import { NodeInterface } from "./node.interface";

@ObjectType("InfringementNote", { implements: NodeInterface, description: "A note on an infringement, or a review decision with its note" })
export class InfringementNoteType extends NodeInterface {
  @Field(() => String, {
    description: "The note; for a status change, the review's note (empty when none was given) or what the workflow did (a takedown, a test buy)",
  })
  body: string;

  @Field(() => InfringementStatus, { nullable: true, description: "Set when the note records a status change" })
  fromStatus: InfringementStatus | null;

  @Field(() => InfringementStatus, { nullable: true, description: "The status it moved to; set when the note records a status change" })
  toStatus: InfringementStatus | null;

  @Field(() => String, {
    nullable: true,
    description: "Who wrote it: a user's name, or an API key's name; null when the author is another organization's (the platform's takedown steps, read by a brand)",
  })
  authorName: string | null;

  @Field(() => DateTimeResolver, { description: "When it was written" })
  createdAt: Date;
}
