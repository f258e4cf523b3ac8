/**
 * The SqlDriver seam: the few things the PostgreSQL store needs from a connection, so one
 * adapter runs on a PostgreSQL server (`pg`) and on embedded PGlite alike. A driver runs
 * single statements with `$n` parameters, runs a callback in one transaction, and may offer
 * LISTEN/NOTIFY as a wake-up hint (polling stays the source of truth).
 */
import { hasCode } from "@ticketfold/core";

/** Rows a statement returned and how many rows it changed. */
export interface SqlResult<R> {
  readonly rows: R[];
  readonly affectedRows: number;
}

/** How to run a statement. */
export interface QueryOptions {
  /**
   * A name for a statement run often with the same text: a driver that can prepares it once per
   * connection under this name and then only binds parameters (no parsing and planning per
   * call). One name must always stand for one text (`statementName` gives such a name).
   */
  readonly name?: string;
}

/** Runs one SQL statement with positional parameters (`$1`, `$2`, …). */
export interface SqlExecutor {
  query<R = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<SqlResult<R>>;
}

/**
 * A statement name for `sql` (`prefix` and a hash of the text): the same text always gets the
 * same name, and different texts (different schemas, expected-version modes) different ones.
 */
export const statementName = (prefix: string, sql: string): string => {
  // FNV-1a, 32 bits, twice with different offsets: 16 hex digits.
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < sql.length; i++) {
    const c = sql.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x811c9dc5);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  return `${prefix}_${hex(a)}${hex(b)}`;
};

/**
 * `QueryOptions` naming each text with `statementName(prefix, text)`, remembered per text: for
 * statements whose texts are few (one per schema and variant), never for texts with values in them.
 */
export const namedStatements = (prefix: string): ((sql: string) => QueryOptions) => {
  const named = new Map<string, QueryOptions>();
  return (sql) => {
    let options = named.get(sql);
    if (options === undefined) {
      options = { name: statementName(prefix, sql) };
      named.set(sql, options);
    }
    return options;
  };
};

/** Stops a LISTEN registration. */
export type Unlisten = () => Promise<void>;

export interface SqlDriver extends SqlExecutor {
  /** "pg" or "pglite": which engine is behind it (for logs and test names). */
  readonly kind: string;
  /**
   * Runs `work` in one transaction on one connection: committed when it resolves, rolled back
   * when it throws (the error is re-thrown). A lost connection rolls back on the server.
   */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Calls `onNotify` with each payload sent on `channel`, when the engine supports it. */
  listen?(channel: string, onNotify: (payload: string) => void): Promise<Unlisten>;
  /** Releases the connections the driver opened (not a pool or instance it was given). */
  close(): Promise<void>;
}

/** A PostgreSQL error as both drivers report it: SQLSTATE `code`, and what it names. */
export interface PgError {
  readonly code: string;
  readonly constraint?: string;
  readonly detail?: string;
}

/** True when `u` is a database error with SQLSTATE `sqlState` (e.g. 23505, unique violation). */
export const isSqlState = (u: unknown, sqlState: string): u is PgError => hasCode(u, sqlState);
