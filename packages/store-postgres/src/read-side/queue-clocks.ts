/**
 * The work queue's live SLA columns on PostgreSQL: per queued ticket, its clocks as read at its
 * last event that changed them (the core's `ClockReading`: each metric's `MetricStatus` then,
 * and the clock log's size), in the set's `work_queue_clocks` table. The projection takes the
 * queue row's `next_deadline` and `breached` from the same reading, and writes the reading
 * again only when an event changed a clock fact (the clock log grew, or the ticket's policy
 * changed: the check of the core's `clocksCurrent`). A page of the queue derives each entry's
 * statuses at `now` from its row with `liveMetricStatusAt` (one `calendar.between` per running
 * clock), with no snapshot read: as the live SLA index does in memory (docs/sla.md).
 *
 * Readings are JSON; a deadline that never comes (a calendar with no open time) is written
 * `"Infinity"`, as JSON has no such number, and read back by the codec.
 */
import {
  type ClockReading,
  type CompiledPolicy,
  clockReading,
  createSlaReader,
  decodeWith,
  type MetricStatus,
  type PolicyLookup,
  type SlaReader,
  type SlaStatus,
  type TicketState,
  ticketKey,
  type WorkQueueEntry,
  workQueueEntry,
} from "@ticketfold/core";
import * as t from "io-ts";
import type { SqlExecutor } from "../driver.js";
import type { PostgresEventStore } from "../store.js";
import { backfillFromSnapshots } from "./snapshot-backfill.js";
import type { ReadSideTables } from "./tables.js";

/** A number as stored: finite, or the text of ±Infinity (JSON has no such numbers). */
const StoredNumber = new t.Type<number, number | string, unknown>(
  "number",
  (u): u is number => typeof u === "number",
  (u, c) =>
    typeof u === "number" && !Number.isNaN(u)
      ? t.success(u)
      : u === "Infinity"
        ? t.success(Number.POSITIVE_INFINITY)
        : u === "-Infinity"
          ? t.success(Number.NEGATIVE_INFINITY)
          : t.failure(u, c, `expected a number, got ${JSON.stringify(u) ?? typeof u}`),
  (n) => (Number.isFinite(n) ? n : String(n)),
);

const MetricStatusC = t.type(
  {
    metric: t.keyof({ response: null, plan: null, resolution: null, "next-reply": null }),
    cycle: t.number,
    state: t.keyof({ running: null, paused: null, met: null, breached: null }),
    clock: t.keyof({ running: null, paused: null, stopped: null }),
    priority: t.string,
    target: StoredNumber,
    startedAt: StoredNumber,
    elapsed: StoredNumber,
    remaining: StoredNumber,
    deadline: StoredNumber,
    percent: StoredNumber,
    breachedAt: t.union([StoredNumber, t.null]),
    stoppedAt: t.union([StoredNumber, t.null]),
    calendar: t.type({ id: t.string, version: t.number }),
  },
  "MetricStatus",
);

/** A ticket's stored readings, as a page reads them. */
export const StoredReadingsC = t.array(MetricStatusC, "readings");

/** The readings' JSON as written (±Infinity as text). */
const encodeReadings = (metrics: readonly MetricStatus[]): unknown => StoredReadingsC.encode(metrics as MetricStatus[]);

/** What a page reads of a ticket's row: its reading and the policy it was read under. */
export const QueueClocksRowC = t.type(
  {
    policy_id: t.string,
    policy_version: t.union([t.number, t.null]),
    read_ms: t.number,
    readings: StoredReadingsC,
  },
  "work_queue_clocks row",
);
const decodeRow = decodeWith(QueueClocksRowC, "work_queue_clocks row");

/** A status with its fields in the core's order (jsonb keeps keys in an order of its own). */
const inCoreOrder = (m: MetricStatus): MetricStatus => ({
  metric: m.metric,
  cycle: m.cycle,
  state: m.state,
  clock: m.clock,
  priority: m.priority,
  target: m.target,
  startedAt: m.startedAt,
  elapsed: m.elapsed,
  remaining: m.remaining,
  deadline: m.deadline,
  percent: m.percent,
  breachedAt: m.breachedAt,
  stoppedAt: m.stoppedAt,
  calendar: { id: m.calendar.id, version: m.calendar.version },
});

/** Decodes a page's reading columns (a DecodeError names each bad path), statuses in the core's field order. */
export const decodeQueueClocksRow = (u: unknown) => {
  const row = decodeRow(u);
  return row._tag === "Left" ? row : { ...row, right: { ...row.right, readings: row.right.readings.map(inCoreOrder) } };
};

/** A queued ticket's reading after a batch, and the policy it was read under. */
export interface QueuedReading {
  readonly tenant: string;
  readonly ticketId: string;
  readonly policyId: string;
  readonly policyVersion: number | null;
  readonly reading: ClockReading;
}

interface StoredKey {
  tenant: string;
  ticket_id: string;
  policy_id: string;
  policy_version: number | null;
  clock_length: number;
  priority_count: number;
}

/**
 * Brings the batch's tickets' readings up to date: a ticket that left the queue loses its row;
 * a queued one's row is written only when none is stored or a clock fact changed since.
 * Returns how many rows it wrote.
 */
export const writeQueueClocks = async (
  tx: SqlExecutor,
  t: ReadSideTables,
  touched: readonly { readonly tenant: string; readonly ticketId: string }[],
  queued: readonly QueuedReading[],
): Promise<number> => {
  const keys = [touched.map((c) => c.tenant), touched.map((c) => c.ticketId)];
  const { rows } = await tx.query<StoredKey>(
    `SELECT c.tenant, c.ticket_id, c.policy_id, c.policy_version, c.clock_length, c.priority_count
    FROM ${t.queueClocks} c JOIN unnest($1::text[], $2::text[]) AS k(tenant, ticket_id)
    ON c.tenant = k.tenant AND c.ticket_id = k.ticket_id`,
    keys,
  );
  const stored = new Map(rows.map((r) => [ticketKey(r.tenant, r.ticket_id), r]));
  const inQueue = new Set(queued.map((q) => ticketKey(q.tenant, q.ticketId)));
  const gone = [...stored.values()].filter((r) => !inQueue.has(ticketKey(r.tenant, r.ticket_id)));
  if (gone.length > 0) {
    await tx.query(
      `DELETE FROM ${t.queueClocks} WHERE (tenant, ticket_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [gone.map((r) => r.tenant), gone.map((r) => r.ticket_id)],
    );
  }
  const changed = queued.filter((q) => {
    const r = stored.get(ticketKey(q.tenant, q.ticketId));
    return (
      r === undefined ||
      r.policy_id !== q.policyId ||
      (r.policy_version === null ? null : Number(r.policy_version)) !== q.policyVersion ||
      Number(r.clock_length) !== q.reading.clockLength ||
      Number(r.priority_count) !== q.reading.priorityCount
    );
  });
  if (changed.length === 0) return 0;
  await tx.query(
    `INSERT INTO ${t.queueClocks} (tenant, ticket_id, policy_id, policy_version, clock_length, priority_count,
      read_ms, next_deadline_ms, readings)
    SELECT tenant, ticket_id, policy_id, policy_version, clock_length, priority_count, read_ms, next_deadline_ms, readings
    FROM jsonb_to_recordset($1::jsonb) AS r(tenant text, ticket_id text, policy_id text, policy_version integer,
      clock_length integer, priority_count integer, read_ms bigint, next_deadline_ms bigint, readings jsonb)
    ON CONFLICT (tenant, ticket_id) DO UPDATE SET policy_id = excluded.policy_id,
      policy_version = excluded.policy_version, clock_length = excluded.clock_length,
      priority_count = excluded.priority_count, read_ms = excluded.read_ms,
      next_deadline_ms = excluded.next_deadline_ms, readings = excluded.readings`,
    [
      JSON.stringify(
        changed.map((q) => ({
          tenant: q.tenant,
          ticket_id: q.ticketId,
          policy_id: q.policyId,
          policy_version: q.policyVersion,
          clock_length: q.reading.clockLength,
          priority_count: q.reading.priorityCount,
          read_ms: q.reading.at,
          next_deadline_ms: q.reading.nextDeadline,
          readings: encodeReadings(q.reading.metrics),
        })),
      ),
    ],
  );
  return changed.length;
};

/** A reading's statuses keyed by metric, in the policy's metric order (as the core's `SlaStatus`). */
export const readingStatus = (metrics: readonly MetricStatus[]): SlaStatus => {
  const out: { [K in MetricStatus["metric"]]?: MetricStatus } = {};
  for (const m of metrics) out[m.metric] = m;
  return out;
};

/**
 * A ticket's queue entry and reading after an event: the entry's SLA columns come from the
 * reading, so the SQL order and the live columns agree. Null when it is not in the queue.
 */
export const queuedEntryOf = (
  tenant: string,
  ticketId: string,
  state: TicketState,
  policy: CompiledPolicy,
  reader: SlaReader,
): { readonly entry: WorkQueueEntry; readonly queued: QueuedReading } | null => {
  const reading = clockReading(state, policy, reader);
  const entry = reading === null ? null : workQueueEntry(state, policy, readingStatus(reading.metrics));
  if (reading === null || entry === null) return null;
  return {
    entry,
    queued: { tenant, ticketId, policyId: entry.policyId, policyVersion: state.policyVersion, reading },
  };
};

/**
 * Writes the readings of a set's queued tickets that have none (a set made before readings
 * were kept), from the set's own snapshots; the runner calls it before its first batch, holding
 * the consumer's row lock. In a set the runner wrote, it finds nothing to do.
 */
export const backfillQueueClocks = (store: PostgresEventStore, version: number, policies: PolicyLookup) => {
  const reader = createSlaReader();
  return backfillFromSnapshots(store, version, policies, {
    table: (t) => t.queueClocks,
    queuedOnly: true,
    rowOf: (tenant, ticketId, state, policy) => queuedEntryOf(tenant, ticketId, state, policy, reader)?.queued ?? null,
    write: (tx, t, queued) => writeQueueClocks(tx, t, queued, queued),
  });
};
