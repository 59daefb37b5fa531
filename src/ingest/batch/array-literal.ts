// Values as a PostgreSQL array literal, the text pg sends for an array parameter: each element
// quoted, its backslashes and quotes escaped, NULL for null. pg builds it one element at a time
// into ever longer strings; a batch's dozen arrays of thousands of values made megabytes of them.
// Most arrays (ids, numbers, marketplaces) need no escaping and have no null: one join makes them.
type Element = string | number | boolean | null;

const NEEDS_ESCAPE = /["\\]/;
const ESCAPED = /["\\]/g;

// (undefined, which pg also sends as NULL, is null here too)
const plain = (value: Element) => value != null && (typeof value !== "string" || !NEEDS_ESCAPE.test(value));

const element = (value: Element) => {
  if (value == null) return "NULL";
  const text = String(value);
  return `"${NEEDS_ESCAPE.test(text) ? text.replace(ESCAPED, "\\$&") : text}"`;
};

export function arrayLiteral(values: readonly Element[]): string {
  if (values.length === 0) return "{}";
  return values.every(plain) ? `{"${values.join('","')}"}` : `{${values.map(element).join(",")}}`;
}

// An array parameter of one value per item.
export const arrayColumn = <T>(items: readonly T[], value: (item: T) => Element) => arrayLiteral(items.map(value));
