import { Field, ObjectType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { Scope } from "../../auth/scopes";
import { NodeInterface } from "./node.interface";
import { OrganizationType } from "./organization.type";
import { UserType } from "./user.type";

@ObjectType("ApiKey", { implements: NodeInterface, description: "A machine credential of an organization; the secret is shown once" })
export class ApiKeyType extends NodeInterface {
  @Field(() => String, { description: "Its name in the organization's list; no two live keys of one organization share one" })
  name: string;

  @Field(() => String, { description: "The first characters of the key, to tell keys apart" })
  prefix: string;

  @Field(() => [Scope], { description: "What it may do, fixed when it was created" })
  scopes: Scope[];

  @Field(() => DateTimeResolver, { description: "When it was created" })
  createdAt: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: "When it stops working; null: never" })
  expiresAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When it was revoked and stopped working; null if it was not" })
  revokedAt: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When a request last used it, to within a minute (it is recorded at most once a minute); null if never used",
  })
  lastUsedAt: Date | null;

  @Field(() => OrganizationType, { description: "Whose key it is" })
  organization?: OrganizationType;

  @Field(() => UserType, {
    nullable: true,
    description: "The admin who created it and saw its secret; null for one made by the operator (CLI, seed). Disabling that user leaves the key working: revoke it too when the secret should leave with them",
  })
  createdBy?: UserType | null;
}

@ObjectType("CreateApiKeyPayload", { description: "A new API key and its secret" })
export class CreateApiKeyPayload {
  @Field(() => ApiKeyType, { description: "The key as stored, without its secret" })
  apiKey: ApiKeyType;

  @Field(() => String, { description: "The key itself. Shown this once and never again: store it now" })
  secret: string;
}
