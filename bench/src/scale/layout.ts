/**
 * Layout changes, each measured against the layout before it in the same run:
 * - a status-leading index on the work queue (the status filters walk the order index and
 *   skip every ticket of another status; this index starts at the status instead);
 * - archiving closed tickets' events: moved to `events_archive` (same columns and indexes),
 *   the hot table rewritten, then appends and reads of open tickets timed again. The
 *   streams rows stay, so an archived ticket cannot be opened again under its id.
 * Archiving changes the log (read-all no longer sees the moved events), so it runs last.
 */
import type pg from "pg";
import type { PostgresEventStore } from "../../../packages/store-postgres/src/index.js";
import { type Figure, fmt } from "./report.js";
import { type SampleContext, sampleAt } from "./samples.js";
import { ourSize } from "./sizes.js";
import { QUEUE_PAGES, timeQueuePages } from "./work-queue.js";

const STATUS_INDEX = "work_queue_status_bench";

/** Queue pages before and after a status-leading index; the index is dropped afterwards. */
export const queueIndexChange = async (
  store: PostgresEventStore,
  db: pg.ClientBase,
  table: string,
): Promise<string[]> => {
  const before = await timeQueuePages(store);
  const t = performance.now();
  await db.query(
    `CREATE INDEX ${STATUS_INDEX} ON ${table} (tenant, status, vip DESC, next_deadline, priority_rank, opened_at, ticket_id)`,
  );
  const built = (performance.now() - t) / 1000;
  const { rows } = await db.query<{ bytes: string }>(
    `SELECT pg_relation_size('"${store.schema.name}".${STATUS_INDEX}')::text AS bytes`,
  );
  await db.query(`ANALYZE ${table}`);
  const after = await timeQueuePages(store);
  await db.query(`DROP INDEX "${store.schema.name}".${STATUS_INDEX}`);
  const lines = [
    `scale: layout status-leading queue index: built in ${built.toFixed(1)} s, ${(Number(rows[0]?.bytes) / 1024 / 1024).toFixed(0)} MB`,
  ];
  for (const page of QUEUE_PAGES) {
    const b = before.get(page.name);
    const a = after.get(page.name);
    if (!a || !b) continue;
    lines.push(
      `scale: layout status-leading queue index, ${page.name}: p50 ${fmt(a.p50)} ms vs without ${fmt(b.p50)} ms: ${(b.p50 / a.p50).toFixed(2)}×; p95 ${fmt(a.p95)} vs ${fmt(b.p95)}: ${(b.p95 / a.p95).toFixed(2)}×; buffers ${a.buffers} vs ${b.buffers}: ${(b.buffers / Math.max(1, a.buffers)).toFixed(2)}× (scans ${a.indexes.join(", ") || "no index"})`,
    );
  }
  return lines;
};

/** Closed tickets' events move to the archive; returns the figures before and after, and the sizes. */
export const archiveClosed = async (
  db: pg.ClientBase,
  ctx: Omit<SampleContext, "baseline" | "baselineLabel" | "theirs">,
  loadedTickets: number,
  isClosed: (n: number) => boolean,
): Promise<{ figures: Figure[]; lines: string[] }> => {
  const sample: SampleContext = {
    ...ctx,
    theirs: undefined,
    baseline: new Map(),
    baselineLabel: "all in one table",
    readable: (n) => !isClosed(n),
  };
  const figures = await sampleAt(sample, "before archiving", loadedTickets);
  const before = await ourSize(db);
  const t = performance.now();
  await db.query("CREATE TABLE ticketfold.events_archive (LIKE ticketfold.events INCLUDING ALL)");
  await db.query(`WITH closed AS (SELECT tenant, stream_id FROM ticketfold.events WHERE type = 'closed'),
    moved AS (DELETE FROM ticketfold.events e USING closed c WHERE e.tenant = c.tenant AND e.stream_id = c.stream_id RETURNING e.*)
    INSERT INTO ticketfold.events_archive OVERRIDING SYSTEM VALUE SELECT * FROM moved`);
  const moved = (performance.now() - t) / 1000;
  const r = performance.now();
  await db.query("VACUUM FULL ticketfold.events");
  await db.query("ANALYZE ticketfold.events");
  await db.query("VACUUM ANALYZE ticketfold.events_archive");
  // The move's dirty pages are written before the samples, not during them.
  await db.query("CHECKPOINT");
  const rewritten = (performance.now() - r) / 1000;
  const after = await ourSize(db);
  figures.push(...(await sampleAt(sample, "after archiving", loadedTickets)));
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
  return {
    figures,
    lines: [
      `scale: archive closed tickets: moved ${(before.events - after.events).toLocaleString("en")} events in ${moved.toFixed(0)} s, rewrote the hot table in ${rewritten.toFixed(0)} s; hot events table ${mb(after.eventsBytes)} (indexes ${mb(after.indexBytes)}) vs ${mb(before.eventsBytes)} (indexes ${mb(before.indexBytes)}) before`,
    ],
  };
};
