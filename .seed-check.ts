import { loadConfig } from "./src/config";
import { openDatabase } from "./src/db/data-source";
import { isSeeded, seedDemoAlliance } from "./src/seed/demo-alliance";

async function main() {
  const env = process.argv[2] === "pg"
    ? { DATABASE_URL: "postgres://postgres@127.0.0.1:54329/seedcheck", JWT_SECRET: "x".repeat(40) }
    : { DATA_DIR: process.argv[3] ?? "/tmp/seedcheck" };
  let t = Date.now();
  const db = await openDatabase(loadConfig(env as NodeJS.ProcessEnv));
  console.log("open+migrate ms", Date.now() - t);
  t = Date.now();
  const summary = await db.dataSource.transaction(async (m) => {
    console.log("seeded before?", await isSeeded(m));
    return seedDemoAlliance(m, { onProgress: (msg) => console.log("  " + msg) });
  });
  console.log("seed ms", Date.now() - t, summary);
  const q = (sql: string) => db.dataSource.query(sql);
  console.log(await q(`select md5(string_agg(id::text || slug || name || kind || joined_at::text, ',' order by id)) org, (select md5(string_agg(id::text||email||role, ',' order by id)) from app_user) users,
     (select md5(string_agg(id::text||name||aliases::text, ',' order by id)) from brand) brands,
     (select md5(string_agg(p::text, ',' order by id)) from product p) products,
     (select md5(string_agg(s::text, ',' order by id)) from seller s) sellers,
     (select md5(string_agg(l::text, ',' order by id)) from listing l) listings,
     (select md5(string_agg(i::text, ',' order by id)) from suspected_infringement i) infringements from organization`));
  console.log(await q(`select b.name, count(*)::int from suspected_infringement i join brand b on b.id=i.brand_id group by 1 order by 2`));
  console.log(await q(`select count(*)::int bad from suspected_infringement where updated_at < detected_at or risk_score <> (select sum((s->>'contribution')::int) from jsonb_array_elements(risk_signals) s)`));
  console.log(await q(`select count(*)::int bad from listing where risk_score <> coalesce((select sum((s->>'contribution')::int) from jsonb_array_elements(risk_signals) s),0) or last_seen_at < first_seen_at`));
  console.log(await q(`select title, price_minor, currency, specs, image_hashes, average_rating, risk_score from listing order by id limit 3`));
  console.log(await q(`select name, aliases, (select count(*) from product p where p.brand_id=b.id)::int products from brand b order by name limit 4`));
  console.log(await q(`select email, role, o.slug from app_user u join organization o on o.id=u.owner_org_id order by email limit 5`));
  await db.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
