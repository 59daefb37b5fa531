import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  TypeInfo,
  buildSchema,
  getNamedType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  parse,
  validate,
  visit,
  visitWithTypeInfo,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
} from "graphql";
import { documentChecks } from "../../src/api/document-checks";
import type { Config } from "../../src/config";

// Queries generated from the schema itself, for the leak crawler (test/api/leak-crawl.test.ts):
// every field of every type, nested entity by entity, split into as many documents as the
// server's own limits on a document's depth, cost, tokens, fields and aliases require.

export const crawlSchema = buildSchema(readFileSync(join(__dirname, "../../schema.graphql"), "utf8"));

// A field (with its alias and arguments, written out) or an inline fragment, and what it selects.
export interface Selection {
  field?: string;
  alias?: string;
  args?: string;
  on?: string;
  children: Selection[];
}

const isNodeType = (type: GraphQLObjectType) => type.getInterfaces().some((i) => i.name === "Node");

// The arguments a nested field is given: the largest page a list field takes.
function nestedArguments(field: GraphQLField<unknown, unknown>, maxPageSize: number): string | undefined {
  const paged = field.args.filter((arg) => arg.name === "first" || arg.name === "last").map((arg) => `${arg.name}: ${maxPageSize}`);
  return paged.length ? paged.slice(0, 1).join(", ") : undefined;
}

// Everything a type has, down to `entities` more records (a Node type is one record; its
// connections, edges and value types such as Money are part of it). At the last level a record
// answers its id alone: which rows it reaches is still checked.
export function selectionOf(type: GraphQLObjectType, entities: number, maxPageSize: number): Selection[] {
  return Object.values(type.getFields()).flatMap((field): Selection[] => {
    const named = getNamedType(field.type);
    const args = nestedArguments(field, maxPageSize);
    if (isLeafType(named)) return [{ field: field.name, args, children: [] }];
    if (!isObjectType(named)) return [];
    const left = isNodeType(named) ? entities - 1 : entities;
    if (left < 0) return [];
    const children = left === 0 && isNodeType(named) ? [{ field: "id", children: [] }] : selectionOf(named, left, maxPageSize);
    return children.length ? [{ field: field.name, args, children }] : [];
  });
}

export const print = (selections: Selection[]): string =>
  selections
    .map((s) => {
      const head = s.on ? `... on ${s.on}` : `${s.alias ? `${s.alias}: ` : ""}${s.field}${s.args ? `(${s.args})` : ""}`;
      return s.children.length ? `${head} { ${print(s.children)} }` : head;
    })
    .join(" ");

// Splits documents to fit the server's checks, and packs small ones together under aliases.
export class DocumentPlanner {
  private readonly checks: ReturnType<typeof documentChecks>;

  constructor(limits: Config["limits"]) {
    this.checks = documentChecks(limits);
  }

  passes(operation: "query" | "mutation", roots: Selection[]): boolean {
    const text = `${operation} { ${print(roots)} }`;
    try {
      return validate(crawlSchema, parse(text, this.checks.parseOptions), this.checks.validationRules).length === 0;
    } catch {
      return false;
    }
  }

  // The pieces of one root selection that each pass: the whole of it if it does, else its leaves in
  // one piece and each nested selection in pieces of its own, as deep as it takes. A piece that
  // passes in no form (deeper than the depth limit, say) is left out, and the coverage check
  // names the fields it would have read.
  split(root: Selection): Selection[] {
    const pieces: Selection[] = [];
    const within = (node: Selection, wrap: (node: Selection) => Selection): void => {
      const whole = wrap(node);
      if (this.passes("query", [whole])) {
        pieces.push(whole);
        return;
      }
      const leaves = node.children.filter((child) => child.children.length === 0);
      const nested = node.children.filter((child) => child.children.length > 0);
      if (nested.length === 0) {
        if (leaves.length > 1) {
          const half = Math.ceil(leaves.length / 2);
          within({ ...node, children: leaves.slice(0, half) }, wrap);
          within({ ...node, children: leaves.slice(half) }, wrap);
        }
        return;
      }
      // A fragment's type and an entity's id go along with each piece, to say whose fields they are.
      const anchor = leaves.filter((leaf) => leaf.field === "id" || leaf.field === "__typename");
      if (leaves.length) within({ ...node, children: leaves }, wrap);
      for (const child of nested) within(child, (piece) => wrap({ ...node, children: [...anchor, piece] }));
    };
    within(root, (node) => node);
    return pieces;
  }

  // Root selections split to pass, and packed into as few documents as pass, each root under an
  // alias of its own. The work takes seconds: it lets the event loop turn between roots, or the
  // test server in this process would miss its sockets' timers and reset a connection in use.
  async plan(roots: Selection[]): Promise<Selection[][]> {
    const documents: Selection[][] = [];
    let current: Selection[] = [];
    const aliased = (selections: Selection[]) => selections.map((s, i) => ({ ...s, alias: `r${i}` }));
    const pieces: Selection[] = [];
    for (const root of roots) {
      pieces.push(...this.split(root));
      await new Promise(setImmediate);
    }
    for (const root of pieces) {
      await new Promise(setImmediate);
      const next = [...current, root];
      if (current.length && !this.passes("query", aliased(next))) {
        documents.push(aliased(current));
        current = [root];
      } else current = next;
    }
    if (current.length) documents.push(aliased(current));
    return documents;
  }
}

// "Type.field" of the field an answer's path (an error's) runs to, in an operation's root
// selections.
export function fieldAt(
  roots: Selection[],
  path: readonly (string | number)[],
  rootType: GraphQLObjectType | null = crawlSchema.getQueryType() ?? null,
): string | null {
  let type: GraphQLObjectType | GraphQLInterfaceType | null = rootType;
  let selections = roots;
  let found: string | null = null;
  for (const segment of path) {
    if (typeof segment === "number") continue;
    type Candidate = [Selection, GraphQLObjectType | GraphQLInterfaceType | null];
    const candidates = (within: Selection[], on: Candidate[1]): Candidate[] =>
      within.flatMap((s): Candidate[] =>
        s.on ? candidates(s.children, crawlSchema.getType(s.on) as GraphQLObjectType) : (s.alias ?? s.field) === segment ? [[s, on]] : [],
      );
    const [match] = candidates(selections, type);
    if (!match?.[1] || !match[0].field) return null;
    const [selection, parent] = match;
    found = `${parent.name}.${selection.field}`;
    const named = getNamedType(parent.getFields()[selection.field!].type);
    type = isObjectType(named) || isInterfaceType(named) ? named : null;
    selections = selection.children;
  }
  return found;
}

// The selections without the fields named (and any selection left with nothing to select).
export function without(
  selections: Selection[],
  fields: Set<string>,
  type: GraphQLObjectType | GraphQLInterfaceType | null = crawlSchema.getQueryType() ?? null,
): Selection[] {
  return selections.flatMap((s): Selection[] => {
    if (s.on) {
      const children = without(s.children, fields, crawlSchema.getType(s.on) as GraphQLObjectType);
      return children.length ? [{ ...s, children }] : [];
    }
    if (type && fields.has(`${type.name}.${s.field}`)) return [];
    if (!s.children.length) return [s];
    const named = type && getNamedType(type.getFields()[s.field!].type);
    const children = without(s.children, fields, named && (isObjectType(named) || isInterfaceType(named)) ? named : null);
    return children.length ? [{ ...s, children }] : [];
  });
}

// The selections with each record's own fields only: the records a record refers to are left out
// (but for the first record of each root, which a root's connection or lookup answers).
export function shallow(
  selections: Selection[],
  type: GraphQLObjectType | GraphQLInterfaceType | null = crawlSchema.getQueryType() ?? null,
  inRecord = false,
): Selection[] {
  return selections.flatMap((s): Selection[] => {
    if (s.on) return [{ ...s, children: shallow(s.children, crawlSchema.getType(s.on) as GraphQLObjectType, true) }];
    if (!s.children.length || !type) return [s];
    const named = getNamedType(type.getFields()[s.field!].type);
    const record = isInterfaceType(named) || (isObjectType(named) && isNodeType(named));
    if (record && inRecord) return [];
    const children = shallow(s.children, isObjectType(named) || isInterfaceType(named) ? named : null, inRecord || record);
    return children.length ? [{ ...s, children }] : [];
  });
}

// "Type.field" for every field a document selects.
export function fieldsSelected(text: string): Set<string> {
  const selected = new Set<string>();
  const typeInfo = new TypeInfo(crawlSchema);
  visit(
    parse(text),
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent && !node.name.value.startsWith("__")) selected.add(`${parent.name}.${node.name.value}`);
      },
    }),
  );
  return selected;
}

// "Type.field" for every field of every object type of the schema.
export function everyObjectField(): string[] {
  return Object.values(crawlSchema.getTypeMap())
    .filter((type): type is GraphQLObjectType => !type.name.startsWith("__") && isObjectType(type))
    .flatMap((type) => Object.keys(type.getFields()).map((field) => `${type.name}.${field}`));
}
