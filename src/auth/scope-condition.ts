// A row scope's answer for one viewer: an SQL condition on a row alias, with its parameters.
export type ScopeCondition = { sql: string; params: Record<string, unknown> };

export const ALL: ScopeCondition = { sql: "TRUE", params: {} };
export const NONE: ScopeCondition = { sql: "FALSE", params: {} };
