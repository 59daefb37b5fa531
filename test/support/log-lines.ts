import type { Logger } from "../../src/logger";

export interface LogLine {
  level: string;
  message: string;
  fields?: Record<string, unknown>;
}

// The server's log lines, as the logger was handed them, whatever their level.
export function logLines() {
  const lines: LogLine[] = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push({ level, message, fields });
  const logger: Logger = { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
  return { lines, logger };
}

// Every request ends in a line of the request log (src/api/request-log.ts): these are the others.
export const besidesRequestLines = (lines: LogLine[]) => lines.filter((line) => line.message !== "request");
