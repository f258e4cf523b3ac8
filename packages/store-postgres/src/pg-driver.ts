/**
 * SqlDriver over node-postgres: a pool for statements and transactions, and one connection of
 * its own for LISTEN, outside the pool (opened on the first `listen`, closed when the last one
 * stops), so subscribers never hold a pooled connection: a one-connection pool still serves
 * appends, reads and batches while they listen. `pg` is a peer dependency loaded on first use,
 * so PGlite-only apps never need it.
 */
import type { QueryOptions, SqlDriver, SqlExecutor, SqlResult, Unlisten } from "./driver.js";
import type { PgClient, PgClientClass, PgNotification, PgPool, PgQueryable } from "./pg-pool.js";

const executor = (client: PgQueryable, prepare: boolean): SqlExecutor => ({
  async query<R>(sql: string, params: readonly unknown[] = [], options: QueryOptions = {}): Promise<SqlResult<R>> {
    // A named statement is prepared once per connection (node-postgres remembers which).
    const values = params as unknown[];
    const result = await client.query(
      options.name === undefined || !prepare ? { text: sql, values } : { name: options.name, text: sql, values },
    );
    return { rows: result.rows as R[], affectedRows: result.rowCount ?? 0 };
  },
});

/** A pool the driver opened itself, and so ends on `close`. */
type OwnedPool = PgPool & { end(): Promise<void> };

const openPool = async (connectionString: string): Promise<OwnedPool> => {
  // Loaded here, on first use, never at the top: an app on PGlite alone has no `pg` to load.
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({ connectionString });
  // A connection that dies while idle is dropped by the pool; without a listener the
  // pool's "error" event would crash the process.
  pool.on("error", () => {});
  return pool;
};

/**
 * A driver on a `pg.Pool` (yours: `close` leaves it open) or on a connection string (the
 * driver opens a pool and `close` ends it).
 */
export interface PgDriverOptions {
  /**
   * Prepare the store's frequent statements once per connection (default true): the server
   * then only binds parameters instead of parsing and planning each append and read. Turn it
   * off behind a pooler that does not keep prepared statements across transactions (PgBouncer
   * in transaction mode before 1.21).
   */
  readonly prepareStatements?: boolean;
}

export const pgDriver = (poolOrConnectionString: PgPool | string, options: PgDriverOptions = {}): SqlDriver => {
  const prepare = options.prepareStatements ?? true;
  const owned = typeof poolOrConnectionString === "string";
  let ownedPool: Promise<OwnedPool> | undefined;
  let poolPromise: Promise<PgPool> | undefined = owned ? undefined : Promise.resolve(poolOrConnectionString);
  const pool = (): Promise<PgPool> => {
    if (poolPromise === undefined) {
      ownedPool = openPool(poolOrConnectionString as string);
      poolPromise = ownedPool;
    }
    return poolPromise;
  };
  const listeners = new Map<string, Set<(payload: string) => void>>();
  let listening: Promise<PgClient> | undefined;
  let releaseListening: (() => void) | undefined;

  // The LISTEN connection is made as the pool makes its own (same class, same options), but
  // it is not the pool's: it never counts against `max`.
  const newListenerClient = async (p: PgPool): Promise<PgClient> => {
    const ClientClass = p.Client ?? ((await import("pg")).default.Client as unknown as PgClientClass);
    return new ClientClass(p.options);
  };

  const connectListener = (): Promise<PgClient> => {
    if (listening) return listening;
    const attempt = pool()
      .then(newListenerClient)
      .then(async (client) => {
        let released = false;
        const onNotification = (m: PgNotification): void => {
          for (const cb of listeners.get(m.channel) ?? []) cb(m.payload ?? "");
        };
        // A lost LISTEN connection only costs wake-ups: subscribers keep polling.
        const onError = (): void => release();
        const release = (): void => {
          if (released) return;
          released = true;
          if (releaseListening === release) {
            listening = undefined;
            releaseListening = undefined;
          }
          client.removeListener("notification", onNotification);
          client.end().catch(() => {});
        };
        client.on("error", onError);
        client.on("notification", onNotification);
        releaseListening = release;
        try {
          await client.connect();
          // After a lost connection, the channels still listened to are listened to again.
          for (const channel of listeners.keys()) await client.query({ text: `LISTEN "${channel}"` });
        } catch (error) {
          release();
          throw error;
        }
        return client;
      });
    listening = attempt;
    // A failed connection is tried again by the next `listen`.
    attempt.catch(() => {
      if (listening === attempt) listening = undefined;
    });
    return attempt;
  };

  return {
    kind: "pg",
    async query(sql, params, options) {
      return executor(await pool(), prepare).query(sql, params, options);
    },
    async transaction(work) {
      const client = await (await pool()).connect();
      let broken: unknown;
      // A checked-out connection has no error listener of the pool's: a terminated backend
      // would otherwise crash the process. The failing statement rejects on its own.
      const onError = (error: Error): void => {
        broken = error;
      };
      client.on("error", onError);
      try {
        await client.query({ text: "BEGIN" });
        const result = await work(executor(client, prepare));
        await client.query({ text: "COMMIT" });
        return result;
      } catch (error) {
        try {
          await client.query({ text: "ROLLBACK" });
        } catch (rollbackError) {
          broken = rollbackError;
        }
        throw error;
      } finally {
        // A connection that failed or could not roll back is destroyed rather than reused.
        client.removeListener("error", onError);
        client.release(broken === undefined ? undefined : (broken as Error));
      }
    },
    async listen(channel, onNotify): Promise<Unlisten> {
      const client = await connectListener();
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        await client.query({ text: `LISTEN "${channel}"` });
      }
      set.add(onNotify);
      const mine = set;
      return async () => {
        mine.delete(onNotify);
        if (mine.size > 0 || listeners.get(channel) !== mine) return;
        listeners.delete(channel);
        const current = listening;
        if (!current) return;
        const c = await current;
        await c.query({ text: `UNLISTEN "${channel}"` }).catch(() => {});
        if (listeners.size === 0 && listening === current) releaseListening?.();
      };
    },
    async close() {
      if (listening) await listening.catch(() => undefined);
      releaseListening?.();
      listeners.clear();
      if (ownedPool) await (await ownedPool).end();
    },
  };
};
