import type DataLoader from "dataloader";

// For a non-null field whose row the scope always lets through with its parent (an infringement's
// brand, a listing's seller). A miss means the data or the scopes are inconsistent: an internal
// error, never a partial object.
export async function loadRequired<T>(loader: DataLoader<string, T | null>, id: string): Promise<T> {
  const row = await loader.load(id);
  if (row === null) throw new Error(`A related row ${id} is missing or out of scope`);
  return row;
}
