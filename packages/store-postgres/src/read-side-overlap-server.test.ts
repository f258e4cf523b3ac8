/**
 * Two batches holding the same ticket at once (runners of two partition counts, which
 * docs/scaling.md says not to run together) still never write a ticket from a stale snapshot:
 * the second batch waits for the first's lock on the snapshot, then folds onto its result and
 * skips the events it already has. Needs two connections at once: a server (skipped on PGlite,
 * with the reason).
 */
import type { RecordedEvent } from "@ticketfold/core";
import { workloadPolicies } from "@ticketfold/testing/workload";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureReadSide, readSideTables } from "./index.js";
import { projectBatch } from "./read-side/project.js";
import { appendLog, sampleWorkload } from "./read-side-support.test-support.js";
import { NO_SERVER_REASON, serverBackend, serverUrl, type TestBackend } from "./target.test-support.js";

let backend: TestBackend | undefined;
beforeAll(async () => {
  if (serverUrl) backend = await serverBackend("overlap", 4);
});
afterAll(() => backend?.close());

describe.skipIf(!serverUrl)(
  `read side: overlapping batches (${serverUrl ? "postgres server" : NO_SERVER_REASON})`,
  () => {
    it("a batch that waited for another on the same ticket folds onto its result, never back", async () => {
      const { store, cleanup } = await (backend as TestBackend).freshStore();
      try {
        const { log } = sampleWorkload(3);
        const counts = new Map<string, number>();
        for (const e of log)
          counts.set(`${e.tenantId}/${e.streamId}`, (counts.get(`${e.tenantId}/${e.streamId}`) ?? 0) + 1);
        const [busiest] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] as [string, number];
        const ticketLog = log.filter((e) => `${e.tenantId}/${e.streamId}` === busiest);
        expect(ticketLog.length).toBeGreaterThanOrEqual(4);
        const version = await ensureReadSide(store);
        await appendLog(store, ticketLog);
        // Read-all waits for older transactions on the shared server: bounded, until all are readable.
        let events: readonly RecordedEvent[] = [];
        for (let tries = 0; events.length < ticketLog.length && tries < 200; tries++) {
          if (tries > 0) await new Promise((r) => setTimeout(r, 50));
          events = (await store.readAll({ limit: 1000 })).events;
        }
        expect(events).toHaveLength(ticketLog.length);
        const t = readSideTables(store.schema, version);
        const project = (batch: readonly RecordedEvent[]) => (tx: Parameters<typeof projectBatch>[0]) =>
          projectBatch(tx, store.schema, t, batch, workloadPolicies);
        await store.driver.transaction(project(events.slice(0, 1)));
        const all = events.length;
        let release = (): void => {};
        const held = new Promise<void>((resolve) => {
          release = resolve;
        });
        let firstProjected = false;
        const first = store.driver.transaction(async (tx) => {
          await project(events.slice(1))(tx);
          firstProjected = true;
          await held;
        });
        while (!firstProjected) await new Promise((r) => setTimeout(r, 5));
        let secondDone = false;
        const second = store.driver.transaction(project(events.slice(1, 2))).then(() => {
          secondDone = true;
        });
        await new Promise((r) => setTimeout(r, 200));
        expect(secondDone).toBe(false); // it waits for the first batch's lock
        release();
        await Promise.all([first, second]);
        const { rows } = await store.driver.query<{ version: number }>(`SELECT version FROM ${t.ticketState}`);
        expect(rows.map((r) => Number(r.version))).toEqual([all]);
      } finally {
        await cleanup();
      }
    });
  },
);
