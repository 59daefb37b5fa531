import type { Logger } from "typeorm";

// Counts the SQL statements the server sends, through TypeORM's query log.
export class StatementCounter implements Logger {
  count = 0;
  readonly statements: string[] = [];

  logQuery(query: string) {
    this.count += 1;
    this.statements.push(query);
  }
  reset() {
    this.count = 0;
    this.statements.length = 0;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}
