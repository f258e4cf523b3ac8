/** The engineers' bookings on embedded PGlite (always run); the server runs the same suite. */
import { afterAll, beforeAll, describe } from "vitest";
import { sessionBookingsSuite } from "./session-bookings-suite.test-support.js";
import { pgliteBackend, type TestBackend } from "./target.test-support.js";

let backend: TestBackend | undefined;
beforeAll(async () => {
  backend = await pgliteBackend("bookings");
});
afterAll(() => backend?.close());

describe("session bookings on pglite", () => {
  sessionBookingsSuite(() => {
    if (!backend) throw new Error("PGlite backend not started");
    return backend;
  });
});
