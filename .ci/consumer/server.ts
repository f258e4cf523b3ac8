// The consumer smoke test's check of the server path: a real `pg.Pool` (types from @types/pg,
// installed in this app) fits `pgDriver` although the store's own types never name `pg`.
// Type-checked only: no server runs here.
import { createPostgresEventStore, type PgPool, pgDriver } from "@ticketfold/store-postgres";
import pg from "pg";

export const onServer = (connectionString: string) => {
  const pool = new pg.Pool({ connectionString });
  const asPgPool: PgPool = pool;
  return {
    owned: createPostgresEventStore({ driver: pgDriver(connectionString) }),
    shared: createPostgresEventStore({ driver: pgDriver(asPgPool, { prepareStatements: false }) }),
  };
};
