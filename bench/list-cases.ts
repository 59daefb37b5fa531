import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";

// bench:lists' requests, derived from schema.graphql so that a list added to the schema is timed
// (or named as not timed) without anyone remembering it: every field of Query that returns a
// connection or a list of objects, and for a connection the default page, each order (the
// orderBy input's fields, or `direction`) both ways, each filter alone in every order, all filters
// together in every order, a deep page by cursor in every order, and totalCount alone, unfiltered,
// with each filter and with all of them. A value a filter or argument takes comes from `sample`;
// one it has none for is named in `untimed`.

export const PAGE = 50;
export const DEEP_PAGE = 20;

export interface ListCase {
  list: string;
  label: string;
  query: string;
  variables: Record<string, unknown>;
  // Pages to walk by endCursor before the one timed (the deep page).
  skipPages: number;
}

// A value for an argument or an input field (its type and name say what it is), or undefined.
export type Sample = (owner: string, name: string, type: GraphQLInputType) => unknown;

const CONNECTION_SELECTION = "edges { node { id } } pageInfo { hasNextPage endCursor }";

const sdl = () => readFileSync(join(__dirname, "..", "schema.graphql"), "utf8");

export function listCases(sample: Sample): { cases: ListCase[]; untimed: string[] } {
  const schema = buildSchema(sdl());
  const cases: ListCase[] = [];
  const untimed: string[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const returned = getNullableType(field.type);
    const named = getNamedType(field.type);
    if (isObjectType(named) && named.name.endsWith("Connection")) connectionCases(field, sample, cases, untimed);
    else if (isListType(returned) && isObjectType(named)) plainListCases(field, sample, cases, untimed);
  }
  untimed.push(...nestedLists(schema));
  return { cases, untimed };
}

// Lists of records inside a record (a case's notes, a referral's cases...), read per parent
// through their loaders: named, as the bench times only the root lists.
function nestedLists(schema: GraphQLSchema): string[] {
  const roots = [schema.getQueryType(), schema.getMutationType()];
  return Object.values(schema.getTypeMap())
    .filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith("__") && !roots.includes(type) && !/(Connection|Edge|Payload)$/.test(type.name))
    .flatMap((type) =>
      Object.values(type.getFields())
        .filter((field) => {
          const item = getNamedType(field.type);
          return isListType(getNullableType(field.type)) && isObjectType(item) && item.getInterfaces().some((i) => i.name === "Node");
        })
        .map((field) => `${type.name}.${field.name} (nested in each ${type.name})`),
    );
}

// The value of each required argument, or the name of the first one with no sample.
function requiredArguments(field: GraphQLField<unknown, unknown>, sample: Sample): Record<string, unknown> | string {
  const values: Record<string, unknown> = {};
  for (const arg of field.args.filter((a) => getNullableType(a.type) !== a.type && a.defaultValue === undefined)) {
    const value = sample("Query." + field.name, arg.name, arg.type);
    if (value === undefined) return arg.name;
    values[arg.name] = value;
  }
  return values;
}

function plainListCases(field: GraphQLField<unknown, unknown>, sample: Sample, cases: ListCase[], untimed: string[]) {
  const required = requiredArguments(field, sample);
  if (typeof required === "string") {
    untimed.push(`${field.name} (no sample for its argument ${required})`);
    return;
  }
  const optional = field.args.filter((a) => !(a.name in required));
  const request = (label: string, variables: Record<string, unknown>) => {
    const args = Object.keys(variables);
    const declared = field.args.filter((a) => args.includes(a.name));
    cases.push({
      list: field.name,
      label,
      query: `query${declared.length ? `(${declared.map((a) => `$${a.name}: ${String(a.type)}`).join(", ")})` : ""} { list: ${field.name}${
        args.length ? `(${args.map((a) => `${a}: $${a}`).join(", ")})` : ""
      } { id } }`,
      variables,
      skipPages: 0,
    });
  };
  request("all", required);
  for (const arg of optional) {
    const value = sample("Query." + field.name, arg.name, arg.type);
    if (value === undefined) untimed.push(`${field.name}(${arg.name})`);
    else request(`${arg.name}`, { ...required, [arg.name]: value });
  }
}

interface Order {
  label: string;
  args: Record<string, unknown>;
}

function ordersOf(field: GraphQLField<unknown, unknown>): Order[] {
  const orderBy = field.args.find((a) => a.name === "orderBy");
  const directions = ["DESC", "ASC"];
  if (orderBy) {
    const input = getNamedType(orderBy.type);
    const sortField = isInputObjectType(input) ? getNamedType(input.getFields().field.type) : null;
    if (!isEnumType(sortField)) throw new Error(`${field.name}'s orderBy has no enum field`);
    return sortField.getValues().flatMap((v) => directions.map((d) => ({ label: `${v.name} ${d}`, args: { orderBy: { field: v.name, direction: d } } })));
  }
  if (field.args.some((a) => a.name === "direction")) return directions.map((d) => ({ label: d, args: { direction: d } }));
  return [{ label: "its order", args: {} }];
}

function connectionCases(field: GraphQLField<unknown, unknown>, sample: Sample, cases: ListCase[], untimed: string[]) {
  const filterArg: GraphQLArgument | undefined = field.args.find((a) => a.name === "filter");
  const filterType = filterArg ? getNamedType(filterArg.type) : null;
  const filters: [string, unknown][] = [];
  if (isInputObjectType(filterType)) {
    for (const input of Object.values(filterType.getFields())) {
      const value = sample(filterType.name, input.name, input.type);
      if (value === undefined) untimed.push(`${field.name}(filter: { ${input.name} })`);
      else filters.push([input.name, value]);
    }
  }
  // Declared nullable: a request that leaves one out gets the argument's default (`direction`'s DESC).
  const declared = field.args.filter((a) => ["first", "after", "filter", "orderBy", "direction"].includes(a.name));
  const query = (selection: string) =>
    `query(${declared.map((a) => `$${a.name}: ${String(getNullableType(a.type))}`).join(", ")}) { list: ${field.name}(${declared
      .map((a) => `${a.name}: $${a.name}`)
      .join(", ")}) { ${selection} } }`;
  const page = query(CONNECTION_SELECTION);
  const total = query("totalCount");
  const add = (label: string, text: string, variables: Record<string, unknown>, skipPages = 0) =>
    cases.push({ list: field.name, label, query: text, variables, skipPages });
  const all = Object.fromEntries(filters);

  add("default page", `{ list: ${field.name} { ${CONNECTION_SELECTION} } }`, {});
  for (const order of ordersOf(field)) {
    add(`${order.label}`, page, { first: PAGE, ...order.args });
    for (const [name, value] of filters) add(`${name}, ${order.label}`, page, { first: PAGE, filter: { [name]: value }, ...order.args });
    if (filters.length > 1) add(`all filters, ${order.label}`, page, { first: PAGE, filter: all, ...order.args });
    add(`page ${DEEP_PAGE}, ${order.label}`, page, { first: PAGE, ...order.args }, DEEP_PAGE - 1);
  }
  add("totalCount", total, { first: 0 });
  for (const [name, value] of filters) add(`totalCount, ${name}`, total, { first: 0, filter: { [name]: value } });
  if (filters.length > 1) add("totalCount, all filters", total, { first: 0, filter: all });
}
