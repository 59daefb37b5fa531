import type DataLoader from "dataloader";

// For a non-null field whose row the scope always lets through with its parent (an infringement's
// brand, a listing's seller). A miss means the data or the scopes are inconsistent: an internal
// error, never a partial object.
export async function loadRequired<T>(loader: DataLoader<string, T | null>, id: string): Promise<T> {
  const row = await loader.load(id);
  if (row === null) throw new Error(`A related row ${id} is missing or out of scope`);
  return row;
}

// The same for a list of related rows (a referral's cases and sellers), batched by the loader.
export const loadAllRequired = <T>(loader: DataLoader<string, T | null>, ids: readonly string[]): Promise<T[]> =>
  Promise.all(ids.map((id) => loadRequired(loader, id)));
