/**
 * @ticketfold/store-postgres — the PostgreSQL EventStore, on a PostgreSQL server (`pg`) or on
 * embedded PGlite, through one adapter: all four expected-version modes, tenant-scoped
 * queries, gap-free read-all, consumers with durable checkpoints, versioned migrations.
 */

export { createPostgresAttachmentStore } from "./attachments/store.js";
export { createPostgresDesk, type PostgresDesk, type PostgresDeskOptions } from "./desk.js";
export {
  isSqlState,
  namedStatements,
  type QueryOptions,
  type SqlDriver,
  type SqlExecutor,
  type SqlResult,
  statementName,
  type Unlisten,
} from "./driver.js";
export { type MigrateResult, type Migration, migrate, migrationSql, migrations } from "./migrations.js";
export { createPostgresOutbox, PostgresOutbox } from "./outbox/queue.js";
export { createPostgresOutboxStore, PostgresOutboxStore } from "./outbox/store.js";
export { type LogPartition, MAX_PARTITIONS, partitionConsumer, partitionOf } from "./partition.js";
export { FORGOTTEN } from "./personal-data/forget.js";
export { findKeysWith, postgresKeyStore } from "./personal-data/key-store.js";
export { subjectKeysMigration, subjectKeysTable } from "./personal-data/migration.js";
export { type PgDriverOptions, pgDriver } from "./pg-driver.js";
export type {
  PgClient,
  PgClientClass,
  PgNotification,
  PgPool,
  PgPoolClient,
  PgQueryable,
  PgQueryConfig,
  PgQueryResult,
} from "./pg-pool.js";
export { type PgliteInstance, type PgliteQueryable, pgliteDriver } from "./pglite-driver.js";
export * from "./read-side/index.js";
export { DEFAULT_SCHEMA, type StoreSchema, storeSchema } from "./schema.js";
export { createPostgresEventStore, PostgresEventStore, type PostgresEventStoreOptions } from "./store.js";
export type { SubscribeOptions, SubscriptionContext } from "./subscribe.js";
export { createPostgresTimers, PostgresTimers, type TimerRow } from "./timers/queue.js";
