import type { Response } from "express";
import type { ErrorCode } from "../errors";
import { requestLogEntryOf } from "./request-log";

// A request refused before GraphQL runs (a body it cannot read, a GET operation, a path that is not
// the API's), answered in GraphQL's error shape with a code, as everything else the API answers.
export function refuse(res: Response, status: number, code: ErrorCode, message: string): void {
  requestLogEntryOf(res)?.errorCodes.add(code);
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}
