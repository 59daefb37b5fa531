import type { RowLoader } from "../data/row-loader";

// For a non-null field whose row the scope always lets through with its parent (an infringement's
// brand, a listing's seller). A miss means the data or the scopes are inconsistent: an internal
// error, never a partial object. A row the loader already has comes back as it is, not in a
// promise (see RowLoader).
export function loadRequired<T>(loader: RowLoader<T>, id: string): T | Promise<T> {
  const known = loader.peek(id);
  if (known !== undefined) return required(known, id);
  return loader.load(id).then((row) => required(row, id));
}

function required<T>(row: T | null, id: string): T {
  if (row === null) throw new Error(`A related row ${id} is missing or out of scope`);
  return row;
}

// The same for a list of related rows (a referral's cases and sellers), batched by the loader.
// Async, so that a known missing row rejects the list rather than throwing out of it.
export async function loadAllRequired<T>(loader: RowLoader<T>, ids: readonly string[]): Promise<T[]> {
  return Promise.all(ids.map((id) => loadRequired(loader, id)));
}
