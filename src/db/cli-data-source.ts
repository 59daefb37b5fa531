import "reflect-metadata";
import { DataSource } from "typeorm";
import { entities } from "../entities";
import { migrations } from "./migrations";

// For the TypeORM CLI (migration:generate and migration:run) against a PostgreSQL server.
export default new DataSource({
  type: "postgres",
  url: process.env.DATABASE_URL,
  entities,
  migrations,
  uuidExtension: "pgcrypto",
});
