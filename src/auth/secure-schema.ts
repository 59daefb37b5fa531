import { MapperKind, mapSchema } from "@graphql-tools/utils";
import {
  defaultFieldResolver,
  getNamedType,
  GraphQLError,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { deny } from "graphql-shield";
import type { IOptions, IShieldContext, ShieldRule } from "graphql-shield/typings/types";
import objectHash from "object-hash";
import type { RequestContext } from "../context";
import { forbidden } from "../errors";
import { missingPermissions } from "./permission-completeness";
import { permissionMap } from "./permissions";
import { SENSITIVE_FIELDS } from "./sensitive-fields";
import { isAuditTargetType, type AuditTargetType } from "../domain/audit-target-types";

// The schema served to clients: every field behind its graphql-shield rule from the permission
// map. Refuses to build while any field lacks a rule, so an unguarded field can never be served.
//
// The rules are graphql-shield's and graphql-shield evaluates them (with its own per-request
// cache); this file only applies them. graphql-shield's applier (shield() over graphql-middleware)
// wraps every field *instance* in an async middleware: a dashboard page of 50 rows resolves ~1,300
// fields, and those promises were half of the request's CPU. A rule whose every part is cached
// per request ("contextual") cannot depend on the row, so its outcome is settled by the first
// instance of a field and then applied synchronously to all the others. Other rules (node(id:)
// reads its argument) are evaluated for every instance, as graphql-shield would.
//
// Before an operation runs, settleOperationRules settles the per-request rules of every field it
// selects. Settled lazily, a rule first met by a field of a list's rows was still being evaluated
// when graphql-js reached the same field in the next rows (it runs a list's rows in one pass), so
// each row evaluated it again, and their promises made graphql-js await every object above them.

type Rules = Record<string, Record<string, ShieldRule>>;
type Outcome = true | Error;

const refused = () => forbidden("You may not read or change this");

// graphql-shield's options, as its rules read them.
const OPTIONS: IOptions = {
  debug: false,
  // Resolver errors (validation, NOT_FOUND, ...) pass through; formatError hides internal ones.
  allowExternalErrors: true,
  fallbackRule: deny,
  fallbackError: refused,
  // graphql-shield's own default, the key of its "strict" cache.
  hashFunction: objectHash,
};

interface RuleParts {
  cache?: unknown;
  getRules?: () => ShieldRule[];
}

// allow and deny are logic rules without parts; and/or/chain are settled per request only when
// every part is.
function settledPerRequest(rule: ShieldRule): boolean {
  const parts = rule as unknown as RuleParts;
  if (parts.getRules) return parts.getRules().every(settledPerRequest);
  return parts.cache === "contextual";
}

// Per request, each settled rule's outcome, kept on the request's context as graphql-shield keeps
// its cache. Not in a module-wide WeakMap keyed by the context: V8's young-generation collections
// keep the values of such a map alive, and with them every request's context and all it loaded.
const OUTCOMES = Symbol("settled rule outcomes");
type GuardedContext = RequestContext & { [OUTCOMES]?: Map<ShieldRule, Outcome> };

async function evaluate(
  rule: ShieldRule,
  source: unknown,
  args: Record<string, unknown>,
  context: RequestContext,
  info: GraphQLResolveInfo,
): Promise<Outcome> {
  // graphql-shield keeps its per-request rule cache on the context.
  const shieldContext = context as RequestContext & Partial<IShieldContext>;
  shieldContext._shield ??= { cache: {} };
  const result = await rule.resolve(source as object, args, shieldContext as IShieldContext, info, OPTIONS);
  if (result === true) return true;
  return result instanceof Error ? result : refused();
}

const outcomesOf = (context: GuardedContext) => (context[OUTCOMES] ??= new Map());

function guarded(rule: ShieldRule, resolve: GraphQLFieldResolver<unknown, RequestContext>): GraphQLFieldResolver<unknown, RequestContext> {
  // Parameters spelled out rather than gathered and spread: this runs for every field of every row.
  const whenAllowed = (outcome: Outcome, source: unknown, args: Record<string, unknown>, context: RequestContext, info: GraphQLResolveInfo) => {
    if (outcome !== true) throw outcome;
    return resolve(source, args, context, info);
  };
  if (!settledPerRequest(rule)) {
    return (source, args, context, info) => evaluate(rule, source, args, context, info).then((outcome) => whenAllowed(outcome, source, args, context, info));
  }
  return (source, args, context: GuardedContext, info) => {
    const outcomes = outcomesOf(context);
    const settled = outcomes.get(rule);
    if (settled !== undefined) return whenAllowed(settled, source, args, context, info);
    return evaluate(rule, source, args, context, info).then((outcome) => {
      outcomes.set(rule, outcome);
      return whenAllowed(outcome, source, args, context, info);
    });
  };
}

// Inside the permission check, so only the reads it allowed are recorded (and audited at the end
// of the request by src/api/sensitive-read-audit.plugin.ts). A field that resolved to null showed
// nothing: a store whose identity no scan reported, or one whose identity is withheld from an
// agency (seller-identity.ts), is not recorded as read.
function recordingReads(typeName: AuditTargetType, resolve: GraphQLFieldResolver<unknown, RequestContext>): GraphQLFieldResolver<unknown, RequestContext> {
  return (source, args, context, info) => {
    const id = (source as { id?: unknown } | null)?.id;
    const noted = (value: unknown) => {
      if (value != null && typeof id === "string") context.sensitiveReads.note(typeName, info.fieldName, id);
      return value;
    };
    const value = resolve(source, args, context, info);
    return value instanceof Promise ? value.then(noted) : noted(value);
  };
}

// Each field of the secured schema carries its rule in its extensions, for settleOperationRules.
const RULE = "shieldRule";

export function secureSchema(schema: GraphQLSchema, rules: Rules = permissionMap): GraphQLSchema {
  const problems = missingPermissions(schema, rules);
  if (problems.length) {
    throw new Error(`The permission map does not cover the schema:\n  ${problems.join("\n  ")}`);
  }
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      let resolve = (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, RequestContext>;
      if (isAuditTargetType(typeName) && SENSITIVE_FIELDS[typeName]?.includes(fieldName)) resolve = recordingReads(typeName, resolve);
      const rule = rules[typeName][fieldName];
      return { ...field, resolve: guarded(rule, resolve), extensions: { ...field.extensions, [RULE]: rule } };
    },
  });
}

// The per-request rules of the fields a document selects on object types (a field selected
// through an interface is settled when it runs), once per document: Apollo hands a repeated
// query the same parsed document.
const rulesOfDocuments = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, ShieldRule[]>>();

function perRequestRulesOf(schema: GraphQLSchema, document: DocumentNode): ShieldRule[] {
  let ofSchema = rulesOfDocuments.get(schema);
  if (!ofSchema) rulesOfDocuments.set(schema, (ofSchema = new WeakMap()));
  let rules = ofSchema.get(document);
  if (rules) return rules;
  const found = new Set<ShieldRule>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const rule = isObjectType(typeInfo.getParentType()) ? (typeInfo.getFieldDef()?.extensions[RULE] as ShieldRule | undefined) : undefined;
        if (rule && settledPerRequest(rule)) found.add(rule);
      },
    }),
  );
  ofSchema.set(document, (rules = [...found]));
  return rules;
}

// A per-request rule reads the request's context alone (graphql-shield keeps its first outcome for
// every parent and argument), so it is evaluated here without a parent, arguments or field.
export async function settleOperationRules(schema: GraphQLSchema, document: DocumentNode, context: RequestContext): Promise<void> {
  const outcomes = outcomesOf(context);
  const pending = perRequestRulesOf(schema, document).filter((rule) => !outcomes.has(rule));
  const settled = await Promise.all(pending.map((rule) => evaluate(rule, undefined, {}, context, undefined as unknown as GraphQLResolveInfo)));
  pending.forEach((rule, i) => outcomes.set(rule, settled[i]));
}

// A mutation commits before its answer is read. A field of the answer that the caller may not read
// would fail after the change was made, and under a non-null parent turn the whole answer into
// `data: null`, the very answer of a refused step: the client would take a made change (an API
// key whose secret it never saw, a takedown requested) for one refused. So a mutation whose
// selection holds such a field is refused before it runs, naming the field's path. Only the rules
// settled per request are known before the rows are (a field selected through an interface, or
// node(id:)'s rule, is checked when it runs, as in a query). Call after settleOperationRules.
export function refusalOfMutation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  context: RequestContext,
): GraphQLError | null {
  if (operation.operation !== "mutation") return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const outcomes = outcomesOf(context);
  const walk = (selections: SelectionSetNode, parent: GraphQLNamedType | undefined, path: readonly string[]): GraphQLError | null => {
    for (const selection of selections.selections) {
      let refusal: GraphQLError | null = null;
      if (selection.kind === Kind.FIELD) {
        const field = isObjectType(parent) ? parent.getFields()[selection.name.value] : undefined;
        if (!field) continue;
        const fieldPath = [...path, (selection.alias ?? selection.name).value];
        const rule = field.extensions[RULE] as ShieldRule | undefined;
        const outcome = rule && settledPerRequest(rule) ? outcomes.get(rule) : undefined;
        if (outcome instanceof Error) {
          return new GraphQLError(outcome.message, {
            nodes: selection,
            path: fieldPath,
            extensions: (outcome as Partial<GraphQLError>).extensions,
            originalError: outcome,
          });
        }
        if (selection.selectionSet) refusal = walk(selection.selectionSet, getNamedType(field.type), fieldPath);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        refusal = walk(selection.selectionSet, type, path);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) refusal = walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), path);
      }
      if (refusal) return refusal;
    }
    return null;
  };
  return walk(operation.selectionSet, schema.getMutationType() ?? undefined, []);
}
