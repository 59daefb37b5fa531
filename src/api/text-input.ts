import type { RequestHandler } from "express";
import { GraphQLError, type ASTVisitor, type StringValueNode, type ValidationContext } from "graphql";
import { isStorableText } from "../domain/validation";
import { ErrorCode } from "../errors";
import { refuse } from "./refusal";

// Text that PostgreSQL cannot store (a NUL character) or that is not Unicode (an unpaired
// surrogate, which would be stored as U+FFFD rather than as sent) is refused before GraphQL runs,
// wherever it is in the request: the query, any variable, any filter. Otherwise each mutation and
// filter would fail on it in the database, as an internal error, or keep something else.
// The path of the first bad string (a value or an object's key) in a parsed body, or null;
// without recursion, as a JSON body may nest deeper than the stack. Strings are checked where they
// are met and only objects and arrays wait on the stack, each with the step that reached it: the
// path is spelt out only for a bad string, as building one for each of a large body's elements
// held the event loop for a quarter of a second on a 2 MB array.
interface Step {
  parent: Step | null;
  key: string | number;
}

function pathOf(step: Step | null): string {
  const keys: (string | number)[] = [];
  for (let at = step; at; at = at.parent) keys.push(at.key);
  return keys.reduceRight<string>((path, key) => (typeof key === "number" ? `${path}[${key}]` : `${path}.${key}`), "request");
}

function badTextIn(body: unknown): string | null {
  if (typeof body === "string") return isStorableText(body) ? null : "request";
  const pending: [object, Step | null][] = body !== null && typeof body === "object" ? [[body, null]] : [];
  // One element: a bad string's path, or null (an object or array waits on the stack).
  const check = (item: unknown, at: Step | null, key: string | number): string | null => {
    if (typeof item === "string") return isStorableText(item) ? null : pathOf({ parent: at, key });
    if (item !== null && typeof item === "object") pending.push([item, { parent: at, key }]);
    return null;
  };
  while (pending.length) {
    const [value, at] = pending.pop()!;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        const bad = check(value[index], at, index);
        if (bad) return bad;
      }
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) return `a key of ${pathOf(at)}`;
      const bad = check(item, at, key);
      if (bad) return bad;
    }
  }
  return null;
}

// Operations come only as POST bodies (a GET's is refused first, in server.ts): the body is all there is to read.
export const refuseBadText: RequestHandler = (req, res, next) => {
  const path = badTextIn(req.body);
  if (!path) return next();
  refuse(res, 400, ErrorCode.BAD_USER_INPUT, `${path.replace(/^(a key of )?request\.(variables\.)?/, "$1")} holds a NUL character or an unpaired surrogate, which text may not`);
};

// The same for a string written in the query itself with an escape (`"a\u0000b"`), which only
// the GraphQL parser turns into the character. One error for the document, pointing at each such
// string: one per string would pass graphql-js's 100 errors and end in "Too many validation errors".
export function textLiteralRule(context: ValidationContext): ASTVisitor {
  const bad: StringValueNode[] = [];
  return {
    StringValue(node) {
      if (!isStorableText(node.value)) bad.push(node);
    },
    Document: {
      leave() {
        if (bad.length === 0) return;
        const which = bad.length === 1 ? "A string in the query holds" : `${bad.length} strings in the query hold`;
        context.reportError(new GraphQLError(`${which} a NUL character or an unpaired surrogate, which text may not`, { nodes: bad }));
      },
    },
  };
}
