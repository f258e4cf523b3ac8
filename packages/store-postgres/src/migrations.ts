/**
 * Versioned, idempotent schema migrations. Each migration runs once, recorded in the
 * schema's `migrations` table; running `migrate` again is a no-op. Concurrent runners (several
 * app instances starting together) are serialised by a transaction-scoped advisory lock keyed
 * on the schema name, and everything happens in one transaction (PostgreSQL DDL is
 * transactional), so a failed migration leaves nothing behind. `migrationSql` prints the same
 * SQL for a DBA who applies it by hand.
 */
import { attachmentsMigration } from "./attachments/migration.js";
import { consumerScopeMigration } from "./consumers.js";
import type { SqlDriver } from "./driver.js";
import { deliveryMigration } from "./outbox/migration.js";
import { subjectKeysMigration } from "./personal-data/migration.js";
import { type StoreSchema, storeSchema } from "./schema.js";

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: (s: StoreSchema) => readonly string[];
}

/** The store's migrations, oldest first. Never edit a released one: add the next. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: "streams, events, consumers",
    statements: (s) => [
      `CREATE TABLE IF NOT EXISTS ${s.streams} (
  tenant text NOT NULL,
  stream_id text NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant, stream_id)
)`,
      // transaction_id is the writer's xid8: read-all orders by it and reads only below the
      // oldest running transaction, so late committers are never skipped (gap-free reads).
      `CREATE TABLE IF NOT EXISTS ${s.events} (
  global_position bigint GENERATED ALWAYS AS IDENTITY,
  transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  tenant text NOT NULL,
  stream_id text NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  event_id text NOT NULL UNIQUE,
  type text NOT NULL,
  schema_version integer NOT NULL,
  data jsonb,
  metadata jsonb,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant, stream_id, version)
)`,
      `CREATE INDEX IF NOT EXISTS events_log_order ON ${s.events} (transaction_id, global_position)`,
      `CREATE INDEX IF NOT EXISTS events_tenant_log_order ON ${s.events} (tenant, transaction_id, global_position)`,
      // One durable checkpoint per consumer and tenant scope. Here '' stood for all tenants;
      // migration 3 (consumers.ts) makes that NULL, so no tenant can collide with it.
      `CREATE TABLE IF NOT EXISTS ${s.consumers} (
  tenant text NOT NULL,
  consumer text NOT NULL,
  transaction_id xid8 NOT NULL DEFAULT '0',
  global_position bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant, consumer)
)`,
    ],
  },
  deliveryMigration,
  consumerScopeMigration,
  subjectKeysMigration,
  attachmentsMigration,
];

const lockStatement = (s: StoreSchema): string =>
  `SELECT pg_advisory_xact_lock(hashtextextended('ticketfold.migrate:${s.name}', 0))`;

const preamble = (s: StoreSchema): string[] => [
  `CREATE SCHEMA IF NOT EXISTS "${s.name}"`,
  `CREATE TABLE IF NOT EXISTS ${s.migrations} (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`,
];

const recordStatement = (s: StoreSchema, m: Migration): string =>
  `INSERT INTO ${s.migrations} (version, name) VALUES (${m.version}, '${m.name.replaceAll("'", "''")}') ON CONFLICT (version) DO NOTHING`;

export interface MigrateResult {
  /** Versions applied by this call (empty when the schema was up to date). */
  readonly applied: readonly number[];
}

/** Brings the schema up to date; safe to call at every start and from several processes. */
export const migrate = async (
  driver: SqlDriver,
  options: { readonly schema?: string } = {},
): Promise<MigrateResult> => {
  const s = storeSchema(options.schema);
  return driver.transaction(async (tx) => {
    await tx.query(lockStatement(s));
    for (const sql of preamble(s)) await tx.query(sql);
    const done = await tx.query<{ version: number }>(`SELECT version FROM ${s.migrations}`);
    const have = new Set(done.rows.map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const m of migrations) {
      if (have.has(m.version)) continue;
      for (const sql of m.statements(s)) await tx.query(sql);
      await tx.query(recordStatement(s, m));
      applied.push(m.version);
    }
    return { applied };
  });
};

/** The whole migration as one SQL script (idempotent), for a DBA to review and apply. */
export const migrationSql = (options: { readonly schema?: string } = {}): string => {
  const s = storeSchema(options.schema);
  const body = [
    lockStatement(s),
    ...preamble(s),
    ...migrations.flatMap((m) => [`-- migration ${m.version}: ${m.name}`, ...m.statements(s), recordStatement(s, m)]),
  ];
  const lines = body.map((sql) => (sql.startsWith("--") ? sql : `${sql};`));
  return ["BEGIN;", ...lines, "COMMIT;", ""].join("\n");
};
