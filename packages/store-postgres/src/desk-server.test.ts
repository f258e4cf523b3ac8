/**
 * `createPostgresDesk` on a PostgreSQL server (TICKETFOLD_PG_URL; skipped with a reason
 * otherwise) holds to the desk contract, as on PGlite (desk.test.ts).
 */
import { describeDeskContract } from "@ticketfold/testing/delivery-contract";
import { afterAll, beforeAll, describe, it } from "vitest";
import { postgresDeskHarness } from "./desk.test-support.js";
import { NO_SERVER_REASON, type ServerBackend, serverBackend, serverUrl } from "./target.test-support.js";

let backend: ServerBackend | undefined;
beforeAll(async () => {
  if (serverUrl) backend = await serverBackend("desk", 6);
});
afterAll(() => backend?.close());

if (serverUrl)
  describeDeskContract(
    "postgres server",
    postgresDeskHarness(() => backend as ServerBackend),
  );
else describe("postgres server: desk", () => it.skip(NO_SERVER_REASON, () => {}));
