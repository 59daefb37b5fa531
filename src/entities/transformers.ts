import type { ValueTransformer } from "typeorm";

// node-postgres returns bigint as a string; money in minor units stays well inside 2^53.
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
