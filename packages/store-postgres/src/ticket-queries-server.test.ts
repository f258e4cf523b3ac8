/**
 * The ticket list on the PostgreSQL server at TICKETFOLD_PG_URL: the shared read-model
 * contract (skipped, with the reason, when it is not set; it always runs on PGlite in
 * ticket-queries.test.ts).
 */
import { describeTicketQueriesContract } from "@ticketfold/testing/read-model-contract";
import { afterAll, beforeAll, describe, it } from "vitest";
import { NO_SERVER_REASON, serverBackend, serverUrl, type TestBackend } from "./target.test-support.js";
import { postgresTicketQueries } from "./ticket-queries.test-support.js";

let backend: TestBackend | undefined;
beforeAll(async () => {
  if (serverUrl) backend = await serverBackend("ticketlist", 4);
});
afterAll(() => backend?.close());

if (serverUrl) {
  const current = (): TestBackend => {
    if (!backend) throw new Error("server backend not started");
    return backend;
  };
  describeTicketQueriesContract("postgres server", postgresTicketQueries(current), { numRuns: 25, timeout: 120_000 });
} else {
  describe("TicketQueries contract: postgres server", () => it.skip(NO_SERVER_REASON, () => {}));
}
