/**
 * The engineers' bookings on the PostgreSQL server at TICKETFOLD_PG_URL (skipped, with the
 * reason, when it is not set; the same suite always runs on PGlite in session-bookings.test.ts).
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import { sessionBookingsSuite } from "./session-bookings-suite.test-support.js";
import { NO_SERVER_REASON, serverBackend, serverUrl, type TestBackend } from "./target.test-support.js";

let backend: TestBackend | undefined;
beforeAll(async () => {
  if (serverUrl) backend = await serverBackend("bookings", 2);
});
afterAll(() => backend?.close());

describe("session bookings on postgres server", () => {
  if (!serverUrl) {
    it.skip(NO_SERVER_REASON, () => {});
    return;
  }
  sessionBookingsSuite(() => {
    if (!backend) throw new Error("server backend not started");
    return backend;
  });
});
