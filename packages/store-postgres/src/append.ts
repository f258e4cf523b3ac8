/**
 * One append = ONE statement, so one transaction and one round trip, with no table-wide lock:
 * 1. `claimed` moves the stream row forward for the expected version (an UPDATE … WHERE
 *    version = expected, an INSERT of a new stream that backs off when another writer created
 *    it first, or an upsert for `any`); writers of one stream queue on its row lock, writers of
 *    different streams never wait for each other;
 * 2. `inserted` writes ALL the events in one INSERT (unnest of parallel arrays), numbered from
 *    the claimed version; it inserts nothing when nothing was claimed.
 * No row back means a concurrency conflict, reported with the actual version read afterwards.
 * The statement is named, so on a server each connection prepares it once and then only binds
 * parameters: planning the statement was a third of the server's time per append (bench/postgres).
 */
import {
  type AppendResult,
  ConcurrencyConflict,
  checkExpectedVersion,
  type ExpectedVersion,
  InvalidAppend,
  MAX_STREAM_VERSION,
  type NewEvent,
} from "@ticketfold/core";
import { isSqlState, namedStatements, type SqlExecutor } from "./driver.js";
import { toJsonb, toRecorded } from "./rows.js";
import type { StoreSchema } from "./schema.js";

export interface AppendInput {
  readonly tenantId: string;
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expectedVersion: ExpectedVersion;
  readonly eventIds: readonly string[];
  /** Recording instant (epoch ms); the database clock when absent. */
  readonly recordedAt?: number;
  /** Send NOTIFY on this channel (payload: the tenant) when the append commits. */
  readonly notifyChannel?: string;
}

/** Moves the stream row forward by $3 events, per expected-version mode. */
const claimStream = (s: StoreSchema, expected: ExpectedVersion, expectedParam: string): string => {
  if (expected === "any") {
    return `INSERT INTO ${s.streams} AS st (tenant, stream_id, version) VALUES ($1, $2, $3)
      ON CONFLICT (tenant, stream_id) DO UPDATE SET version = st.version + EXCLUDED.version, updated_at = now()
      RETURNING st.version`;
  }
  if (expected === "no_stream" || expected === 0) {
    // A racing creator makes this insert wait, then do nothing: nothing claimed ⇒ conflict.
    return `INSERT INTO ${s.streams} (tenant, stream_id, version) VALUES ($1, $2, $3)
      ON CONFLICT (tenant, stream_id) DO NOTHING RETURNING version`;
  }
  const guard = expected === "stream_exists" ? "" : ` AND version = ${expectedParam}`;
  return `UPDATE ${s.streams} SET version = version + $3, updated_at = now()
    WHERE tenant = $1 AND stream_id = $2${guard} RETURNING version`;
};

const appendSql = (s: StoreSchema, expected: ExpectedVersion, notifyParam: string | undefined, expectedParam: string) =>
  `WITH claimed AS (
  ${claimStream(s, expected, expectedParam)}
), inserted AS (
  INSERT INTO ${s.events} AS e (tenant, stream_id, version, event_id, type, schema_version, data, metadata, recorded_at)
  SELECT $1, $2, c.version - $3 + n.ord, n.event_id, n.type, n.schema_version, n.data::jsonb, n.metadata::jsonb,
    coalesce(to_timestamp($9::float8 / 1000), now())
  FROM claimed c,
    unnest($4::text[], $5::text[], $6::int[], $7::text[], $8::text[])
      WITH ORDINALITY AS n(event_id, type, schema_version, data, metadata, ord)
  RETURNING e.version, e.transaction_id::text AS transaction_id, e.global_position::text AS global_position,
    floor(extract(epoch FROM e.recorded_at) * 1000)::float8 AS recorded_ms
)${
    notifyParam === undefined
      ? ""
      : `, notified AS (SELECT pg_notify(${notifyParam}, $1) FROM (SELECT 1 FROM inserted LIMIT 1) one)`
  }
SELECT inserted.* FROM inserted${notifyParam === undefined ? "" : " LEFT JOIN notified ON true"}`;

// The append's texts: a handful per schema (expected-version mode × notify).
const named = namedStatements("ticketfold_append");

const duplicateId = (error: unknown): InvalidAppend | undefined => {
  if (!isSqlState(error, "23505") || !(error.constraint ?? "").includes("event_id")) return undefined;
  const id = /\(event_id\)=\((.*)\)/.exec(error.detail ?? "")?.[1];
  return new InvalidAppend(`event id ${id ?? "(one of the batch)"} is already stored`);
};

const actualVersion = async (db: SqlExecutor, s: StoreSchema, input: AppendInput): Promise<number> => {
  const { rows } = await db.query<{ version: number }>(
    `SELECT version FROM ${s.streams} WHERE tenant = $1 AND stream_id = $2`,
    [input.tenantId, input.streamId],
  );
  return Number(rows[0]?.version ?? 0);
};

/** What a positioned row of the insert stands for: only positions travel back, not payloads. */
interface PositionRow {
  readonly version: number;
  readonly transaction_id: string;
  readonly global_position: string;
  readonly recorded_ms: number;
}

/** The recorded events of an append, built from its input and the rows' positions. */
const recorded = (
  input: AppendInput,
  rows: readonly PositionRow[],
  jsonData: readonly (string | null)[],
  jsonMetadata: readonly (string | null)[],
): AppendResult => {
  const sorted = [...rows].sort((a, b) => a.version - b.version);
  const start = Number((sorted[0] as PositionRow).version) - 1;
  const events = sorted.map((row, i) => {
    const e = input.events[i] as NewEvent;
    return toRecorded({
      ...row,
      tenant: input.tenantId,
      stream_id: input.streamId,
      event_id: input.eventIds[i] as string,
      type: e.type,
      // As the integer column reads back: -0 is 0.
      schema_version: e.schemaVersion + 0,
      // The JSON text that was stored, read back: a copy, as a later read would give.
      data: jsonData[i] ?? null,
      metadata: jsonMetadata[i] ?? null,
    });
  });
  return { nextVersion: start + events.length, events };
};

/** Appends through `db` (a pool or a transaction); throws ConcurrencyConflict or InvalidAppend. */
export const appendWith = async (db: SqlExecutor, s: StoreSchema, input: AppendInput): Promise<AppendResult> => {
  const count = input.events.length;
  const expected = input.expectedVersion;
  // No stream can be at a version beyond `integer` (and the statement could not take it).
  if (typeof expected === "number" && expected > MAX_STREAM_VERSION) {
    throw new ConcurrencyConflict(input.tenantId, input.streamId, expected, await actualVersion(db, s, input));
  }
  const jsonData = input.events.map((e) => toJsonb(e.data));
  const jsonMetadata = input.events.map((e) => toJsonb(e.metadata));
  const params: unknown[] = [
    input.tenantId,
    input.streamId,
    count,
    input.eventIds,
    input.events.map((e) => e.type),
    input.events.map((e) => e.schemaVersion),
    jsonData,
    jsonMetadata,
    input.recordedAt ?? null,
  ];
  const param = (value: unknown): string => `$${params.push(value)}`;
  const notifyParam = input.notifyChannel === undefined ? undefined : param(input.notifyChannel);
  const expectedParam = typeof expected === "number" && expected > 0 ? param(expected) : "";
  const sql = appendSql(s, expected, notifyParam, expectedParam);
  const options = named(sql);
  // Bounded: a retry only happens when the stream moved to the expected state in between.
  for (let attempt = 0; ; attempt++) {
    let rows: PositionRow[];
    try {
      rows = (await db.query<PositionRow>(sql, params, options)).rows;
    } catch (error) {
      throw duplicateId(error) ?? error;
    }
    if (rows.length > 0) return recorded(input, rows, jsonData, jsonMetadata);
    const actual = await actualVersion(db, s, input);
    const conflict = checkExpectedVersion(input.tenantId, input.streamId, expected, actual);
    // The stream reached the expected state after our statement looked: the append was refused
    // at a moment it did not hold; trying again is as correct as reporting that moment.
    if (conflict) throw conflict;
    if (attempt >= 3) throw new ConcurrencyConflict(input.tenantId, input.streamId, expected, actual);
  }
};
