/**
 * LISTEN is only a hint: a subscription whose driver cannot listen (the LISTEN connection
 * refused) still sees every event, by polling. On the selected backend.
 */
import { sampleEvents } from "@ticketfold/testing/store-contract";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { SqlDriver } from "./driver.js";
import { createPostgresEventStore } from "./store.js";
import { selectedBackend, type TestBackend } from "./target.test-support.js";

let backend: TestBackend;
beforeAll(async () => {
  backend = await selectedBackend("subscribe");
}, 120_000);
afterAll(() => backend?.close());

it("a driver whose LISTEN fails: the subscription polls and sees every event", async () => {
  const refusing: SqlDriver = {
    ...backend.driver,
    query: (sql, params, options) => backend.driver.query(sql, params, options),
    transaction: (work) => backend.driver.transaction(work),
    listen: () => Promise.reject(new Error("too many connections")),
    close: async () => {},
  };
  const store = createPostgresEventStore({ driver: refusing, schema: backend.schemaName() });
  await store.appendToStream("t1", "s1", sampleEvents(3), { expectedVersion: "no_stream" });
  let seen = 0;
  const stop = new AbortController();
  await store.subscribe({
    consumer: "c",
    pollInterval: 10,
    signal: AbortSignal.any([stop.signal, AbortSignal.timeout(10_000)]),
    handler: async (events) => {
      seen += events.length;
      if (seen >= 3) stop.abort();
    },
  });
  expect(seen).toBe(3);
  expect(stop.signal.aborted).toBe(true);
});
