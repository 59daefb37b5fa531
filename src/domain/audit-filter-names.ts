import { badInput } from "../errors";

// An audit log filter's names (`actions`, `targetTypes`), exactly as stored, when every one is in
// `known`: a typo or a guessed name would match nothing without a word, so it is refused with the
// names there are, in the message and in `extensions` (`knownActions`, `knownTargetTypes`).
export function checkAuditFilterNames(field: "actions" | "targetTypes", noun: string, names: readonly string[], known: readonly string[]): string[] {
  const knownNames: ReadonlySet<string> = new Set(known);
  const unknown = names.filter((name) => !knownNames.has(name));
  if (unknown.length) {
    throw badInput(
      `\`filter.${field}\` holds ${unknown.map((name) => JSON.stringify(name)).join(", ")}, which ${unknown.length === 1 ? `is no audit ${noun}` : `are no audit ${noun}s`}; ` +
        `the ${noun}s are ${known.join(", ")}`,
      { [`known${field[0].toUpperCase()}${field.slice(1)}`]: known },
    );
  }
  return [...names];
}
