/**
 * The ticket list's table in a read-side table set: one row per opened ticket, every status,
 * holding its `TicketIndexEntry`. Instants are bigint milliseconds, exactly the core's numbers:
 * a cursor's key and a query's `now` compare with them as integers, with no conversion that
 * could round or fail at the edges of the range. The work-queue order's keys are stored
 * ascending (`tier_rank` 0 first, `queue_deadline_ms` with none as the largest bigint), so
 * every order is one index range scan and a keyset is one row comparison. Live SLA is read
 * from the set's `ticket_state` snapshots, which the list reaches through a view as well.
 */
import type { TicketIndexEntry } from "@ticketfold/core";
import type { StoreSchema } from "../schema.js";
import type { ReadSideTables } from "./tables.js";

/** What `queue_deadline_ms` holds for a ticket with no running deadline: after every instant. */
export const NO_DEADLINE = "9223372036854775807";

/** The views that follow the active set's ticket list and snapshots. */
export const ticketListViews = (s: StoreSchema) => ({
  tickets: `"${s.name}".tickets`,
  ticketState: `"${s.name}".ticket_state`,
});

/** The ORDER BY of each list order, on the table's columns (each key is one index's tail). */
export const TICKET_LIST_ORDER_BY = {
  "opened-desc": ["opened_ms DESC", "ticket_id DESC"],
  "updated-desc": ["updated_ms DESC", "ticket_id DESC"],
  queue: ["tier_rank", "queue_deadline_ms", "priority_rank", "opened_ms", "ticket_id"],
} as const;
const ORDER_KEYS = {
  opened: TICKET_LIST_ORDER_BY["opened-desc"].join(", "),
  updated: TICKET_LIST_ORDER_BY["updated-desc"].join(", "),
  queue: TICKET_LIST_ORDER_BY.queue.join(", "),
};

/** The table and its indexes (idempotent): one per order, and the order behind the usual filters. */
export const ticketListDdl = (t: ReadSideTables): readonly string[] => [
  ticketListTableDdl(t),
  ...ticketListIndexDdl(t),
];

/** The list's table (idempotent). */
export const ticketListTableDdl = (t: ReadSideTables): string =>
  `CREATE TABLE IF NOT EXISTS ${t.tickets} (
  tenant text COLLATE "C" NOT NULL,
  ticket_id text COLLATE "C" NOT NULL,
  version integer NOT NULL,
  policy_id text NOT NULL,
  status text NOT NULL,
  priority text NOT NULL,
  priority_rank integer NOT NULL,
  customer_tier text,
  vip boolean NOT NULL,
  organisation text,
  contract_id text,
  requester text NOT NULL,
  assignee text,
  group_name text,
  subject text NOT NULL,
  category text NOT NULL,
  opened_ms bigint NOT NULL,
  updated_ms bigint NOT NULL,
  resolved_ms bigint,
  closed_ms bigint,
  next_deadline_ms bigint,
  next_deadline_metric text,
  breached boolean NOT NULL,
  tier_rank integer NOT NULL,
  queue_deadline_ms bigint GENERATED ALWAYS AS (coalesce(next_deadline_ms, ${NO_DEADLINE})) STORED,
  PRIMARY KEY (tenant, ticket_id)
)`;

/** The list's indexes (idempotent). */
export const ticketListIndexDdl = (t: ReadSideTables): readonly string[] => {
  const ix = (name: string) => `${name}_${t.suffix}`;
  return [
    `CREATE INDEX IF NOT EXISTS ${ix("tickets_opened")} ON ${t.tickets} (tenant, ${ORDER_KEYS.opened})`,
    `CREATE INDEX IF NOT EXISTS ${ix("tickets_updated")} ON ${t.tickets} (tenant, ${ORDER_KEYS.updated})`,
    `CREATE INDEX IF NOT EXISTS ${ix("tickets_queue_tier")} ON ${t.tickets} (tenant, ${ORDER_KEYS.queue})`,
    // P-D's organisation view and a requester's own tickets, newest first; an agent's, in queue order.
    `CREATE INDEX IF NOT EXISTS ${ix("tickets_organisation")} ON ${t.tickets} (tenant, organisation, ${ORDER_KEYS.opened})`,
    `CREATE INDEX IF NOT EXISTS ${ix("tickets_requester")} ON ${t.tickets} (tenant, requester, ${ORDER_KEYS.opened})`,
    `CREATE INDEX IF NOT EXISTS ${ix("tickets_assignee_tier")} ON ${t.tickets} (tenant, assignee, ${ORDER_KEYS.queue})`,
    // "Due before" and "breached now" look at running deadlines only.
    `CREATE INDEX IF NOT EXISTS ${ix("tickets_deadline")} ON ${t.tickets} (tenant, next_deadline_ms) WHERE next_deadline_ms IS NOT NULL`,
  ];
};

/** Points the two views at table set `t` (inside the switch's transaction). */
export const ticketListViewsDdl = (s: StoreSchema, t: ReadSideTables): readonly string[] => {
  const v = ticketListViews(s);
  return [
    `DROP VIEW IF EXISTS ${v.tickets}`,
    `CREATE VIEW ${v.tickets} AS SELECT * FROM ${t.tickets}`,
    `DROP VIEW IF EXISTS ${v.ticketState}`,
    `CREATE VIEW ${v.ticketState} AS SELECT * FROM ${t.ticketState}`,
  ];
};

/** The columns written (the generated queue keys are not), with their types. */
const COLUMNS: readonly (readonly [string, string])[] = [
  ["tenant", "text"],
  ["ticket_id", "text"],
  ["version", "integer"],
  ["policy_id", "text"],
  ["status", "text"],
  ["priority", "text"],
  ["priority_rank", "integer"],
  ["customer_tier", "text"],
  ["vip", "boolean"],
  ["tier_rank", "integer"],
  ["organisation", "text"],
  ["contract_id", "text"],
  ["requester", "text"],
  ["assignee", "text"],
  ["group_name", "text"],
  ["subject", "text"],
  ["category", "text"],
  ["opened_ms", "bigint"],
  ["updated_ms", "bigint"],
  ["resolved_ms", "bigint"],
  ["closed_ms", "bigint"],
  ["next_deadline_ms", "bigint"],
  ["next_deadline_metric", "text"],
  ["breached", "boolean"],
];

/** The row an entry is stored as (a JSON object for `jsonb_to_recordset`). */
export const ticketListRowOf = (e: TicketIndexEntry): Record<string, unknown> => ({
  tenant: e.tenant,
  ticket_id: e.ticketId,
  version: e.version,
  policy_id: e.policyId,
  status: e.status,
  priority: e.priority,
  priority_rank: e.priorityRank,
  customer_tier: e.customerTier,
  vip: e.vip,
  tier_rank: e.tierRank,
  organisation: e.organisation,
  contract_id: e.contractId,
  requester: e.requester,
  assignee: e.assignee,
  group_name: e.group,
  subject: e.subject,
  category: e.category,
  opened_ms: e.openedAt,
  updated_ms: e.updatedAt,
  resolved_ms: e.resolvedAt,
  closed_ms: e.closedAt,
  next_deadline_ms: e.nextDeadline,
  next_deadline_metric: e.nextDeadlineMetric,
  breached: e.breached,
});

const ms = (u: unknown): number | null => (u === null || u === undefined ? null : Number(u));

/** The entry a stored row holds. */
export const entryOfRow = (r: Record<string, unknown>): TicketIndexEntry => ({
  tenant: r.tenant as string,
  ticketId: r.ticket_id as string,
  version: Number(r.version),
  policyId: r.policy_id as string,
  status: r.status as TicketIndexEntry["status"],
  priority: r.priority as string,
  priorityRank: Number(r.priority_rank),
  customerTier: r.customer_tier as string | null,
  vip: r.vip as boolean,
  tierRank: Number(r.tier_rank),
  organisation: r.organisation as string | null,
  contractId: r.contract_id as string | null,
  requester: r.requester as string,
  assignee: r.assignee as string | null,
  group: r.group_name as string | null,
  subject: r.subject as string,
  category: r.category as string,
  openedAt: Number(r.opened_ms),
  updatedAt: Number(r.updated_ms),
  resolvedAt: ms(r.resolved_ms),
  closedAt: ms(r.closed_ms),
  nextDeadline: ms(r.next_deadline_ms),
  nextDeadlineMetric: r.next_deadline_metric as TicketIndexEntry["nextDeadlineMetric"],
  breached: r.breached as boolean,
});

/** Inserts rows given as one JSON array (the batch deleted the tickets' old rows first). */
export const insertTicketListSql = (t: ReadSideTables): string =>
  `INSERT INTO ${t.tickets} (${COLUMNS.map(([c]) => c).join(", ")})
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(${COLUMNS.map(([c, type]) => `${c} ${type}`).join(", ")})`;
