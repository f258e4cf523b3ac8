/**
 * The work queue's live SLA columns on a backend (read-side/queue-clocks.ts): on random
 * workloads and at random `now` at or after the last event, every entry `readLiveWorkQueue`
 * returns carries the statuses the core's `slaStatus(state, policy, now)` reads from scratch and
 * the in-memory `WorkQueueProjection` derives from its live SLA index, in the queue's order,
 * with no snapshot read. A set made before readings were kept gains them on start; a bad or
 * missing row is reported with its ticket and path.
 */
import {
  type ClockReading,
  clockReading,
  MINUTE,
  policyOfTicket,
  slaStatus,
  stepTicket,
  type TicketState,
  ticketKey,
  type WorkQueueFilter,
  workQueueEntry,
} from "@ticketfold/core";
import { workloadArb, workloadPolicies } from "@ticketfold/testing/workload";
import fc from "fast-check";
import { expect, it } from "vitest";
import {
  catchUpReadSide,
  ensureReadSide,
  type LiveWorkQueueEntry,
  liveWorkQueueSql,
  type PostgresEventStore,
  readLiveWorkQueue,
  readSideTables,
} from "./index.js";
import { appendLog, catchUp, type Log, pureOf, sampleWorkload } from "./read-side-support.test-support.js";
import type { TestBackend } from "./target.test-support.js";

const LIVE_FILTERS: WorkQueueFilter[] = ["t1", "t2"].flatMap((tenant) => [
  { tenant },
  { tenant, assignee: null },
  { tenant, status: ["open", "awaiting-customer"] },
]);

/** The latest event of the log's tickets. */
const lastEventOf = (log: Log): number => Math.max(...log.map((e) => e.recordedAt));

/** Every live read at `now` equals the pure queue and the statuses read from scratch; returns the entries checked. */
const expectLiveEqualsPure = async (store: PostgresEventStore, log: Log, now: number): Promise<number> => {
  const pure = pureOf(log);
  const schema = store.schema.name;
  let checked = 0;
  for (const filter of LIVE_FILTERS) {
    const live = await readLiveWorkQueue(store.driver, filter, { schema, now, policies: workloadPolicies });
    expect(
      live.map(({ sla: _s, breachedNow: _b, ...entry }) => entry),
      JSON.stringify(filter),
    ).toEqual(pure.queue.query(filter));
    for (const e of live) {
      const state = pure.queue.state(e.tenant, e.ticketId);
      if (state === undefined) throw new Error(`no state for ${e.ticketId}`);
      const policy = policyOfTicket(state, workloadPolicies);
      if (policy._tag === "Left" || policy.right === null) throw new Error(`no policy for ${e.ticketId}`);
      const scratch = slaStatus(state, policy.right, now);
      expect(e.sla, `${e.ticketId} at ${now}`).toEqual(scratch);
      // Field for field in the core's order, as an API serialises it (jsonb keeps keys its own way).
      expect(JSON.stringify(e.sla)).toBe(JSON.stringify(scratch));
      expect(e.sla).toEqual(pure.queue.slaStatus(e.tenant, e.ticketId, now));
      expect(e.breachedNow).toBe(Object.values(scratch).some((m) => m.state === "breached"));
      checked++;
    }
  }
  const limited = await readLiveWorkQueue(
    store.driver,
    { tenant: "t1" },
    { schema, now, policies: workloadPolicies, limit: 2 },
  );
  expect(limited.map((e: LiveWorkQueueEntry) => e.ticketId)).toEqual(
    pure.queue.query({ tenant: "t1" }, 2).map((e) => e.ticketId),
  );
  return checked;
};

/**
 * The rule, event by event: keep a queued ticket's reading until its clock log grows or its
 * policy changes; drop it when the ticket leaves the queue. Counts the events that kept one.
 */
const keptReadings = (log: Log) => {
  const states = new Map<string, TicketState>();
  const kept = new Map<string, { reading: ClockReading; policy: string }>();
  let rewrites = 0;
  for (const e of log) {
    const key = ticketKey(e.tenantId, e.streamId);
    const step = stepTicket(states.get(key), e);
    if (step._tag === "Left" || step.right === null) continue;
    const s = step.right.after;
    states.set(key, s);
    const policy = policyOfTicket(s, workloadPolicies);
    const compiled = policy._tag === "Right" ? policy.right : null;
    const fresh = compiled === null ? null : clockReading(s, compiled);
    if (compiled === null || fresh === null || workQueueEntry(s, compiled) === null) {
      kept.delete(key);
      continue;
    }
    const before = kept.get(key);
    const policyKey = `${s.policyId}@${s.policyVersion}`;
    if (
      before === undefined ||
      before.policy !== policyKey ||
      before.reading.clockLength !== fresh.clockLength ||
      before.reading.priorityCount !== fresh.priorityCount
    ) {
      kept.set(key, { reading: fresh, policy: policyKey });
    } else rewrites++;
  }
  return { kept, rewrites };
};

export const liveQueueSuite = (getBackend: () => TestBackend, runs: number): void => {
  it("on random workloads, the live SLA columns at any later now equal slaStatus and the in-memory queue's", async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(
        workloadArb,
        fc.array(fc.integer({ min: 0, max: 14 * 24 * 60 }), { minLength: 1, maxLength: 3 }),
        async ({ log }, laters) => {
          const { store, cleanup } = await getBackend().freshStore();
          try {
            const version = await ensureReadSide(store);
            await appendLog(store, log);
            await catchUp(store, version, log.length);
            // At the last event itself, then later: minutes to two weeks, across closed office hours.
            for (const later of [0, ...laters])
              checked += await expectLiveEqualsPure(store, log, lastEventOf(log) + later * MINUTE);
          } finally {
            await cleanup();
          }
        },
      ),
      { numRuns: runs },
    );
    // The property is not vacuous: the workloads queue tickets.
    expect(checked).toBeGreaterThan(0);
  }, 300_000);

  it("a set made before readings were kept gains them on start; a missing or bad row is reported with its ticket", async () => {
    const { store, cleanup } = await getBackend().freshStore();
    try {
      const { log } = sampleWorkload(11);
      const v = await ensureReadSide(store);
      await appendLog(store, log);
      await catchUp(store, v, log.length);
      const now = lastEventOf(log) + 90 * MINUTE;
      const schema = store.schema.name;
      const t = readSideTables(store.schema, v);
      const options = { schema, now, policies: workloadPolicies };
      const tenant = pureOf(log).queue.entries()[0]?.tenant ?? "t1";
      expect(await expectLiveEqualsPure(store, log, now)).toBeGreaterThan(0);
      // A bad reading names the ticket and the path.
      await store.driver.query(
        `UPDATE ${t.queueClocks} SET readings = jsonb_set(readings, '{0,metric}', '"nope"') WHERE tenant = $1`,
        [tenant],
      );
      await expect(readLiveWorkQueue(store.driver, { tenant }, options)).rejects.toMatchObject({
        code: "READ_SIDE_ROW_INVALID",
        message: expect.stringMatching(/work_queue_clocks row of ticket .* readings\[0\]\.metric/),
      });
      // A missing row: the runner writes it again from the snapshots.
      await store.driver.query(`DELETE FROM ${t.queueClocks} WHERE tenant = $1`, [tenant]);
      await expect(readLiveWorkQueue(store.driver, { tenant }, options)).rejects.toMatchObject({
        code: "READ_SIDE_ROW_INVALID",
        message: expect.stringMatching(/missing/),
      });
      // A set from before: no table, no view. Start and a catch-up give it its readings.
      await store.driver.query(`DROP VIEW "${schema}".work_queue_clocks`);
      await store.driver.query(`DROP TABLE ${t.queueClocks}`);
      expect(await ensureReadSide(store)).toBe(v);
      await catchUpReadSide(store, v, { policies: workloadPolicies });
      const { rows } = await store.driver.query<{ n: number }>(`SELECT count(*)::integer AS n FROM ${t.queueClocks}`);
      const { rows: queued } = await store.driver.query<{ n: number }>(
        `SELECT count(*)::integer AS n FROM ${t.workQueue}`,
      );
      expect(Number(rows[0]?.n)).toBe(Number(queued[0]?.n));
      await expectLiveEqualsPure(store, log, now);
    } finally {
      await cleanup();
    }
  }, 120_000);

  it("a ticket's reading is written again only when an event changed a clock fact", async () => {
    const { store, cleanup } = await getBackend().freshStore();
    try {
      // A workload where some event changes no clock, so the check below tells the rules apart.
      let seed = 1;
      while (keptReadings(sampleWorkload(seed).log).rewrites === 0 && seed < 200) seed++;
      const { log } = sampleWorkload(seed);
      const { kept, rewrites } = keptReadings(log);
      expect(rewrites).toBeGreaterThan(0);
      const v = await ensureReadSide(store);
      await appendLog(store, log);
      // One event per batch, so each event is seen on its own, as in memory.
      await catchUp(store, v, log.length, 1);
      const t = readSideTables(store.schema, v);
      const { rows } = await store.driver.query<{ tenant: string; ticket_id: string; read_ms: number }>(
        `SELECT tenant, ticket_id, read_ms::float8 AS read_ms FROM ${t.queueClocks}`,
      );
      const stored = new Map(rows.map((r) => [ticketKey(r.tenant, r.ticket_id), Number(r.read_ms)]));
      expect(stored).toEqual(new Map([...kept].map(([key, k]) => [key, k.reading.at])));
    } finally {
      await cleanup();
    }
  }, 120_000);

  it("a live page is read in the queue's index order, each reading by key, without a sort", async () => {
    const { store, cleanup } = await getBackend().freshStore();
    try {
      await ensureReadSide(store);
      const { sql, params } = liveWorkQueueSql({ tenant: "t1" }, { schema: store.schema.name, limit: 50 });
      const plan = await store.driver.transaction(async (tx) => {
        await tx.query("SET LOCAL enable_seqscan = off");
        await tx.query("SET LOCAL enable_bitmapscan = off");
        return (await tx.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) ${sql}`, params)).rows[0]?.[
          "QUERY PLAN"
        ];
      });
      const text = JSON.stringify(plan);
      expect(text).toMatch(/"Index Name":"work_queue_tier_order_v1"/);
      expect(text).toMatch(/"Index Name":"work_queue_clocks_v1_pkey"/);
      expect(text).not.toMatch(/"Node Type":"(Incremental )?Sort"/);
    } finally {
      await cleanup();
    }
  });
};
