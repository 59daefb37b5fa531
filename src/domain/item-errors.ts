import { badInput } from "../errors";

export interface ItemError {
  index: number;
  reason: string;
}

const SHOWN_IN_MESSAGE = 10;

// One error for a whole batch: nothing was done, and each bad item is named by its index (an item
// may have several reasons: the count is of items).
export function itemErrors(what: string, total: number, errors: ItemError[], outcome = "nothing was saved") {
  const invalid = new Set(errors.map((e) => e.index)).size;
  const listed = errors.slice(0, SHOWN_IN_MESSAGE).map((e) => `[${e.index}] ${e.reason}`);
  const more = errors.length > SHOWN_IN_MESSAGE ? `; and ${errors.length - SHOWN_IN_MESSAGE} more (see extensions.itemErrors)` : "";
  return badInput(`${invalid} of ${total} ${what} are invalid; ${outcome}: ${listed.join("; ")}${more}`, {
    itemErrors: errors,
  });
}

// The index each key was first given at in a call, so that a repeat is named by the item it repeats.
export class FirstIndexes<K> extends Map<K, number> {
  // The earlier item's index when `key` was given before; else none, and this item is the first.
  earlierThan(key: K, index: number): number | undefined {
    const earlier = this.get(key);
    if (earlier === undefined) this.set(key, index);
    return earlier;
  }
}
