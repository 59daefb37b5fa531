import { Field, ObjectType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { InfringementStatus } from "../../entities/enums";
import { NodeInterface } from "./node.interface";

@ObjectType("InfringementNote", { implements: NodeInterface, description: "A note on an infringement, or a review decision with its note" })
export class InfringementNoteType extends NodeInterface {
  @Field(() => String)
  body: string;

  @Field(() => InfringementStatus, { nullable: true, description: "Set when the note records a status change" })
  fromStatus: InfringementStatus | null;

  @Field(() => InfringementStatus, { nullable: true })
  toStatus: InfringementStatus | null;

  @Field(() => String, { nullable: true, description: "Who wrote it: a user's name, or an API key's name" })
  authorName: string | null;

  @Field(() => DateTimeResolver)
  createdAt: Date;
}
