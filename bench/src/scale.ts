/**
 * Ten million events: how one PostgreSQL holds a large Ticketfold log, against
 * emmett-postgresql on the same rows, in a database of its own (`ticketfold_bench_10m`,
 * dropped at the end unless --keep). The log grows to --events (default 1,000,000; the full
 * run is `pnpm bench:10m`, --events 10000000) as 20-event tickets (templates.ts: half closed
 * by default), bulk-loaded server-side (load.ts); at 0, ¼, ½ and all of it the stores'
 * real append path and read+fold are timed (samples.ts); at ¼ and at the end, a catch-up
 * read from zero and a read-side rebuild (log-reads.ts); at the end, the work queue at
 * --queue open tickets (work-queue.ts), disk per event (sizes.ts) and two layout changes
 * (layout.ts). Every figure prints its ratio to a baseline of this run, and to emmett where
 * emmett has the same rows. See docs/scaling.md for the figures and what they mean.
 *
 * Run: `pnpm bench:scale` (1M) or `pnpm bench:10m`, or from bench/:
 * `npx tsx --conditions=@ticketfold/source --expose-gc src/scale.ts --events 2000000`.
 */
import { parseArgs } from "node:util";
import pg from "pg";
import { createPostgresEventStore, ensureReadSide, pgDriver } from "../../packages/store-postgres/src/index.js";
import { emmettContender, ticketfoldContender } from "./postgres/contenders.js";
import { type Contender, ticketEvents } from "./postgres/workload.js";
import { archiveClosed, queueIndexChange } from "./scale/layout.js";
import { createTemplateTable, type LoadTimes, loadTickets } from "./scale/load.js";
import { type ReadRate, timeCatchUp, timeRebuild } from "./scale/log-reads.js";
import { count, fmt, line } from "./scale/report.js";
import { type SampleContext, sampleAt } from "./scale/samples.js";
import { emmettSize, ourSize, sizeLines } from "./scale/sizes.js";
import { EVENTS_PER_TICKET, isClosedTemplate, queueTemplates, TEMPLATES, templateRows } from "./scale/templates.js";
import { createQueueTemplateTable, fillQueue, QUEUE_PAGES, timeQueuePages } from "./scale/work-queue.js";

const { values: opts } = parseArgs({
  options: {
    events: { type: "string", default: "1000000" },
    queue: { type: "string", default: "500000" },
    "closed-share": { type: "string", default: "0.5" },
    budget: { type: "string", default: "60" },
    keep: { type: "boolean", default: false },
    "no-emmett": { type: "boolean", default: false },
    "no-archive": { type: "boolean", default: false },
  },
});
const EVENTS = Number(opts.events);
const QUEUE = Number(opts.queue);
const CLOSED_SHARE = Number(opts["closed-share"]);
const BUDGET_MS = Number(opts.budget) * 1000;
const EMMETT = !opts["no-emmett"];
const TICKETS = Math.round(EVENTS / EVENTS_PER_TICKET);
const DATABASE = "ticketfold_bench_10m";
const BASE_URL = process.env.TICKETFOLD_PG_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const url = new URL(BASE_URL);
url.pathname = `/${DATABASE}`;

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const say = (text: string) => console.log(text);

const admin = async (sql: string) => {
  const c = new pg.Client({ connectionString: BASE_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
};

/** How much of the log a timed read covered, or how long the whole log would take at its rate. */
const coverage = (r: ReadRate, total: number): string =>
  r.complete
    ? `whole log in ${r.seconds.toFixed(0)} s`
    : `${count(r.events)} in ${r.seconds.toFixed(0)} s, whole log ≈ ${(total / r.rate).toFixed(0)} s`;

await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
await admin(`CREATE DATABASE ${DATABASE}`);
say(
  `scale: ${count(EVENTS)} events (${TICKETS.toLocaleString("en")} tickets of ${EVENTS_PER_TICKET}, ${Math.round(CLOSED_SHARE * 100)}% closed), queue of ${count(QUEUE)}, PostgreSQL at ${url.host}, database ${DATABASE}${EMMETT ? ", emmett-postgresql 0.42 on the same rows" : ""}; ratio > 1 = Ticketfold better (or: better than the baseline)`,
);
const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
pool.on("error", () => {});
const store = createPostgresEventStore({ driver: pgDriver(pool), notify: false });
const db = new pg.Client({ connectionString: url.toString() });
let ours: Contender | undefined;
let theirs: Contender | undefined;
try {
  await db.connect();
  await db.query("SET maintenance_work_mem = '256MB'");
  await store.migrate();
  await ensureReadSide(store);
  ours = ticketfoldContender(url.toString());
  theirs = EMMETT ? await emmettContender(url.toString()) : undefined;
  await createTemplateTable(db, templateRows(CLOSED_SHARE));
  const { flat } = ticketEvents(200);
  const ctx: SampleContext = { ours, theirs, events: flat, baseline: new Map(), baselineLabel: "empty log" };
  const times: LoadTimes = { ours: 0, theirs: 0 };
  const checkpoints = [0, TICKETS / 4, TICKETS / 2, TICKETS].map(Math.round);
  let loaded = 0;
  let firstReads: { ours: ReadRate; theirs?: ReadRate; rebuild: ReadRate } | undefined;
  for (const target of checkpoints) {
    await loadTickets(db, loaded, target, EMMETT, times);
    loaded = target;
    // The load's dirty pages are written before the samples, not during them.
    await db.query("CHECKPOINT");
    const at = `@ ${count(target * EVENTS_PER_TICKET)}`;
    say(
      `scale: loaded ${count(target * EVENTS_PER_TICKET)} bulk events (ticketfold ${times.ours.toFixed(0)} s, emmett ${times.theirs.toFixed(0)} s so far), ${elapsed()}`,
    );
    for (const f of await sampleAt(ctx, at, target)) say(line(f));
    if (target === 0 || target === TICKETS / 2) continue;
    const countOf = async (table: string) =>
      Number((await db.query(`SELECT count(*)::text AS n FROM ${table}`)).rows[0].n);
    const total = await countOf("ticketfold.events");
    const theirTotal = theirs ? await countOf("emt_messages") : 0;
    const catchUp = await timeCatchUp(ours, BUDGET_MS, false);
    const theirCatchUp = theirs && (await timeCatchUp(theirs, BUDGET_MS / 2, false));
    const rebuild = await timeRebuild(store, BUDGET_MS);
    const base = firstReads && {
      value: firstReads.ours.rate,
      label: `@ ${count((checkpoints[1] as number) * EVENTS_PER_TICKET)}`,
    };
    say(
      line({
        metric: "catch-up readAll from zero, pages of 1000",
        at,
        ours: catchUp.rate,
        unit: "events/s",
        higherIsBetter: true,
        ...(base ? { baseline: base } : {}),
        ...(theirCatchUp ? { theirs: theirCatchUp.rate } : {}),
      }) +
        ` (ticketfold: ${coverage(catchUp, total)}${theirCatchUp ? `; emmett: ${coverage(theirCatchUp, theirTotal)}` : ""})`,
    );
    const rebuildBase = firstReads && { value: firstReads.rebuild.rate, label: base?.label ?? "" };
    say(
      line({
        metric: "read-side rebuild from zero, batches of 500",
        at,
        ours: rebuild.rate,
        unit: "events/s",
        higherIsBetter: true,
        ...(rebuildBase ? { baseline: rebuildBase } : {}),
      }) +
        ` (${coverage(rebuild, total)}; ${rebuild.queued.toLocaleString("en")} tickets queued by then; vs catch-up alone ${(rebuild.rate / catchUp.rate).toFixed(2)}×)`,
    );
    firstReads ??= { ours: catchUp, ...(theirCatchUp ? { theirs: theirCatchUp } : {}), rebuild };
    say(`scale: ${elapsed()}`);
  }
  for (const l of sizeLines(await ourSize(db), theirs ? await emmettSize(db) : undefined)) say(l);

  // The work queue: a tenth of the size first (baseline), then the full size, then a layout change.
  await createQueueTemplateTable(db, queueTemplates(4000));
  const version = await ensureReadSide(store);
  const small = Math.round(QUEUE / 10);
  await fillQueue(store, db, version, small);
  const baseQueue = await timeQueuePages(store);
  const table = await fillQueue(store, db, version, QUEUE);
  const fullQueue = await timeQueuePages(store);
  for (const page of QUEUE_PAGES) {
    const b = baseQueue.get(page.name);
    const f = fullQueue.get(page.name);
    if (!b || !f) continue;
    say(
      `scale: work queue ${page.name} plan @ ${count(QUEUE)} open: ${f.buffers} buffers vs ${b.buffers} @ ${count(small)} (${(b.buffers / Math.max(1, f.buffers)).toFixed(2)}×), scans ${f.indexes.join(", ") || "no index"}`,
    );
    for (const q of ["p50", "p95"] as const) {
      say(
        line({
          metric: `work queue ${page.name} (${f.rows.toLocaleString("en")} rows) ${q}`,
          at: `@ ${count(QUEUE)} open`,
          ours: f[q],
          unit: "ms",
          higherIsBetter: false,
          baseline: { value: b[q], label: `@ ${count(small)} open` },
        }),
      );
    }
  }
  for (const l of await queueIndexChange(store, db, table)) say(l);
  say(`scale: ${elapsed()}`);

  if (!opts["no-archive"]) {
    const isClosed = (n: number) => isClosedTemplate(n % TEMPLATES, CLOSED_SHARE);
    const archived = await archiveClosed(db, { ours, events: flat }, loaded, isClosed);
    for (const f of archived.figures) say(line(f));
    for (const l of archived.lines) say(l);
  }
  say(`scale: done in ${elapsed()} (bulk load: ticketfold ${fmt(times.ours)} s, emmett ${fmt(times.theirs)} s)`);
} finally {
  await ours?.close();
  await theirs?.close();
  await store.close();
  await pool.end();
  await db.end();
  if (!opts.keep) await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
}
