// PostGraphile 5 with its recommended preset (amber) over the alliance's tables, in WORKERS
// processes sharing PORT, as `npm start` serves the API. Each request's JWT (PgLazyJWTPreset, signed
// with JWT_SECRET) sets the database role and the brand's organization id, and PostgreSQL's row
// security scopes the rows: PostGraphile's own way of giving each tenant its rows.
import cluster from "node:cluster";
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { PgLazyJWTPreset } from "postgraphile/presets/lazy-jwt";

const workers = Number(process.env.WORKERS ?? 1);
const port = Number(process.env.PORT);

if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
  process.on("SIGTERM", () => {
    for (const worker of Object.values(cluster.workers)) worker.kill();
    process.exit(0);
  });
} else {
  const pgl = postgraphile({
    extends: [PostGraphileAmberPreset, PgLazyJWTPreset],
    pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ["public"] })],
    grafserv: { port, graphiql: false, pgJwtSecret: process.env.JWT_SECRET },
    grafast: { explain: false },
  });
  const server = createServer();
  await pgl.createServ(grafserv).addTo(server);
  server.listen(port);
}
