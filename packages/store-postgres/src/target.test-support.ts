/**
 * Test backends. With TICKETFOLD_PG_URL set (CI: postgres://postgres@127.0.0.1:5432/postgres)
 * the server suites run against that PostgreSQL server; otherwise the same suites run on
 * PGlite. Every store a test makes lives in a schema of its own, dropped afterwards, so test
 * files and runs never see each other. PGlite takes seconds and ~700 MiB to start: one
 * instance per test file, shared by all its stores.
 */
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { createPostgresEventStore, type PostgresEventStore, type SqlDriver } from "./index.js";
import { pgDriver } from "./pg-driver.js";
import { pgliteDriver } from "./pglite-driver.js";

export const serverUrl: string | undefined = process.env.TICKETFOLD_PG_URL || undefined;

/** Names the backend in describe titles, so a run shows what it tested. */
export const serverBackendName = serverUrl ? "postgres server" : "pglite";

export const NO_SERVER_REASON = "skipped: no PostgreSQL server (set TICKETFOLD_PG_URL to run it)";

export interface TestBackend {
  readonly name: "postgres server" | "pglite";
  readonly driver: SqlDriver;
  /** A migrated store in a fresh schema, and how to drop it. */
  freshStore(options?: {
    readonly notify?: boolean;
  }): Promise<{ store: PostgresEventStore; cleanup: () => Promise<void> }>;
  /** A fresh, unmigrated schema name (dropped by `close`). */
  schemaName(): string;
  close(): Promise<void>;
}

const runId = `${process.pid}_${Math.floor(Math.random() * 1e6)}`;

const backendOn = (name: TestBackend["name"], driver: SqlDriver, tag: string): TestBackend => {
  let n = 0;
  const schemas = new Set<string>();
  const drop = async (schema: string): Promise<void> => {
    await driver.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    schemas.delete(schema);
  };
  const schemaName = (): string => {
    const schema = `tf_${tag}_${runId}_${++n}`;
    schemas.add(schema);
    return schema;
  };
  return {
    name,
    driver,
    schemaName,
    async freshStore(options = {}) {
      const schema = schemaName();
      const store = createPostgresEventStore({ driver, schema, closeDriver: false, ...options });
      await store.migrate();
      return { store, cleanup: () => drop(schema) };
    },
    async close() {
      for (const schema of [...schemas]) await drop(schema);
      await driver.close();
    },
  };
};

/**
 * A PGlite backend: on the driver's own in-memory database (the embedded default), or on an
 * instance the test file opened (closing the backend leaves that instance open).
 */
export const pgliteBackend = async (tag: string, instance?: PGlite): Promise<TestBackend> =>
  backendOn("pglite", pgliteDriver(instance), tag);

/** A pool on the server at TICKETFOLD_PG_URL (callers check `serverUrl` first). */
export const serverPool = (max = 10): pg.Pool => {
  const pool = new pg.Pool({ connectionString: serverUrl, max });
  pool.on("error", () => {});
  return pool;
};

export type ServerBackend = TestBackend & { readonly pool: pg.Pool };

/**
 * Read-all only returns what every OLDER transaction on the server has finished with, and
 * transaction ids are server-wide: a test file running transactions while another checks
 * read-your-writes would hold that file's reads back (delayed, never lost). So the server test
 * files take turns: each holds this advisory lock (session level, on a connection of its own)
 * from `serverBackend` to `close`. The wait is bounded; past it the file runs anyway.
 */
const SERVER_TEST_LOCK = 7_104_202_601;

const takeServerTurn = async (waitMs: number): Promise<() => Promise<void>> => {
  const client = new pg.Client({ connectionString: serverUrl });
  client.on("error", () => {});
  await client.connect();
  const deadline = Date.now() + waitMs;
  for (;;) {
    const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [SERVER_TEST_LOCK]);
    if (rows[0]?.ok) break;
    if (Date.now() > deadline) {
      console.warn(`server tests: ran without the server to itself after waiting ${waitMs} ms`);
      break;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  // Ending the session releases the lock.
  return () => client.end();
};

/** A server backend (its turn on the server taken); throws when TICKETFOLD_PG_URL is not set. */
export const serverBackend = async (tag: string, max = 10, turnWaitMs = 45_000): Promise<ServerBackend> => {
  if (!serverUrl) throw new Error(NO_SERVER_REASON);
  const endTurn = await takeServerTurn(turnWaitMs);
  const pool = serverPool(max);
  const backend = backendOn("postgres server", pgDriver(pool), tag);
  return {
    ...backend,
    pool,
    async close() {
      try {
        await backend.close();
        await pool.end();
      } finally {
        await endTurn();
      }
    },
  };
};

/** The backend for the "server" suites: the server when configured, else PGlite. */
export const selectedBackend = (tag: string): Promise<TestBackend> =>
  serverUrl ? serverBackend(tag) : pgliteBackend(tag);
