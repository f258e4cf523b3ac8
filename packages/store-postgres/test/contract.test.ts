/**
 * The shared EventStore contract suite on the PostgreSQL store: always on PGlite, and on the
 * PostgreSQL server when TICKETFOLD_PG_URL is set. Each store the suite asks for is a fresh
 * schema on the file's one PGlite instance (or server pool), dropped after the test.
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import { describeEventStoreContract } from "../../testing/src/index.js";
import { NO_SERVER_REASON, pgliteBackend, serverBackend, serverUrl, type TestBackend } from "./target.js";

let lite: TestBackend | undefined;
let server: TestBackend | undefined;

beforeAll(async () => {
  lite = await pgliteBackend("contract");
  if (serverUrl) server = await serverBackend("contract");
});
afterAll(async () => {
  await lite?.close();
  await server?.close();
});

const using = (backend: () => TestBackend | undefined) => async () => {
  const b = backend();
  if (!b) throw new Error("backend not started");
  return b.freshStore();
};

describeEventStoreContract(
  "PostgreSQL store on pglite",
  using(() => lite),
);

if (serverUrl) {
  describeEventStoreContract(
    "PostgreSQL store on postgres server",
    using(() => server),
    { numRuns: 30 },
  );
} else {
  describe("EventStore contract: PostgreSQL store on postgres server", () => {
    it.skip(NO_SERVER_REASON, () => {});
  });
}
