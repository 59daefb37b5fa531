import { Field, ID, InputType } from "type-graphql";

@InputType("ApiKeyFilter", { description: "Conditions that all apply together" })
export class ApiKeyFilter {
  @Field(() => [ID], { nullable: true, description: "The organizations owning the keys (the platform's filter: anyone else reads only its own)" })
  organizationIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "The users who created the keys (ApiKey.createdBy): the keys of someone leaving" })
  createdByUserIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: "Also the revoked keys (revokedAt); by default only those not revoked, expired ones included" })
  includeRevoked?: boolean | null;
}
