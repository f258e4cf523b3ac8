/**
 * Projects one batch of the log into a table set, inside the consumer's transaction (so the
 * rows and the checkpoint commit together). Each touched ticket's state is loaded from the
 * set's snapshot table, the batch's events are folded onto it with the core's `stepTicket`
 * (duplicates skipped, gaps refused), and the ticket's rows are replaced: its queue entry
 * (`workQueueEntry`, its SLA columns from the ticket's clock reading), its list entry
 * (`ticketIndexEntry`), its engineers' bookings (`sessionBookingsOf`), its statistics facts
 * (`ticketFacts`, summed in `ticket_facts` and kept whole for the reports in `report_facts`) and
 * its snapshot; its clock reading is written only when a clock fact changed (queue-clocks.ts).
 * Every statement
 * covers the whole batch (rows travel as one JSON array), so a batch costs a handful of
 * round trips however many tickets it touches.
 */
import {
  createSlaReader,
  type PolicyLookup,
  policyOfTicket,
  type RecordedEvent,
  sessionBookingsOf,
  stepTicket,
  type TicketState,
  ticketFacts,
  ticketIndexEntry,
  ticketKey,
} from "@ticketfold/core";
import type { SqlExecutor } from "../driver.js";
import type { StoreSchema } from "../schema.js";
import { type QueuedReading, queuedEntryOf, writeQueueClocks } from "./queue-clocks.js";
import { insertReportFactsSql, reportFactsRowOf } from "./report-facts.js";
import { insertSessionBookingsSql, sessionBookingRowsOf } from "./session-bookings-tables.js";
import { type SnapshotRow, stateOf, TICKET_STATE_SHAPE } from "./snapshot.js";
import type { ReadSideTables } from "./tables.js";
import { insertTicketListSql, ticketListRowOf } from "./ticket-list-tables.js";

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

interface Touched {
  readonly tenant: string;
  readonly ticketId: string;
  state: TicketState | undefined;
  changed: boolean;
}

/**
 * Loads the touched tickets' snapshots, locked, so two batches holding one ticket (runners of
 * two partition counts at once) take turns and the second folds onto the first's result; one
 * of another shape is rebuilt from the log (snapshot.ts).
 */
const loadStates = async (
  tx: SqlExecutor,
  s: StoreSchema,
  t: ReadSideTables,
  touched: Map<string, Touched>,
): Promise<void> => {
  const keys = [...touched.values()];
  const { rows } = await tx.query<SnapshotRow>(
    `SELECT s.tenant, s.ticket_id, s.version, s.shape, s.state FROM ${t.ticketState} s
    JOIN unnest($1::text[], $2::text[]) AS k(tenant, ticket_id) ON s.tenant = k.tenant AND s.ticket_id = k.ticket_id
    ORDER BY s.tenant, s.ticket_id FOR UPDATE OF s`,
    [keys.map((k) => k.tenant), keys.map((k) => k.ticketId)],
  );
  for (const r of rows) {
    const entry = touched.get(ticketKey(r.tenant, r.ticket_id));
    if (!entry) continue;
    entry.state = await stateOf(tx, s, r);
    // A rebuilt snapshot is stored again in the current shape, even if the batch skips its events.
    entry.changed = Number(r.shape) !== TICKET_STATE_SHAPE && entry.state !== undefined;
  }
};

/** Folds the batch onto the tickets' stored states; throws a coded error on a corrupt event or a gap. */
const foldBatch = async (
  tx: SqlExecutor,
  s: StoreSchema,
  t: ReadSideTables,
  events: readonly RecordedEvent[],
): Promise<Touched[]> => {
  const touched = new Map<string, Touched>();
  for (const e of events) {
    const key = ticketKey(e.tenantId, e.streamId);
    if (!touched.has(key))
      touched.set(key, { tenant: e.tenantId, ticketId: e.streamId, state: undefined, changed: false });
  }
  await loadStates(tx, s, t, touched);
  for (const e of events) {
    const ticket = touched.get(ticketKey(e.tenantId, e.streamId)) as Touched;
    const step = stepTicket(ticket.state, e);
    if (step._tag === "Left") throw step.left;
    if (step.right === null) continue;
    ticket.state = step.right.after;
    ticket.changed = true;
  }
  return [...touched.values()].filter((x) => x.changed);
};

/** Applies a batch of log events to the table set through the batch's transaction. */
export const projectBatch = async (
  tx: SqlExecutor,
  schema: StoreSchema,
  t: ReadSideTables,
  events: readonly RecordedEvent[],
  policies: PolicyLookup,
): Promise<void> => {
  const changed = await foldBatch(tx, schema, t, events);
  if (changed.length === 0) return;
  const queue: Record<string, unknown>[] = [];
  const facts: Record<string, unknown>[] = [];
  const outcomes: Record<string, unknown>[] = [];
  const states: Record<string, unknown>[] = [];
  const listed: Record<string, unknown>[] = [];
  const bookings: Record<string, unknown>[] = [];
  const reported: Record<string, unknown>[] = [];
  const readings: QueuedReading[] = [];
  const reader = createSlaReader();
  for (const { tenant, ticketId, state } of changed) {
    const s = state as TicketState;
    states.push({ tenant, ticket_id: ticketId, version: s.version, shape: TICKET_STATE_SHAPE, state: s });
    bookings.push(...sessionBookingRowsOf(tenant, sessionBookingsOf(s)));
    const policy = policyOfTicket(s, policies);
    if (policy._tag === "Left") throw policy.left;
    if (policy.right === null) continue;
    const listEntry = ticketIndexEntry(s, policy.right);
    if (listEntry !== null) listed.push(ticketListRowOf(listEntry));
    // The queue's SLA columns come from the ticket's clock reading (queue-clocks.ts).
    const queued = queuedEntryOf(tenant, ticketId, s, policy.right, reader);
    if (queued !== null) {
      const e = queued.entry;
      readings.push(queued.queued);
      queue.push({
        tenant,
        ticket_id: ticketId,
        version: e.version,
        policy_id: e.policyId,
        organisation: e.organisation,
        contract_id: e.contractId,
        requester: e.requester,
        assignee: e.assignee,
        group_name: e.group,
        status: e.status,
        priority: e.priority,
        priority_rank: e.priorityRank,
        vip: e.vip,
        subject: e.subject,
        opened_at: iso(e.openedAt),
        updated_at: iso(e.updatedAt),
        next_deadline: iso(e.nextDeadline),
        next_deadline_metric: e.nextDeadlineMetric,
        breached: e.breached,
        tier_rank: e.tierRank,
      });
    }
    const f = ticketFacts(s, policy.right);
    if (f === null) continue;
    reported.push(reportFactsRowOf(policy.right.policy.id, f));
    facts.push({
      tenant,
      ticket_id: ticketId,
      customer: f.customer,
      status: f.status,
      priority: f.priority,
      response_ms: f.responseTime,
      resolution_ms: f.resolutionTime,
      minutes_billable: f.minutesBillable,
      minutes_unbilled: f.minutesUnbilled,
    });
    for (const [ordinal, o] of f.outcomes.entries()) {
      outcomes.push({ tenant, ticket_id: ticketId, ordinal, customer: f.customer, ...o });
    }
  }
  const keys = [changed.map((c) => c.tenant), changed.map((c) => c.ticketId)];
  const touchedRows = `(tenant, ticket_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`;
  // A ticket's rows are replaced whole: a resolved ticket leaves the queue, facts are restated.
  for (const table of [t.workQueue, t.ticketFacts, t.metricOutcomes, t.tickets, t.sessionBookings, t.reportFacts]) {
    await tx.query(`DELETE FROM ${table} WHERE ${touchedRows}`, keys);
  }
  if (queue.length > 0) {
    await tx.query(
      `INSERT INTO ${t.workQueue} SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(
        tenant text, ticket_id text, version integer, policy_id text, organisation text, contract_id text,
        requester text, assignee text, group_name text, status text, priority text, priority_rank integer,
        vip boolean, subject text, opened_at timestamptz, updated_at timestamptz, next_deadline timestamptz,
        next_deadline_metric text, breached boolean, tier_rank integer)`,
      [JSON.stringify(queue)],
    );
  }
  await writeQueueClocks(tx, t, changed, readings);
  if (listed.length > 0) await tx.query(insertTicketListSql(t), [JSON.stringify(listed)]);
  if (bookings.length > 0) await tx.query(insertSessionBookingsSql(t), [JSON.stringify(bookings)]);
  if (reported.length > 0) await tx.query(insertReportFactsSql(t), [JSON.stringify(reported)]);
  if (facts.length > 0) {
    await tx.query(
      `INSERT INTO ${t.ticketFacts} SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(
        tenant text, ticket_id text, customer text, status text, priority text, response_ms bigint,
        resolution_ms bigint, minutes_billable bigint, minutes_unbilled bigint)`,
      [JSON.stringify(facts)],
    );
  }
  if (outcomes.length > 0) {
    await tx.query(
      `INSERT INTO ${t.metricOutcomes} (tenant, ticket_id, ordinal, customer, metric, priority, month, outcome)
      SELECT tenant, ticket_id, ordinal, customer, metric, priority, month, outcome FROM jsonb_to_recordset($1::jsonb) AS r(
        tenant text, ticket_id text, ordinal integer, customer text, metric text, priority text, month text, outcome text)`,
      [JSON.stringify(outcomes)],
    );
  }
  await tx.query(
    `INSERT INTO ${t.ticketState} (tenant, ticket_id, version, shape, state)
    SELECT tenant, ticket_id, version, shape, state
    FROM jsonb_to_recordset($1::jsonb) AS r(tenant text, ticket_id text, version integer, shape integer, state jsonb)
    ON CONFLICT (tenant, ticket_id) DO UPDATE SET version = excluded.version, shape = excluded.shape, state = excluded.state`,
    [JSON.stringify(states)],
  );
};
