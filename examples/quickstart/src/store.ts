/**
 * The one place the demo makes its event store, chosen from the environment:
 * - embedded PGlite (the default) on a data directory kept between runs;
 * - a PostgreSQL server when `TICKETFOLD_DEMO_PG_URL` (or `TICKETFOLD_PG_URL`) is set;
 * - the in-memory store when `TICKETFOLD_DEMO_STORE=memory`.
 * The PostgreSQL kinds keep the demo's tables in a schema of their own and, at start, delete
 * the demo tenants' events of an earlier run, so every run tells the same story.
 */
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { EventStore, Instant } from "@ticketfold/core";
import { createInMemoryEventStore } from "@ticketfold/store-memory";
import { createPostgresEventStore, pgDriver, pgliteDriver } from "@ticketfold/store-postgres";

export type StoreChoice =
  | { readonly kind: "memory" }
  | { readonly kind: "pglite"; readonly dataDir: string }
  | { readonly kind: "postgres"; readonly url: string };

export interface DemoStore {
  readonly store: EventStore;
  /** One line saying which store this is and where its data lives. */
  readonly description: string;
  /** Events of the demo tenants left by an earlier run and deleted now. */
  readonly cleared: number;
  close(): Promise<void>;
}

/** The PostgreSQL schema of the demo, apart from an app's own `ticketfold` schema. */
export const DEMO_SCHEMA = "ticketfold_quickstart";

/** `.ticketfold-data/quickstart` under the repository root (git-ignored). */
export const defaultDataDir = (): string =>
  fileURLToPath(new URL("../../../.ticketfold-data/quickstart", import.meta.url));

type Env = Readonly<Record<string, string | undefined>>;

/** Reads the choice from the environment; an explicit `TICKETFOLD_DEMO_STORE` wins over a URL. */
export const chooseStore = (env: Env = process.env): StoreChoice => {
  const url = env.TICKETFOLD_DEMO_PG_URL || env.TICKETFOLD_PG_URL;
  const kind = env.TICKETFOLD_DEMO_STORE || (url ? "postgres" : "pglite");
  switch (kind) {
    case "memory":
      return { kind };
    case "pglite":
      return { kind, dataDir: env.TICKETFOLD_DEMO_DATA_DIR || defaultDataDir() };
    case "postgres":
      if (!url) throw new Error("TICKETFOLD_DEMO_STORE=postgres needs TICKETFOLD_DEMO_PG_URL (a postgres:// URL)");
      return { kind, url };
    default:
      throw new Error(`TICKETFOLD_DEMO_STORE="${kind}": use memory, pglite or postgres`);
  }
};

/** A connection URL without its password, fit to print. */
const withoutPassword = (url: string): string => {
  try {
    const u = new URL(url);
    if (u.password !== "") u.password = "***";
    return u.toString();
  } catch {
    return "(a PostgreSQL URL)";
  }
};

/**
 * Opens the chosen store. `now` stamps `recordedAt`, so the stored log follows the simulated
 * clock; `tenants` are the demo's own, whose earlier events are deleted.
 */
export const createStore = async (
  now: () => Instant,
  tenants: readonly string[],
  choice: StoreChoice = chooseStore(),
): Promise<DemoStore> => {
  if (choice.kind === "memory") {
    return {
      store: createInMemoryEventStore({ now }),
      description: "in-memory store",
      cleared: 0,
      close: async () => {},
    };
  }
  // PGlite makes its data directory but not the folders above it.
  if (choice.kind === "pglite") await mkdir(dirname(choice.dataDir), { recursive: true });
  const driver = choice.kind === "pglite" ? pgliteDriver(choice.dataDir) : pgDriver(choice.url);
  const store = createPostgresEventStore({ driver, schema: DEMO_SCHEMA, now, notify: false });
  try {
    await store.migrate();
    const cleared = await driver.transaction(async (tx) => {
      const gone = await tx.query(`DELETE FROM ${store.schema.events} WHERE tenant = ANY($1)`, [tenants]);
      await tx.query(`DELETE FROM ${store.schema.streams} WHERE tenant = ANY($1)`, [tenants]);
      return gone.affectedRows;
    });
    const where =
      choice.kind === "pglite"
        ? `embedded PGlite, data in ${choice.dataDir}`
        : `PostgreSQL at ${withoutPassword(choice.url)}`;
    return { store, description: `${where} (schema ${DEMO_SCHEMA})`, cleared, close: () => store.close() };
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
};
