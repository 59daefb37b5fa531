import type DataLoader from "dataloader";
import { notFound } from "../errors";
import { fromGlobalId } from "../schema/global-id";
import type { NodeTypeName } from "../schema/node-types";

// A root field's lookup by the client's global id. The loaders read through the row scopes, so a
// row that is not the viewer's is answered exactly as one that does not exist.
export async function lookUp<T>(loader: DataLoader<string, T | null>, globalId: string, typeName: NodeTypeName): Promise<T> {
  const row = await loader.load(fromGlobalId(globalId, typeName));
  if (!row) throw notFound(typeName);
  return row;
}
