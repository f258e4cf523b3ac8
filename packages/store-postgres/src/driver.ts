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

/** Runs one SQL statement with positional parameters (`$1`, `$2`, …). */
export interface SqlExecutor {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<SqlResult<R>>;
}

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
