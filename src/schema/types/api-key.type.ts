import { Field, ObjectType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { Scope } from "../../auth/scopes";
import { NodeInterface } from "./node.interface";
import { OrganizationType } from "./organization.type";

@ObjectType("ApiKey", { implements: NodeInterface, description: "A machine credential of an organization; the secret is shown once" })
export class ApiKeyType extends NodeInterface {
  @Field(() => String)
  name: string;

  @Field(() => String, { description: "The first characters of the key, to tell keys apart" })
  prefix: string;

  @Field(() => [Scope])
  scopes: Scope[];

  @Field(() => DateTimeResolver)
  createdAt: Date;

  @Field(() => DateTimeResolver, { nullable: true })
  expiresAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  revokedAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => OrganizationType, { description: "Whose key it is" })
  organization?: OrganizationType;
}

@ObjectType("CreateApiKeyPayload")
export class CreateApiKeyPayload {
  @Field(() => ApiKeyType)
  apiKey: ApiKeyType;

  @Field(() => String, { description: "The key itself. Shown this once and never again: store it now" })
  secret: string;
}
