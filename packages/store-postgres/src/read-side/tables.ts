/**
 * The read side's tables. They come in versioned sets (`work_queue_v1`, `ticket_facts_v1`, …)
 * so a new set can be built from the start of the log while the old one keeps serving; views
 * without a suffix (`work_queue`, `ticket_facts`, `metric_outcomes`) point at the active set,
 * and the `read_side` row names it. Swapping the views and the row in one transaction is the
 * switch (rebuild.ts). Ids, customers and months are `COLLATE "C"`, so SQL orders them exactly
 * as the core compares strings.
 */
import type { StoreSchema } from "../schema.js";
import { queueClocksTableDdl } from "./queue-clocks-tables.js";
import { reportFactsDdl } from "./report-facts.js";
import { sessionBookingsDdl } from "./session-bookings-tables.js";
import { snapshotShapeDdl } from "./snapshot.js";
import { ticketListDdl } from "./ticket-list-tables.js";

/** The projection's name in the `read_side` pointer table and in consumer names. */
export const READ_SIDE = "tickets";

export interface ReadSideTables {
  readonly version: number;
  readonly workQueue: string;
  readonly ticketFacts: string;
  readonly metricOutcomes: string;
  /** Each ticket's folded state (the projection's own snapshot, to apply the next events to). */
  readonly ticketState: string;
  /** The ticket list: every opened ticket's entry (ticket-list-tables.ts). */
  readonly tickets: string;
  /** The engineers' bookings (session-bookings-tables.ts). */
  readonly sessionBookings: string;
  /** Each ticket's report facts (report-facts.ts). */
  readonly reportFacts: string;
  /** Each queued ticket's clock readings, the queue's live SLA columns (queue-clocks.ts). */
  readonly queueClocks: string;
  /** The durable consumer that feeds this set (one checkpoint per set). */
  readonly consumer: string;
  /** Index names are schema-wide: each carries the set's suffix. */
  readonly suffix: string;
}

/** Names of the views that follow the active set, and of the pointer table. */
export const readSideViews = (s: StoreSchema) => ({
  pointer: `"${s.name}".read_side`,
  workQueue: `"${s.name}".work_queue`,
  ticketFacts: `"${s.name}".ticket_facts`,
  metricOutcomes: `"${s.name}".metric_outcomes`,
});

export const readSideTables = (s: StoreSchema, version: number): ReadSideTables => {
  if (!Number.isInteger(version) || version < 1)
    throw new RangeError(`a read-side version is a whole number ≥ 1; got ${version}`);
  const suffix = `v${version}`;
  return {
    version,
    suffix,
    workQueue: `"${s.name}".work_queue_${suffix}`,
    ticketFacts: `"${s.name}".ticket_facts_${suffix}`,
    metricOutcomes: `"${s.name}".metric_outcomes_${suffix}`,
    ticketState: `"${s.name}".ticket_state_${suffix}`,
    tickets: `"${s.name}".tickets_${suffix}`,
    sessionBookings: `"${s.name}".session_bookings_${suffix}`,
    reportFacts: `"${s.name}".report_facts_${suffix}`,
    queueClocks: `"${s.name}".work_queue_clocks_${suffix}`,
    consumer: `read-side:${READ_SIDE}:${suffix}`,
  };
};

export const pointerDdl = (s: StoreSchema): string => `CREATE TABLE IF NOT EXISTS ${readSideViews(s).pointer} (
  projection text PRIMARY KEY,
  active_version integer NOT NULL CHECK (active_version > 0),
  switched_at timestamptz NOT NULL DEFAULT now()
)`;

/** The work queue's order indexes: tier rank first (the policy's tier scale), then deadline. */
const workQueueIndexDdl = (t: ReadSideTables): readonly string[] => {
  const ix = (name: string) => `${name}_${t.suffix}`;
  const order = "tier_rank, next_deadline, priority_rank, opened_at, ticket_id";
  return [
    `CREATE INDEX IF NOT EXISTS ${ix("work_queue_tier_order")} ON ${t.workQueue} (tenant, ${order})`,
    `CREATE INDEX IF NOT EXISTS ${ix("work_queue_tier_organisation")} ON ${t.workQueue} (tenant, organisation, ${order})`,
    `CREATE INDEX IF NOT EXISTS ${ix("work_queue_tier_assignee")} ON ${t.workQueue} (tenant, assignee, ${order})`,
  ];
};

/**
 * A set made when the queue put VIP first (a `vip` flag) gains `tier_rank`, filled as the
 * default scale `["vip"]` ranks (VIP 0, everyone else 1), and the tier-rank indexes instead of
 * the VIP ones. A desk whose policies name another scale rebuilds its read side to rank by it.
 */
export const tierRankMigrationDdl = (s: StoreSchema, t: ReadSideTables): readonly string[] => {
  const ix = (name: string) => `"${s.name}".${name}_${t.suffix}`;
  return [
    ...[t.workQueue, t.tickets].flatMap((table) => [
      `ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS tier_rank integer`,
      `UPDATE ${table} SET tier_rank = CASE WHEN vip THEN 0 ELSE 1 END WHERE tier_rank IS NULL`,
      `ALTER TABLE ${table} ALTER COLUMN tier_rank SET NOT NULL`,
    ]),
    ...["work_queue_order", "work_queue_organisation", "work_queue_assignee", "tickets_queue", "tickets_assignee"].map(
      (name) => `DROP INDEX IF EXISTS ${ix(name)}`,
    ),
    ...workQueueIndexDdl(t),
  ];
};

/** The statements that create one table set (idempotent). */
export const tableSetDdl = (t: ReadSideTables): readonly string[] => {
  const ix = (name: string) => `${name}_${t.suffix}`;
  return [
    `CREATE TABLE IF NOT EXISTS ${t.workQueue} (
  tenant text COLLATE "C" NOT NULL,
  ticket_id text COLLATE "C" NOT NULL,
  version integer NOT NULL,
  policy_id text NOT NULL,
  organisation text,
  contract_id text,
  requester text NOT NULL,
  assignee text,
  group_name text,
  status text NOT NULL,
  priority text NOT NULL,
  priority_rank integer NOT NULL,
  vip boolean NOT NULL,
  subject text NOT NULL,
  opened_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  next_deadline timestamptz,
  next_deadline_metric text,
  breached boolean NOT NULL,
  tier_rank integer NOT NULL,
  PRIMARY KEY (tenant, ticket_id)
)`,
    // The queue order (ascending deadlines put NULL last, as the order wants), and the same
    // order behind the two equality filters an agent or an organisation member uses.
    ...workQueueIndexDdl(t),
    `CREATE TABLE IF NOT EXISTS ${t.ticketFacts} (
  tenant text COLLATE "C" NOT NULL,
  ticket_id text COLLATE "C" NOT NULL,
  customer text COLLATE "C" NOT NULL,
  status text COLLATE "C" NOT NULL,
  priority text COLLATE "C" NOT NULL,
  response_ms bigint,
  resolution_ms bigint,
  minutes_billable bigint NOT NULL,
  minutes_unbilled bigint NOT NULL,
  PRIMARY KEY (tenant, ticket_id)
)`,
    `CREATE INDEX IF NOT EXISTS ${ix("ticket_facts_customer")} ON ${t.ticketFacts} (tenant, customer)`,
    `CREATE TABLE IF NOT EXISTS ${t.metricOutcomes} (
  tenant text COLLATE "C" NOT NULL,
  ticket_id text COLLATE "C" NOT NULL,
  ordinal integer NOT NULL,
  customer text COLLATE "C" NOT NULL,
  metric text COLLATE "C" NOT NULL,
  priority text COLLATE "C" NOT NULL,
  month text COLLATE "C" NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('met', 'breached')),
  PRIMARY KEY (tenant, ticket_id, ordinal)
)`,
    `CREATE INDEX IF NOT EXISTS ${ix("metric_outcomes_customer")} ON ${t.metricOutcomes} (tenant, customer, metric, priority, month)`,
    `CREATE TABLE IF NOT EXISTS ${t.ticketState} (
  tenant text NOT NULL,
  ticket_id text NOT NULL,
  version integer NOT NULL,
  shape integer NOT NULL DEFAULT 0,
  state jsonb NOT NULL,
  PRIMARY KEY (tenant, ticket_id)
)`,
    snapshotShapeDdl(t),
    ...ticketListDdl(t),
    ...sessionBookingsDdl(t),
    ...reportFactsDdl(t),
    queueClocksTableDdl(t),
  ];
};

/** Drops one table set (never the active one: rebuild.ts checks). */
export const dropTableSetDdl = (t: ReadSideTables): readonly string[] => [
  `DROP TABLE IF EXISTS ${t.workQueue}`,
  `DROP TABLE IF EXISTS ${t.ticketFacts}`,
  `DROP TABLE IF EXISTS ${t.metricOutcomes}`,
  `DROP TABLE IF EXISTS ${t.ticketState}`,
  `DROP TABLE IF EXISTS ${t.tickets}`,
  `DROP TABLE IF EXISTS ${t.sessionBookings}`,
  `DROP TABLE IF EXISTS ${t.reportFacts}`,
  `DROP TABLE IF EXISTS ${t.queueClocks}`,
];
