/**
 * Names of the store's objects inside its PostgreSQL schema. The schema name is an
 * identifier we quote ourselves, so it is checked strictly (it cannot carry SQL), and it is
 * short enough to leave room for the NOTIFY channel derived from it (identifiers ≤ 63 bytes).
 */
import type { RecordedEvent } from "@ticketfold/core";
import type { SqlExecutor } from "./driver.js";

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,47}$/;

export const DEFAULT_SCHEMA = "ticketfold";

export interface StoreSchema {
  readonly name: string;
  readonly streams: string;
  readonly events: string;
  readonly consumers: string;
  readonly migrations: string;
  /** NOTIFY channel announcing committed appends (payload: the tenant). */
  readonly channel: string;
  /**
   * With personal data enabled: opens the sealed values of records read through `db` (their
   * keys read through the same executor, so a transaction sees its own key table).
   */
  readonly open?: (db: SqlExecutor, records: readonly RecordedEvent[]) => Promise<RecordedEvent[]>;
}

/** Records as readers see them: opened when the schema says how. */
export const openedWith = (
  db: SqlExecutor,
  s: StoreSchema,
  records: RecordedEvent[],
): RecordedEvent[] | Promise<RecordedEvent[]> => (s.open === undefined ? records : s.open(db, records));

/** Resolves the object names of a schema; throws on a name that is not a plain identifier. */
export const storeSchema = (name: string = DEFAULT_SCHEMA): StoreSchema => {
  if (!SCHEMA_NAME.test(name)) {
    throw new Error(
      `schema name "${name}" is not allowed: use 1–48 letters, digits or _ , starting with a letter or _`,
    );
  }
  const q = `"${name}"`;
  return {
    name,
    streams: `${q}.streams`,
    events: `${q}.events`,
    consumers: `${q}.consumers`,
    migrations: `${q}.migrations`,
    channel: `${name}_events`,
  };
};
