/**
 * The ticket list on embedded PGlite (always run): the shared read-model contract. The same
 * contract runs on a PostgreSQL server in ticket-queries-server.test.ts; the plans and the
 * upgrade of older table sets are in ticket-list-sql.test.ts.
 */
import { describeTicketQueriesContract } from "@ticketfold/testing/read-model-contract";
import { afterAll, beforeAll } from "vitest";
import { pgliteBackend, type TestBackend } from "./target.test-support.js";
import { postgresTicketQueries } from "./ticket-queries.test-support.js";

let backend: TestBackend | undefined;
beforeAll(async () => {
  backend = await pgliteBackend("ticketlist");
});
afterAll(() => backend?.close());

const current = (): TestBackend => {
  if (!backend) throw new Error("PGlite backend not started");
  return backend;
};
describeTicketQueriesContract("pglite", postgresTicketQueries(current), { numRuns: 12, timeout: 120_000 });
