import { types, type CustomTypesConfig } from "pg";

// A date column (a raid date, a filing date: a day of the calendar, in no time zone) is read as the
// "YYYY-MM-DD" text PostgreSQL sends. pg's own parser made it midnight in the API process's time
// zone, from which TypeORM took the local date back: a day that zone skipped has no midnight
// (Samoa's 2011-12-30, Kiribati's 1994-12-31), and it came back as the next day, and was written
// back so by an update that kept it.
const DATE_OID = types.builtins.DATE;
const asText = (text: string) => text;

export const columnParsers: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === DATE_OID && format !== "binary" ? asText : types.getTypeParser(oid, format)) as CustomTypesConfig["getTypeParser"],
};
