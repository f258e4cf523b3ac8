/**
 * The reports on PostgreSQL. Each table set keeps every ticket's `TicketFacts` (the value the
 * in-memory statistics projection keeps for `slaReport`, `csatReport` and `billingReport`) in
 * `report_facts_v<n>`: one row per ticket, written by the projection whenever it restates the
 * ticket, beside columns SQL filters on — tenant, customer, and the span `first_ms`…`last_ms`
 * of the instants any report reads (cycle stops, resolutions, ratings, time entries) — and a
 * few for ad-hoc SQL (policy, priority, category, time zone). `readReportFacts` selects the
 * rows of a query in SQL and decodes each with io-ts (a row that does not decode is refused
 * with `REPORT_FACTS_CORRUPT`, naming the ticket and the bad paths); `readSlaReport`,
 * `readCsatReport` and `readBillingReport` apply the core's report functions to them, so a
 * report read on PostgreSQL equals the one computed in memory from the same log.
 *
 * No personal value is copied here: facts hold ids, categories, instants, durations, rating
 * values and minutes (ticket/personal-fields.ts), never a name or a free text. Erasure
 * (`purgeReadSide`) still projects the subject's tickets again, and this table with them.
 */
import {
  type BillingRow,
  billingReport,
  type CsatRow,
  csatReport,
  type DecodeIssue,
  decodeWith,
  guarded,
  type PolicyLookup,
  type ReportQuery,
  type SlaReport,
  slaReport,
  statuses,
  type TicketFacts,
  ticketFacts,
  validateTenantId,
} from "@ticketfold/core";
import * as t from "io-ts";
import type { SqlExecutor } from "../driver.js";
import { DEFAULT_SCHEMA, type StoreSchema, storeSchema } from "../schema.js";
import type { PostgresEventStore } from "../store.js";
import { validateText } from "./errors.js";
import { backfillFromSnapshots } from "./snapshot-backfill.js";
import type { ReadSideTables } from "./tables.js";

/** The view that follows the active set's report facts. */
export const reportFactsView = (s: StoreSchema): string => `"${s.name}".report_facts`;

/** The table and its indexes (idempotent). */
export const reportFactsDdl = (t: ReadSideTables): readonly string[] => {
  const ix = (name: string) => `${name}_${t.suffix}`;
  return [
    `CREATE TABLE IF NOT EXISTS ${t.reportFacts} (
  tenant text COLLATE "C" NOT NULL,
  ticket_id text COLLATE "C" NOT NULL,
  customer text COLLATE "C" NOT NULL,
  policy_id text NOT NULL,
  priority text NOT NULL,
  category text NOT NULL,
  time_zone text NOT NULL,
  first_ms bigint,
  last_ms bigint,
  facts jsonb NOT NULL,
  PRIMARY KEY (tenant, ticket_id)
)`,
    `CREATE INDEX IF NOT EXISTS ${ix("report_facts_customer")} ON ${t.reportFacts} (tenant, customer, ticket_id)`,
    `CREATE INDEX IF NOT EXISTS ${ix("report_facts_last")} ON ${t.reportFacts} (tenant, last_ms)`,
  ];
};

/** Points the view at table set `t` (inside the switch's transaction, or when a set gains the table). */
export const reportFactsViewDdl = (s: StoreSchema, t: ReadSideTables): readonly string[] => [
  `DROP VIEW IF EXISTS ${reportFactsView(s)}`,
  `CREATE VIEW ${reportFactsView(s)} AS SELECT * FROM ${t.reportFacts}`,
];

/** The span of every instant a report reads of a ticket: cycle stops, resolutions, ratings, time entries. */
const spanOf = (f: TicketFacts): { first: number | null; last: number | null } => {
  let first: number | null = null;
  let last: number | null = null;
  const see = (at: number) => {
    if (first === null || at < first) first = at;
    if (last === null || at > last) last = at;
  };
  for (const o of f.outcomes) see(o.stoppedAt);
  for (const r of f.resolutions) see(r.at);
  for (const r of f.ratings) see(r.at);
  for (const e of f.timeEntries) see(e.at);
  return { first, last };
};

/** The row a ticket's facts are stored as (a JSON object for `jsonb_to_recordset`). */
export const reportFactsRowOf = (policyId: string, f: TicketFacts): Record<string, unknown> => {
  const { first, last } = spanOf(f);
  return {
    tenant: f.tenant,
    ticket_id: f.ticketId,
    customer: f.customer,
    policy_id: policyId,
    priority: f.priority,
    category: f.category,
    time_zone: f.timeZone,
    first_ms: first,
    last_ms: last,
    facts: f,
  };
};

/** Inserts rows given as one JSON array (the batch deleted the tickets' old rows first). */
export const insertReportFactsSql = (t: ReadSideTables): string =>
  `INSERT INTO ${t.reportFacts} (tenant, ticket_id, customer, policy_id, priority, category, time_zone, first_ms, last_ms, facts)
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(tenant text, ticket_id text, customer text, policy_id text,
    priority text, category text, time_zone text, first_ms bigint, last_ms bigint, facts jsonb)`;

/**
 * Fills the report facts of a table set made before they existed: `ensureReadSide` gives such
 * a set the table, and the runner, which knows the policies, fills it from the set's own
 * snapshots before its first batch (no log replay, no rebuild), under the consumer's row lock.
 * In a set the runner wrote, every ticket with facts has its row and the pass adds nothing.
 */
export const backfillReportFacts = (store: PostgresEventStore, version: number, policies: PolicyLookup) =>
  backfillFromSnapshots(store, version, policies, {
    table: (t) => t.reportFacts,
    rowOf: (_tenant, _ticketId, state, policy) => {
      const f = ticketFacts(state, policy);
      return f === null ? null : reportFactsRowOf(policy.policy.id, f);
    },
    write: async (tx, t, rows) => {
      await tx.query(insertReportFactsSql(t), [JSON.stringify(rows)]);
      return rows.length;
    },
  });

const nullable = <C extends t.Mixed>(c: C) => t.union([c, t.null]);

/** The codec of a stored `TicketFacts` (instants and durations are milliseconds). */
export const TicketFactsC: t.Type<TicketFacts, unknown, unknown> = t.readonly(
  t.type({
    tenant: t.string,
    ticketId: t.string,
    customer: t.string,
    status: t.keyof(Object.fromEntries(statuses.map((s) => [s, null])) as Record<(typeof statuses)[number], null>),
    priority: t.string,
    responseTime: nullable(t.number),
    resolutionTime: nullable(t.number),
    minutesBillable: t.number,
    minutesUnbilled: t.number,
    outcomes: t.readonlyArray(
      t.type({
        metric: t.keyof({ response: null, plan: null, resolution: null, "next-reply": null }),
        priority: t.string,
        month: t.string,
        outcome: t.keyof({ met: null, breached: null }),
        cycle: t.number,
        elapsed: t.number,
        target: t.number,
        startedAt: t.number,
        stoppedAt: t.number,
        deadline: t.number,
        breachedAt: nullable(t.number),
      }),
    ),
    category: t.string,
    timeZone: t.string,
    resolutions: t.readonlyArray(t.type({ cycle: t.number, at: t.number })),
    ratings: t.readonlyArray(t.type({ rating: t.string, at: t.number, cycle: t.number })),
    timeEntries: t.readonlyArray(
      t.type({
        entry: t.number,
        at: t.number,
        agent: t.string,
        billable: t.boolean,
        logged: t.number,
        minutes: t.number,
      }),
    ),
  }),
  "TicketFacts",
) as unknown as t.Type<TicketFacts, unknown, unknown>;

// Its `decode` never throws: a getter or Proxy that throws is a failure (core shared/decode.ts).
guarded(TicketFactsC);

const decodeFacts = decodeWith(TicketFactsC, "report facts");

/** A stored report-facts row that does not decode (a table written by another version, or edited by hand). */
export class ReportFactsCorrupt extends Error {
  readonly code = "REPORT_FACTS_CORRUPT" as const;
  constructor(
    readonly tenant: string,
    readonly ticketId: string,
    readonly issues: readonly DecodeIssue[],
    detail: string,
  ) {
    super(`report facts of ticket ${ticketId} (tenant ${tenant}) cannot be read: ${detail}; rebuild the read side`);
    this.name = "ReportFactsCorrupt";
  }
}

export interface ReportFactsQuery {
  readonly tenant: string;
  /** Only this customer (`contract:<id>`, `organisation:<name>` or `none`). */
  readonly customer?: string;
  /** Only tickets with something a report reads in [from, to) (instants; both optional). */
  readonly from?: number;
  readonly to?: number;
  /** The store's PostgreSQL schema (default "ticketfold"). */
  readonly schema?: string;
  /** Rows per round trip (default 500). */
  readonly pageSize?: number;
}

/** The WHERE clause of a query (after the keyset), and its parameters from $2 on. */
const scope = (q: ReportFactsQuery): { where: string; params: unknown[] } => {
  const invalid =
    validateTenantId(q.tenant, "query.tenant") ??
    (q.customer === undefined ? undefined : validateText(q.customer, "query.customer"));
  if (invalid) throw invalid;
  for (const [name, at] of [
    ["from", q.from],
    ["to", q.to],
  ] as const) {
    if (at !== undefined && !Number.isSafeInteger(at))
      throw new RangeError(`query.${name}: an instant in milliseconds (a safe integer); got ${at}`);
  }
  const params: unknown[] = [q.tenant];
  const where = ["tenant = $2"];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length + 1}`));
  };
  if (q.customer !== undefined) add((n) => `customer = ${n}`, q.customer);
  // A ticket counts in [from, to) only if one of its instants does: its span must overlap.
  if (q.from !== undefined) add((n) => `last_ms >= ${n}::bigint`, q.from);
  if (q.to !== undefined) add((n) => `first_ms < ${n}::bigint`, q.to);
  return { where: where.join(" AND "), params };
};

/**
 * The facts of the tickets a query selects, from the active table set, in ticket order, a page
 * per round trip. A superset of what the reports count (a ticket whose span overlaps the range
 * may have nothing in it); the core's report functions filter exactly. For pages that agree
 * with each other on a busy desk, read inside one REPEATABLE READ transaction.
 */
export async function* readReportFacts(db: SqlExecutor, q: ReportFactsQuery): AsyncGenerator<TicketFacts> {
  const view = reportFactsView(storeSchema(q.schema ?? DEFAULT_SCHEMA));
  const { where, params } = scope(q);
  const pageSize = q.pageSize ?? 500;
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new RangeError(`pageSize: a whole number ≥ 1; got ${pageSize}`);
  let after = "";
  for (;;) {
    const { rows } = await db.query<{ tenant: string; ticket_id: string; facts: unknown }>(
      `SELECT tenant, ticket_id, facts FROM ${view} WHERE ticket_id > $1 AND ${where}
      ORDER BY ticket_id LIMIT ${pageSize}`,
      [after, ...params],
    );
    for (const row of rows) {
      const raw = typeof row.facts === "string" ? JSON.parse(row.facts) : row.facts;
      const decoded = decodeFacts(raw);
      if (decoded._tag === "Left")
        throw new ReportFactsCorrupt(row.tenant, row.ticket_id, decoded.left.issues, decoded.left.message);
      yield decoded.right;
    }
    if (rows.length < pageSize) return;
    after = (rows.at(-1) as { ticket_id: string }).ticket_id;
  }
}

/** Every fact a query selects, in memory (what the report functions read). */
export const collectReportFacts = async (db: SqlExecutor, q: ReportFactsQuery): Promise<TicketFacts[]> => {
  const out: TicketFacts[] = [];
  for await (const f of readReportFacts(db, q)) out.push(f);
  return out;
};

/** Options of the report reads besides the report's own query. */
export interface ReportReadOptions {
  /** The store's PostgreSQL schema (default "ticketfold"). */
  readonly schema?: string;
  /** Rows per round trip (default 500). */
  readonly pageSize?: number;
}

const factsQuery = (q: Omit<ReportQuery, "period">, o: ReportReadOptions): ReportFactsQuery => ({
  tenant: q.tenant,
  ...(q.customer === undefined ? {} : { customer: q.customer }),
  ...(q.from === undefined ? {} : { from: q.from }),
  ...(q.to === undefined ? {} : { to: q.to }),
  ...(o.schema === undefined ? {} : { schema: o.schema }),
  ...(o.pageSize === undefined ? {} : { pageSize: o.pageSize }),
});

/** `slaReport` over the active table set's facts: equal to the in-memory report of the same log. */
export const readSlaReport = async (db: SqlExecutor, q: ReportQuery, o: ReportReadOptions = {}): Promise<SlaReport> =>
  slaReport(await collectReportFacts(db, factsQuery(q, o)), q);

/** `csatReport` over the active table set's facts. */
export const readCsatReport = async (db: SqlExecutor, q: ReportQuery, o: ReportReadOptions = {}): Promise<CsatRow[]> =>
  csatReport(await collectReportFacts(db, factsQuery(q, o)), q);

/** `billingReport` over the active table set's facts. */
export const readBillingReport = async (
  db: SqlExecutor,
  q: Omit<ReportQuery, "period">,
  o: ReportReadOptions = {},
): Promise<BillingRow[]> => billingReport(await collectReportFacts(db, factsQuery(q, o)), q);
