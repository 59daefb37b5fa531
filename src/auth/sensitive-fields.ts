// Fields whose every read is audited. Listed once here; the permission layer (secure-schema.ts)
// records each read it allowed, and the request's reads are written as one audit event per type at
// its end (src/api/sensitive-read-audit.plugin.ts). Evidence fields join this list when they exist.
export const SENSITIVE_FIELDS: Record<string, readonly string[]> = {
  Seller: ["registeredName", "contact", "paymentAccount"],
};
