/**
 * The server suites, in ONE file so they run one after another (and the file takes its turn
 * on the server, see target.ts): read-all only returns what every older transaction on the
 * server has finished with, and xids are server-wide, so suites running side by side on one
 * server would hold each other's reads back (delayed, never lost; see docs/storage.md). With TICKETFOLD_PG_URL set they run on that server — the
 * shared contract, adapter specifics, consumers, concurrency and faults; without it the
 * adapter and consumer suites run on PGlite and the server-only ones are skipped with a reason.
 */

import { describeEventStoreContract } from "@ticketfold/testing/store-contract";
import { afterAll, beforeAll, describe, it } from "vitest";
import { adapterSuite } from "./adapter.test-support.js";
import { concurrencySuite, WRITERS } from "./concurrency.test-support.js";
import { faultSuite } from "./faults.test-support.js";
import { preparedSuite } from "./prepared.test-support.js";
import { consumerSuite } from "./subscribe.test-support.js";
import {
  NO_SERVER_REASON,
  pgliteBackend,
  type ServerBackend,
  serverBackend,
  serverBackendName,
  serverUrl,
  type TestBackend,
} from "./target.test-support.js";

let backend: TestBackend | undefined;
const current = (): TestBackend => {
  if (!backend) throw new Error("backend not started");
  return backend;
};
const server = (): ServerBackend => current() as ServerBackend;

// Generous: the other server test files may hold the server first (see target.ts).
const TURN_WAIT = 150_000;
beforeAll(async () => {
  backend = serverUrl ? await serverBackend("server", WRITERS + 4, TURN_WAIT) : await pgliteBackend("server");
}, TURN_WAIT + 20_000);
afterAll(() => backend?.close());

describe(`PostgreSQL store on ${serverBackendName}`, () => {
  if (serverUrl) describeEventStoreContract("PostgreSQL store on postgres server", () => current().freshStore());
  describe("adapter", () => adapterSuite(current));
  describe("consumers", () => consumerSuite(current));
  if (serverUrl) {
    describe("concurrency", () => concurrencySuite(server));
    describe("faults", () => faultSuite(server));
    describe("prepared statements", () => preparedSuite(server));
  } else {
    describe("concurrency, faults and prepared statements", () => {
      it.skip(`need concurrent connections: ${NO_SERVER_REASON}`, () => {});
    });
  }
});
