import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { currentRule, listCurrentRules } from "../data/governance.queries";
import { checkRuleCode, noRuleWithCode, publishGovernanceRule } from "../domain/governance-rules";
import type { GovernanceRule } from "../entities";
import { PublishGovernanceRuleInput } from "../schema/inputs/governance.input";
import { GovernanceRuleType } from "../schema/types/governance-rule.type";
import { authenticated } from "./authenticated";
import { NodeIdResolver } from "./node-id.resolver";

@Resolver(() => GovernanceRuleType)
export class GovernanceRuleResolver extends NodeIdResolver("GovernanceRule", GovernanceRuleType) {
  @Query(() => [GovernanceRuleType], {
    description:
      "Every governance rule at its current version: the highest version in effect (effectiveAt now or past); " +
      "for a rule none of whose versions is in effect yet, its first version (effectiveAt in the future)",
  })
  rules(@Ctx() context: RequestContext) {
    const { dataSource, viewer } = authenticated(context);
    return listCurrentRules(dataSource.manager, viewer);
  }

  @Query(() => GovernanceRuleType, {
    description:
      "A rule at its current version, as `rules` gives it (a rule announced ahead of time: its first, upcoming version); " +
      "`versions` holds every version, upcoming ones included. NOT_FOUND when no rule has this code",
  })
  async rule(
    @Arg("code", () => String, {
      description: 'e.g. "TAKEDOWN-SLA": 2 to 40 letters, digits or dashes, starting with a letter, read in capitals; any other is BAD_USER_INPUT',
    })
    code: string,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    const ruleCode = checkRuleCode(code);
    const rule = await currentRule(dataSource.manager, viewer, ruleCode);
    if (!rule) throw noRuleWithCode(ruleCode);
    return rule;
  }

  @Mutation(() => GovernanceRuleType, { description: "Publish a rule, or the next version of one (platform admins)" })
  publishGovernanceRule(
    @Arg("input", () => PublishGovernanceRuleInput, { description: "Its code is read in capitals, as rule(code:) reads it" })
    input: PublishGovernanceRuleInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return publishGovernanceRule(dataSource, viewer, input);
  }

  @FieldResolver()
  versions(@Root() rule: GovernanceRule, @Ctx() context: RequestContext) {
    return authenticated(context).loaders.versionsOfRule.load(rule.code);
  }
}
