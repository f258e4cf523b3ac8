/**
 * The bulk of the ten-million log, loaded server-side: the templates (templates.ts) go into a
 * table once, then each chunk of tickets is ONE transaction of `INSERT … SELECT` that clones
 * them under fresh ticket and event ids, into Ticketfold's tables (events and streams, with
 * every index in place) and the same rows into emmett-postgresql's (emt_messages,
 * emt_streams, its global sequence). Inside a chunk the events are interleaved as concurrent
 * tickets write them (every ticket's first event, then every second one…), and each chunk has
 * its own transaction id, as a live desk's log would. Measured appends go through the stores'
 * real append path (samples.ts), never through this loader.
 */
import type pg from "pg";
import { EVENTS_PER_TICKET, TEMPLATES, type TemplateRow } from "./templates.js";

/** Tickets per chunk (one transaction each): 50,000 events. */
export const CHUNK_TICKETS = 2500;

/** Ticket n's stream id: a ULID-shaped id (hex digits are Crockford digits), unique per n. */
export const bulkTicketId = (n: number): string => `01JNDGB${n.toString(16).toUpperCase().padStart(19, "0")}`;
const ticketIdSql = (n: string) => `'01JNDGB' || lpad(upper(to_hex(${n})), 19, '0')`;
const eventIdSql = (n: string, version: string) =>
  `'01JNDGE' || lpad(upper(to_hex(${n}::bigint * 32 + ${version})), 19, '0')`;

export const createTemplateTable = async (db: pg.ClientBase, rows: readonly TemplateRow[]): Promise<void> => {
  await db.query(`CREATE TABLE public.bench_template (
    template integer NOT NULL, version integer NOT NULL, type text NOT NULL, schema_version integer NOT NULL,
    data jsonb NOT NULL, metadata jsonb NOT NULL, at timestamptz NOT NULL, PRIMARY KEY (template, version))`);
  await db.query(
    `INSERT INTO public.bench_template
    SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::int[], $5::jsonb[], $6::jsonb[], $7::timestamptz[])`,
    [
      rows.map((r) => r.template),
      rows.map((r) => r.version),
      rows.map((r) => r.type),
      rows.map((r) => r.schemaVersion),
      rows.map((r) => r.data),
      rows.map((r) => r.metadata),
      rows.map((r) => r.at),
    ],
  );
};

/** The chunk's events in log order: $1 first ticket, $2 end (exclusive). */
const chunkEvents = `SELECT n, ${ticketIdSql("n")} AS stream_id, tpl.*
  FROM generate_series($1::int, $2::int - 1) n JOIN public.bench_template tpl ON tpl.template = n % ${TEMPLATES}
  ORDER BY tpl.version, n`;

const insertOurs = `INSERT INTO ticketfold.events
    (tenant, stream_id, version, event_id, type, schema_version, data, metadata, recorded_at)
  SELECT 'bench', c.stream_id, c.version, ${eventIdSql("c.n", "c.version")}, c.type, c.schema_version, c.data,
    c.metadata, c.at
  FROM (${chunkEvents}) c`;

const insertOurStreams = `INSERT INTO ticketfold.streams (tenant, stream_id, version)
  SELECT 'bench', ${ticketIdSql("n")}, ${EVENTS_PER_TICKET} FROM generate_series($1::int, $2::int - 1) n`;

// Emmett keeps the schema version as text and, in the benchmark, in the metadata as well
// (contenders.ts decodes it from there); its ids are UUIDs; nextval runs in log order.
const insertEmmett = `INSERT INTO emt_messages (stream_position, global_position, transaction_id, created, stream_id,
    partition, message_schema_version, message_id, message_type, message_data, message_metadata, is_archived, message_kind)
  SELECT c.version, nextval('emt_global_message_position'), pg_current_xact_id(), c.at, c.stream_id, 'emt:default',
    c.schema_version::text, gen_random_uuid()::text, c.type, c.data,
    c.metadata || jsonb_build_object('schemaVersion', c.schema_version), false, 'E'
  FROM (${chunkEvents}) c`;

const insertEmmettStreams = `INSERT INTO emt_streams (stream_id, stream_position, partition, stream_type, stream_metadata, is_archived)
  SELECT ${ticketIdSql("n")}, ${EVENTS_PER_TICKET}, 'emt:default', 'emt:unknown', '{}'::jsonb, false
  FROM generate_series($1::int, $2::int - 1) n`;

const inTransaction = async (db: pg.ClientBase, work: () => Promise<void>): Promise<void> => {
  await db.query("BEGIN");
  try {
    await work();
    await db.query("COMMIT");
  } catch (error) {
    await db.query("ROLLBACK");
    throw error;
  }
};

export interface LoadTimes {
  /** Seconds spent loading Ticketfold's rows, and emmett's. */
  ours: number;
  theirs: number;
}

/** Loads tickets [from, to) into both stores, chunk by chunk; adds the seconds spent to `times`. */
export const loadTickets = async (
  db: pg.ClientBase,
  from: number,
  to: number,
  emmett: boolean,
  times: LoadTimes,
): Promise<void> => {
  for (let a = from; a < to; a += CHUNK_TICKETS) {
    const range = [a, Math.min(to, a + CHUNK_TICKETS)];
    let t = performance.now();
    await inTransaction(db, async () => {
      await db.query(insertOurs, range);
      await db.query(insertOurStreams, range);
    });
    times.ours += (performance.now() - t) / 1000;
    if (!emmett) continue;
    t = performance.now();
    await inTransaction(db, async () => {
      await db.query(insertEmmett, range);
      await db.query(insertEmmettStreams, range);
    });
    times.theirs += (performance.now() - t) / 1000;
  }
  // Fresh statistics, as autovacuum would have them on a live table, so plans are the real ones.
  await db.query("ANALYZE ticketfold.events, ticketfold.streams");
  if (emmett) await db.query("ANALYZE emt_messages, emt_streams");
};
