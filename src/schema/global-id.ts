import { badInput } from "../errors";

// Opaque global ids: base64url of "<Type>:<uuid>". Ids are never guessable from each other, and the
// type travels with the id so that node(id:) knows where to look.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const toGlobalId = (typeName: string, id: string) => Buffer.from(`${typeName}:${id}`).toString("base64url");

export function parseGlobalId(globalId: string): { typeName: string; id: string } {
  const decoded = /^[A-Za-z0-9_-]{1,200}$/.test(globalId) ? Buffer.from(globalId, "base64url").toString("utf8") : "";
  const separator = decoded.indexOf(":");
  const typeName = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (separator < 1 || !UUID.test(id)) throw badInput(`"${globalId.slice(0, 100)}" is not a valid ID`);
  return { typeName, id };
}

// The database id behind a global id that must name the given type.
export function fromGlobalId(globalId: string, expectedType: string): string {
  const { typeName, id } = parseGlobalId(globalId);
  if (typeName !== expectedType) throw badInput(`"${globalId.slice(0, 100)}" is not an ID of ${/^[AEIO]/.test(expectedType) ? "an" : "a"} ${expectedType}`);
  return id;
}

// For ids that are checked with others, all at once: the id with its database id, or null when it
// is not a valid id of the type, so that the error can name every bad id instead of the first.
export function idItemOf(given: string, expectedType: string): { given: string; id: string | null } {
  try {
    return { given, id: fromGlobalId(given, expectedType) };
  } catch {
    return { given, id: null };
  }
}

export const idItemsOf = (globalIds: readonly string[], expectedType: string) => globalIds.map((given) => idItemOf(given, expectedType));
