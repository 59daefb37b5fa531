import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { ValidationRule } from "graphql";
import type { Config } from "../config";
import { fieldCountRule } from "./field-count.rule";
import { operationShapeRule } from "./operation-shape.rules";
import { queryLimits } from "./query-limits";
import { textLiteralRule } from "./text-input";

// What a document must pass before anything runs, beside graphql-js's own rules. One list, so that
// the README's examples are held to the very checks the server applies (test/readme).
export function documentChecks(limits: Config["limits"]) {
  const shape = queryLimits(limits);
  const armor = new ApolloArmor(shape).protect();
  const validationRules: ValidationRule[] = [fieldCountRule, ...armor.validationRules, operationShapeRule, textLiteralRule];
  // The cost rule alone, to count an operation again with its variables' page sizes.
  const off = { enabled: false };
  const [costRule] = new ApolloArmor({
    costLimit: shape.costLimit,
    maxDepth: off,
    maxAliases: off,
    maxDirectives: off,
    maxTokens: off,
    blockFieldSuggestion: off,
  }).protect().validationRules;
  return { armor, validationRules, costRule, parseOptions: { maxTokens: limits.maxTokens } };
}
