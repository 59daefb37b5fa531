import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { currentRule, listCurrentRules } from "../data/governance.queries";
import { checkRuleCode, publishGovernanceRule } from "../domain/governance-rules";
import type { GovernanceRule } from "../entities";
import { notFound } from "../errors";
import { PublishGovernanceRuleInput } from "../schema/inputs/governance.input";
import { GovernanceRuleType } from "../schema/types/governance-rule.type";
import { authenticated } from "./authenticated";
import { NodeIdResolver } from "./node-id.resolver";

@Resolver(() => GovernanceRuleType)
export class GovernanceRuleResolver extends NodeIdResolver("GovernanceRule", GovernanceRuleType) {
  @Query(() => [GovernanceRuleType], { description: "The current version of every governance rule" })
  rules(@Ctx() context: RequestContext) {
    const { dataSource, viewer } = authenticated(context);
    return listCurrentRules(dataSource.manager, viewer);
  }

  @Query(() => GovernanceRuleType, { description: "A rule's current version; its versions field holds every version" })
  async rule(@Arg("code", () => String) code: string, @Ctx() context: RequestContext) {
    const { dataSource, viewer } = authenticated(context);
    const rule = await currentRule(dataSource.manager, viewer, checkRuleCode(code));
    if (!rule) throw notFound("GovernanceRule");
    return rule;
  }

  @Mutation(() => GovernanceRuleType, { description: "Publish a rule, or the next version of one (platform admins)" })
  publishGovernanceRule(@Arg("input", () => PublishGovernanceRuleInput) input: PublishGovernanceRuleInput, @Ctx() context: RequestContext) {
    const { dataSource, viewer } = authenticated(context);
    return publishGovernanceRule(dataSource, viewer, input);
  }

  @FieldResolver()
  versions(@Root() rule: GovernanceRule, @Ctx() context: RequestContext) {
    return authenticated(context).loaders.versionsOfRule.load(rule.code);
  }
}
