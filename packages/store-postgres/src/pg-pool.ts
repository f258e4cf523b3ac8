/**
 * What `pgDriver` needs of node-postgres, declared here rather than imported from `pg`: the
 * published types then never name `pg`, so an app on PGlite alone installs neither `pg` nor
 * `@types/pg` and still type-checks with `skipLibCheck: false`. A `pg.Pool` fits these shapes
 * as it is (the store's own tests pass real pools), as its clients fit `PgPoolClient`.
 */

/** One statement: its text, its `$n` parameters, and a name when it is prepared. */
export interface PgQueryConfig {
  readonly text: string;
  readonly values?: unknown[];
  readonly name?: string;
}

/** The part of a node-postgres result the store reads. */
export interface PgQueryResult {
  readonly rows: unknown[];
  readonly rowCount: number | null;
}

/** A message received on a channel this connection LISTENs to. */
export interface PgNotification {
  readonly channel: string;
  readonly payload?: string | undefined;
}

/** Anything that runs a statement given as a config object: a pool or one of its clients. */
export interface PgQueryable {
  query(config: PgQueryConfig): Promise<PgQueryResult>;
}

/** A connection checked out of a pool (a `pg.PoolClient`). */
export interface PgPoolClient extends PgQueryable {
  on(event: "notification", listener: (message: PgNotification) => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
  removeListener(event: "notification", listener: (message: PgNotification) => void): unknown;
  removeListener(event: "error", listener: (error: Error) => void): unknown;
  /** Returns the connection to the pool; with an error, the pool destroys it instead. */
  release(error?: Error | boolean): void;
}

/** A connection pool (a `pg.Pool`): statements on any connection, or one connection checked out. */
export interface PgPool extends PgQueryable {
  connect(): Promise<PgPoolClient>;
  /** The options the pool connects with; the LISTEN connection uses the same. */
  readonly options?: unknown;
  /** The class the pool makes its connections with (node-postgres sets it). */
  readonly Client?: PgClientClass;
}

/**
 * A connection of its own, outside any pool (a `pg.Client`): the driver opens one for LISTEN,
 * so subscribers never hold a pooled connection.
 */
export interface PgClient extends PgQueryable {
  connect(): Promise<unknown>;
  end(): Promise<void>;
  on(event: "notification", listener: (message: PgNotification) => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
  removeListener(event: "notification", listener: (message: PgNotification) => void): unknown;
  removeListener(event: "error", listener: (error: Error) => void): unknown;
}

/** How a pool makes its connections (`pg.Pool#Client`), so the LISTEN one is made alike. */
export type PgClientClass = new (options: unknown) => PgClient;
