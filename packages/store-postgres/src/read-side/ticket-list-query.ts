/**
 * The ticket list in SQL: `createPostgresTicketQueries` answers the core's `TicketQueries` port
 * from the active table set, through the `tickets` and `ticket_state` views. A page is one
 * statement: the filters and the keyset in WHERE, the order's index range read up to
 * `limit + 1` rows, and each of those rows' snapshot joined; each row's live SLA is then
 * computed in process (`ticketListRow`: `slaStatus` at `now`), so no stream is read per row
 * (a snapshot of an older shape is the exception: that ticket is folded from its stream
 * until the runner stores it again). Inputs are checked by the core's `ticketListQuery`, so
 * SQL never sees a bad tenant, text, instant or cursor.
 */
import {
  type Instant,
  type PolicyLookup,
  pageOfFetched,
  type TicketListQuery,
  type TicketListRow,
  type TicketPage,
  type TicketQueries,
  type TicketState,
  ticketListQuery,
  ticketListRow,
  UnknownPolicy,
  validateTicketLookup,
} from "@ticketfold/core";
import type { SqlExecutor } from "../driver.js";
import type { StoreSchema } from "../schema.js";
import type { PostgresEventStore } from "../store.js";
import { stateOf } from "./snapshot.js";
import { entryOfRow, NO_DEADLINE, TICKET_LIST_ORDER_BY, ticketListViews } from "./ticket-list-tables.js";
import { ensureReadSide } from "./versions.js";

/**
 * A list row's snapshot, probed by primary key. The snapshot table's keys are in the
 * database's collation and the list's in "C": naming the snapshot's collation keeps its
 * primary key usable, and the LIMIT keeps the planner from turning the probes into a join
 * that reads every snapshot (it would, where snapshots are few or small): a page costs at
 * most `limit + 1` index probes, however many tickets the tenant has.
 */
const snapshotOf = (view: string, row: string): string => `CROSS JOIN LATERAL (
    SELECT shape, state FROM ${view} s
    WHERE s.tenant = ${row}.tenant COLLATE "default" AND s.ticket_id = ${row}.ticket_id COLLATE "default" LIMIT 1
  ) s`;

/** The statement of one page, with its parameters (for EXPLAIN and tests). */
export const ticketListSql = (q: TicketListQuery, schema: StoreSchema): { sql: string; params: unknown[] } => {
  const params: unknown[] = [q.tenant];
  const $ = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = ["tenant = $1"];
  const f = q.filter;
  if (f.status !== undefined) where.push(`status = ANY(${$(f.status)}::text[])`);
  if (f.requester !== undefined) where.push(`requester = ${$(f.requester)}`);
  if (f.organisation !== undefined) where.push(`organisation = ${$(f.organisation)}`);
  if (f.assignee === null) where.push("assignee IS NULL");
  else if (f.assignee !== undefined) where.push(`assignee = ${$(f.assignee)}`);
  if (f.priority !== undefined) where.push(`priority = ANY(${$(f.priority)}::text[])`);
  if (f.customerTier !== undefined) where.push(`customer_tier = ${$(f.customerTier)}`);
  // Live: breached at `now` ⇔ breached at the last event, or the nearest running deadline ≤ now.
  if (f.breached !== undefined)
    where.push(`${f.breached ? "" : "NOT "}(breached OR queue_deadline_ms <= ${$(q.now)}::bigint)`);
  if (f.dueBefore !== undefined) where.push(`next_deadline_ms < ${$(f.dueBefore)}::bigint`);
  const a = q.after;
  if (a !== null && q.order !== "queue") {
    const at = q.order === "opened-desc" ? "opened_ms" : "updated_ms";
    where.push(`(${at}, ticket_id) < (${$(a[0])}::bigint, ${$(a[1])})`);
  } else if (a !== null) {
    const [tier, deadline, rank, opened, id] = a as readonly [number, Instant | null, number, Instant, string];
    where.push(
      `(tier_rank, queue_deadline_ms, priority_rank, opened_ms, ticket_id) > (${$(tier)}::integer, ${$(deadline ?? NO_DEADLINE)}::bigint, ${$(rank)}::integer, ${$(opened)}::bigint, ${$(id)})`,
    );
  }
  const order = TICKET_LIST_ORDER_BY[q.order];
  const v = ticketListViews(schema);
  const sql = `SELECT p.*, s.shape, s.state FROM (
    SELECT * FROM ${v.tickets} WHERE ${where.join(" AND ")} ORDER BY ${order.join(", ")} LIMIT ${$(q.limit + 1)}
  ) p ${snapshotOf(v.ticketState, "p")}
  ORDER BY ${order.map((k) => `p.${k}`).join(", ")}`;
  return { sql, params };
};

export interface PostgresTicketQueriesOptions {
  /** The compiled policy of each policy id tickets name (for the live SLA of each row). */
  readonly policies: PolicyLookup;
}

interface Fetched {
  readonly entry: ReturnType<typeof entryOfRow>;
  readonly row: Record<string, unknown>;
}

/** The ticket list of a store's read side (created on first use; `runReadSide` keeps it current). */
export const createPostgresTicketQueries = (
  store: PostgresEventStore,
  options: PostgresTicketQueriesOptions,
): TicketQueries => {
  let ready: Promise<unknown> | undefined;
  const db: SqlExecutor = store.driver;
  const prepared = (): Promise<unknown> => {
    ready ??= ensureReadSide(store).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };
  const live = async ({ entry, row }: Fetched, now: Instant): Promise<TicketListRow> => {
    const state: TicketState | undefined = await stateOf(db, store.schema, {
      tenant: entry.tenant,
      ticket_id: entry.ticketId,
      version: entry.version,
      shape: Number(row.shape),
      state: row.state as TicketState,
    });
    const policy = options.policies(entry.policyId);
    if (policy === undefined) throw new UnknownPolicy(entry.tenant, entry.ticketId, entry.policyId);
    if (state === undefined) throw new Error(`ticket ${entry.tenant}/${entry.ticketId} has no events to fold`);
    return ticketListRow(entry, state, policy, now);
  };
  const fetched = (rows: Record<string, unknown>[]): Fetched[] => rows.map((row) => ({ entry: entryOfRow(row), row }));

  return {
    async listTickets(tenant, filter, page): Promise<TicketPage> {
      const q = ticketListQuery(tenant, filter, page);
      if (q._tag === "Left") throw q.left;
      await prepared();
      const { sql, params } = ticketListSql(q.right, store.schema);
      const { rows } = await db.query<Record<string, unknown>>(sql, params);
      const found = pageOfFetched(q.right, fetched(rows), (r) => r.entry);
      const listed: TicketListRow[] = [];
      for (const r of found.rows) listed.push(await live(r, q.right.now));
      return { rows: listed, nextCursor: found.nextCursor };
    },
    async getTicket(tenant, ticketId, now): Promise<TicketListRow | null> {
      const invalid = validateTicketLookup(tenant, ticketId, now);
      if (invalid) throw invalid;
      await prepared();
      const v = ticketListViews(store.schema);
      const { rows } = await db.query<Record<string, unknown>>(
        `SELECT t.*, s.shape, s.state FROM ${v.tickets} t ${snapshotOf(v.ticketState, "t")}
        WHERE t.tenant = $1 AND t.ticket_id = $2`,
        [tenant, ticketId],
      );
      const [one] = fetched(rows);
      return one === undefined ? null : live(one, now);
    },
  };
};
