/**
 * Names of the store's objects inside its PostgreSQL schema. The schema name is an
 * identifier we quote ourselves, so it is checked strictly (it cannot carry SQL), and it is
 * short enough to leave room for the NOTIFY channel derived from it (identifiers ≤ 63 bytes).
 */

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
}

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
