/**
 * Migration 2: the outbox, its attempt log and the timer table (docs/design/event-store.md#outbox,
 * Timers). Dispatchers and timer workers find due rows through the partial indexes on
 * `next_attempt_at` and `due_at`; a lease (`locked_until`, `locked_by`) marks a claimed row.
 */
import type { Migration } from "../migrations.js";
import { deliveryTables } from "./tables.js";

export const deliveryMigration: Migration = {
  version: 2,
  name: "outbox, delivery attempts, timers",
  statements: (s) => {
    const t = deliveryTables(s);
    return [
      `CREATE TABLE IF NOT EXISTS ${t.outbox} (
  intent_id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  tenant text NOT NULL,
  ticket_id text NOT NULL,
  event_id text NOT NULL,
  rule text NOT NULL,
  intent jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  channels_done text[] NOT NULL DEFAULT '{}',
  next_attempt_at timestamptz NOT NULL,
  locked_until timestamptz,
  locked_by text,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  settled_at timestamptz
)`,
      `CREATE INDEX IF NOT EXISTS outbox_due ON ${t.outbox} (next_attempt_at) WHERE status = 'pending'`,
      `CREATE INDEX IF NOT EXISTS outbox_ticket ON ${t.outbox} (tenant, ticket_id)`,
      `CREATE TABLE IF NOT EXISTS ${t.attempts} (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  intent_id text NOT NULL REFERENCES ${t.outbox} (intent_id) ON DELETE CASCADE,
  attempt integer NOT NULL,
  channel text NOT NULL,
  at timestamptz NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('delivered', 'failed')),
  error text,
  dispatcher text NOT NULL
)`,
      `CREATE INDEX IF NOT EXISTS outbox_attempts_intent ON ${t.attempts} (intent_id, attempt)`,
      `CREATE TABLE IF NOT EXISTS ${t.timers} (
  tenant text NOT NULL,
  ticket_id text NOT NULL,
  due_at timestamptz,
  locked_until timestamptz,
  locked_by text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant, ticket_id)
)`,
      `CREATE INDEX IF NOT EXISTS timers_due ON ${t.timers} (due_at) WHERE due_at IS NOT NULL`,
    ];
  },
};
