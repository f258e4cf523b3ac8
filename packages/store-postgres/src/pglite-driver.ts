/**
 * SqlDriver over PGlite, PostgreSQL compiled to WebAssembly and run in-process: the embedded
 * default. It is one connection, so transactions run one at a time (PGlite queues the rest);
 * LISTEN/NOTIFY works within the process. `@electric-sql/pglite` is a peer dependency loaded
 * on first use.
 */
import type { SqlDriver, SqlExecutor, SqlResult } from "./driver.js";

/**
 * What the driver needs of PGlite, declared here rather than imported from
 * `@electric-sql/pglite` so that the published types never name it: an app on a PostgreSQL
 * server needs no PGlite to type-check. A `PGlite` instance and its transactions fit as they are.
 */
export interface PgliteQueryable {
  query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[]; affectedRows?: number }>;
}

/** A running PGlite database (a `PGlite` from `@electric-sql/pglite`). */
export interface PgliteInstance extends PgliteQueryable {
  readonly closed: boolean;
  transaction<T>(work: (tx: PgliteQueryable) => Promise<T>): Promise<T>;
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const executor = (db: PgliteQueryable): SqlExecutor => ({
  async query<R>(sql: string, params: readonly unknown[] = []): Promise<SqlResult<R>> {
    const result = await db.query<R>(sql, params as unknown[]);
    return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
  },
});

const openPglite = async (dataDir: string | undefined): Promise<PgliteInstance> => {
  // Loaded on first use, never at the top: an app on a PostgreSQL server has no PGlite to load.
  const { PGlite } = await import("@electric-sql/pglite");
  const db = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await db.waitReady;
  return db;
};

/**
 * A driver on a PGlite instance (yours: `close` leaves it open), on a data directory (kept
 * across runs), or, with no argument, on a fresh in-memory database. The last two are opened
 * on first use and closed by `close`. Starting PGlite takes seconds and hundreds of MiB:
 * share one instance (tests: one per file).
 */
export const pgliteDriver = (instanceOrDataDir?: PgliteInstance | string): SqlDriver => {
  const owned = instanceOrDataDir === undefined || typeof instanceOrDataDir === "string";
  let dbPromise: Promise<PgliteInstance> | undefined = owned ? undefined : Promise.resolve(instanceOrDataDir);
  let closed = false;
  const db = (): Promise<PgliteInstance> => {
    if (closed) return Promise.reject(new Error("this PGlite driver is closed"));
    dbPromise ??= openPglite(instanceOrDataDir as string | undefined);
    return dbPromise;
  };
  return {
    kind: "pglite",
    async query(sql, params) {
      return executor(await db()).query(sql, params);
    },
    async transaction(work) {
      return (await db()).transaction((tx) => work(executor(tx)));
    },
    async listen(channel, onNotify) {
      const unlisten = await (await db()).listen(channel, onNotify);
      return () => unlisten();
    },
    async close() {
      closed = true;
      if (owned && dbPromise) {
        const opened = await dbPromise;
        dbPromise = undefined;
        if (!opened.closed) await opened.close();
      }
    },
  };
};
