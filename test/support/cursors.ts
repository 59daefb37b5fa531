// A cursor of the list `cursor` came from, moved to another position: what a client can forge
// from a cursor of its own, to probe where rows it cannot see lie. `to` is a position, or another
// cursor (another viewer's, another list's) whose position to take.
export function movedCursor(cursor: string, to: { v: unknown; id: string } | string): string {
  const decode = (text: string) => JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as { o: string; v: unknown; id: string };
  const { v, id } = typeof to === "string" ? decode(to) : to;
  return Buffer.from(JSON.stringify({ o: decode(cursor).o, v, id })).toString("base64url");
}
