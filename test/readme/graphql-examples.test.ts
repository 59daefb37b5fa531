import { getVariableValues, Kind, parse, specifiedRules, validate, type DocumentNode, type GraphQLError, type OperationDefinitionNode } from "graphql";
import { documentChecks } from "../../src/api/document-checks";
import { secureSchema } from "../../src/auth/secure-schema";
import { loadConfig } from "../../src/config";
import { buildBaseSchema } from "../../src/schema/build-schema";
import { fencedBlocks, type FencedBlock } from "../support/readme";

// Every GraphQL example in the README must be one the server would run: it parses, names only
// fields, arguments, enum values and input fields the schema has, declares every variable it uses,
// and passes the server's own checks (one mutation a request, the depth, alias and cost limits at
// their defaults). A block may hold several operations; each is a request of its own. A curl
// example's variables must be the ones its operation declares, of their types.

interface Example {
  from: "graphql block" | "curl body";
  // Where a reader finds it: the README's line and the operation's first line.
  name: string;
  document: DocumentNode | null;
  parseError?: string;
  // What a curl example sends beside its query.
  variables?: Record<string, unknown>;
}

const schema = secureSchema(buildBaseSchema());
const checks = documentChecks(loadConfig({}).limits);
const rules = [...specifiedRules, ...checks.validationRules];

const isGraphqlBlock = (block: FencedBlock) =>
  block.language === "graphql" ||
  // An untagged block is an example too when it reads as one.
  (block.language === "" && /^\s*(#.*\n\s*)*(query|mutation|subscription|fragment)?\s*\{/.test(block.text));

// `curl ... -d '{"query":"..."}'` in the shell examples: the body as sent.
function curlBodies(block: FencedBlock): Example[] {
  const examples: Example[] = [];
  block.text.split("\n").forEach((line, index) => {
    const body = /-d '([^']*)'/.exec(line)?.[1];
    if (body === undefined) return;
    const name = `README.md line ${block.firstLine + index}: ${body}`;
    let query: unknown;
    let variables: Record<string, unknown> | undefined;
    try {
      ({ query, variables } = JSON.parse(body) as { query?: unknown; variables?: Record<string, unknown> });
    } catch (error) {
      examples.push({ from: "curl body", name, document: null, parseError: `the body is not JSON: ${(error as Error).message}` });
      return;
    }
    if (typeof query !== "string") {
      examples.push({ from: "curl body", name, document: null, parseError: "the body has no query string" });
      return;
    }
    examples.push(...operationsOf(query, block.firstLine + index, name, "curl body").map((example) => ({ ...example, variables })));
  });
  return examples;
}

// One example per operation, with the block's fragments beside it.
function operationsOf(text: string, firstLine: number, blockName: string, from: Example["from"]): Example[] {
  let document: DocumentNode;
  try {
    document = parse(text, checks.parseOptions);
  } catch (error) {
    const where = (error as GraphQLError).locations?.[0];
    const line = where ? ` (README.md line ${firstLine + where.line - 1})` : "";
    return [{ from, name: blockName, document: null, parseError: `${(error as Error).message}${line}` }];
  }
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  const operations = document.definitions.filter((definition) => definition.kind !== Kind.FRAGMENT_DEFINITION);
  return operations.map((operation) => {
    const start = operation.loc?.startToken.line ?? 1;
    const source = text.split("\n")[start - 1].trim();
    return {
      from,
      name: `README.md line ${firstLine + start - 1}: ${source.length > 100 ? `${source.slice(0, 100)}...` : source}`,
      document: { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] },
    };
  });
}

const examples: Example[] = fencedBlocks().flatMap((block) => {
  if (block.language === "sh") return curlBodies(block);
  if (!isGraphqlBlock(block)) return [];
  return operationsOf(block.text, block.firstLine, `README.md block at line ${block.firstLine}`, "graphql block");
});

// What the server would refuse in an example, each said in a line of its own.
function problemsOf(example: Example): string[] {
  if (example.document === null) return [`does not parse: ${example.parseError}`];
  const invalid = validate(schema, example.document, rules).map((error) => `invalid: ${error.message}`);
  if (invalid.length > 0 || !example.variables) return invalid;
  const operation = example.document.definitions[0] as OperationDefinitionNode;
  const definitions = operation.variableDefinitions ?? [];
  const declared = definitions.map((definition) => definition.variable.name.value);
  const undeclared = Object.keys(example.variables)
    .filter((name) => !declared.includes(name))
    .map((name) => `variable: "${name}" is sent but the operation does not declare $${name}`);
  const coerced = getVariableValues(schema, definitions, example.variables);
  return [...undeclared, ...(coerced.errors ?? []).map((error) => `variable: ${error.message}`)];
}

describe("the README's GraphQL examples", () => {
  it("are found: every graphql block and every curl body", () => {
    const graphqlBlocks = fencedBlocks().filter((block) => block.language === "graphql").length;
    expect(graphqlBlocks).toBeGreaterThan(10);
    expect(examples.length).toBeGreaterThan(graphqlBlocks);
    expect(examples.filter((example) => example.from === "curl body").length).toBeGreaterThan(2);
  });

  it.each(examples.map((example) => [example.name, example] as const))("%s", (_name, example) => {
    expect(problemsOf(example)).toEqual([]);
  });
});
