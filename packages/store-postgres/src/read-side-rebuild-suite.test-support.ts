/**
 * Rebuilding the read side on a backend: the live runner keeps the queue current and follows a
 * switch; a rebuild builds a new table set while the old one serves, switches only once caught
 * up, and drops the old set; readers see a complete queue throughout.
 */

import { workloadPolicies } from "@ticketfold/testing/workload";
import { expect, it } from "vitest";
import {
  activeReadSideVersion,
  createReadSideVersion,
  dropReadSideVersion,
  ensureReadSide,
  isReadSideNotCaughtUp,
  isReadSideVersionActive,
  readSideTables,
  readWorkQueue,
  rebuildReadSide,
  runReadSide,
  switchReadSide,
} from "./index.js";
import { appendLog, catchUp, expectSqlEqualsPure, pureOf, sampleWorkload } from "./read-side-support.test-support.js";
import type { TestBackend } from "./target.test-support.js";

export const readSideRebuildSuite = (getBackend: () => TestBackend): void => {
  it("the live runner keeps the queue current and follows a rebuild's switch", async () => {
    const { store, cleanup } = await getBackend().freshStore();
    const controller = new AbortController();
    try {
      const { log } = sampleWorkload(11);
      const half = Math.floor(log.length / 2);
      const running = runReadSide(store, { policies: workloadPolicies, signal: controller.signal, pollInterval: 20 });
      const settled = running.then(
        () => "stopped",
        (e: unknown) => e,
      );
      /** Waits (bounded) until the active set's consumer has read up to `position`. */
      const reached = async (position: string | null) => {
        for (const until = Date.now() + 20_000; ; ) {
          const active = (await activeReadSideVersion(store.driver, store.schema)) ?? 1;
          const at = await store.consumerCheckpoint(readSideTables(store.schema, active).consumer);
          if (at === position) return;
          if (Date.now() > until)
            throw new Error(`live runner stuck at ${at}: ${String(await Promise.race([settled, "running"]))}`);
          await new Promise((r) => setTimeout(r, 25));
        }
      };
      await reached(null);
      await reached(await appendLog(store, log.slice(0, half)));
      await expectSqlEqualsPure(store, log.slice(0, half));
      const rebuilt = await rebuildReadSide(store, { policies: workloadPolicies });
      expect(rebuilt).toMatchObject({ from: 1, to: 2 });
      await reached(await appendLog(store, log.slice(half)));
      expect(await activeReadSideVersion(store.driver, store.schema)).toBe(2);
      await expectSqlEqualsPure(store, log);
      controller.abort();
      expect(await settled).toBe("stopped");
    } finally {
      controller.abort();
      await cleanup();
    }
  });

  it("a rebuild builds a new set while the old one serves, switches once caught up, and drops the old set", async () => {
    const { store, cleanup } = await getBackend().freshStore();
    try {
      const { log } = sampleWorkload(3);
      const [a, b, c] = [Math.floor(log.length / 3), Math.floor((2 * log.length) / 3), log.length];
      const s = store.schema;
      expect(await ensureReadSide(store)).toBe(1);
      await appendLog(store, log.slice(0, a));
      await catchUp(store, 1, a);

      // v2 builds from the start of the log; v1 keeps answering, and keeps being fed.
      await createReadSideVersion(store, 2);
      await catchUp(store, 2, a);
      await expectSqlEqualsPure(store, log.slice(0, a));
      await appendLog(store, log.slice(a, b));
      await catchUp(store, 1, b - a);
      await expectSqlEqualsPure(store, log.slice(0, b));

      // Not caught up: the switch is refused and v1 stays active.
      await expect(switchReadSide(store, 2)).rejects.toSatisfy(isReadSideNotCaughtUp);
      expect(await activeReadSideVersion(store.driver, s)).toBe(1);
      await catchUp(store, 2, b - a);
      await switchReadSide(store, 2);
      expect(await activeReadSideVersion(store.driver, s)).toBe(2);
      await expectSqlEqualsPure(store, log.slice(0, b));
      await expect(dropReadSideVersion(store, 2)).rejects.toSatisfy(isReadSideVersionActive);
      await dropReadSideVersion(store, 1);
      const gone = await store.driver.query<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [
        readSideTables(s, 1).workQueue,
      ]);
      expect(gone.rows[0]?.t).toBeNull();

      // The one-call rebuild: v3 from the start, the switch, v2 dropped.
      await appendLog(store, log.slice(b, c));
      const rebuilt = await rebuildReadSide(store, { policies: workloadPolicies });
      expect(rebuilt).toMatchObject({ from: 2, to: 3 });
      expect(await activeReadSideVersion(store.driver, s)).toBe(3);
      // On a busy server some events may still be held back at the switch: they follow.
      await catchUp(store, 3, c - rebuilt.events);
      expect(
        (await store.driver.query(`SELECT to_regclass($1)::text AS t`, [readSideTables(s, 2).workQueue])).rows,
      ).toEqual([{ t: null }]);
      await expectSqlEqualsPure(store, log);
    } finally {
      await cleanup();
    }
  });

  it("readers keep getting the whole queue while a rebuild builds and switches", async () => {
    const { store, cleanup } = await getBackend().freshStore();
    try {
      const { log } = sampleWorkload(21);
      const v = await ensureReadSide(store);
      await appendLog(store, log);
      await catchUp(store, v, log.length);
      const expected = pureOf(log).queue.query({ tenant: "t1" });
      const schema = store.schema.name;
      let done = false;
      let reads = 0;
      const reader = (async () => {
        while (!done) {
          // Every read sees a complete set: the old one, or the new one once it has caught up.
          expect(await readWorkQueue(store.driver, { tenant: "t1" }, { schema })).toEqual(expected);
          reads++;
        }
      })();
      const rebuilt = await rebuildReadSide(store, { policies: workloadPolicies, batchSize: 5 }).finally(() => {
        done = true;
      });
      await reader;
      expect(rebuilt).toMatchObject({ from: 1, to: 2 });
      expect(reads).toBeGreaterThan(1);
      expect(await readWorkQueue(store.driver, { tenant: "t1" }, { schema })).toEqual(expected);
    } finally {
      await cleanup();
    }
  });
};
