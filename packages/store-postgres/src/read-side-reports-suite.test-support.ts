/**
 * The reports on a backend: on random workloads — the read-side workload's tickets, each
 * carried on for weeks with ratings, time logged and corrected, reopens and resolutions (so
 * periods cross months and the spring DST change), under the workload policies moved to a
 * random time zone — `readSlaReport`, `readCsatReport` and `readBillingReport` equal the
 * in-memory statistics projection's reports for the same log and queries (day, week, month;
 * tenant, customer, range; any page size). A rebuild and an older set that gains the table
 * keep them equal; a row that does not decode is refused, naming the ticket.
 */
import {
  type Actor,
  type CompiledPolicy,
  compilePolicy,
  createStatisticsProjection,
  DAY,
  decide,
  fold,
  MINUTE,
  type Policy,
  type PolicyLookup,
  type RecordedEvent,
  type ReportQuery,
  type TicketCommand,
  type TicketEvent,
  type TicketState,
} from "@ticketfold/core";
import {
  agent,
  recordedLog,
  restartPolicy,
  resumePolicy,
  type TicketPlan,
  ticketEvents,
  ticketPlanArb,
  WORKLOAD_START,
} from "@ticketfold/testing/workload";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { expect, it } from "vitest";
import {
  catchUpReadSide,
  createPostgresEventStore,
  ensureReadSide,
  type PostgresEventStore,
  purgeReadSide,
  readBillingReport,
  readCsatReport,
  readReportFacts,
  readSideTables,
  readSlaReport,
  rebuildReadSide,
} from "./index.js";
import { appendLog } from "./read-side-support.test-support.js";
import type { TestBackend } from "./target.test-support.js";

export const ZONES = ["UTC", "Europe/Berlin", "America/Chicago"] as const;

/** The workload policies with their office calendar in `zone` (the zone reports bucket in). */
const zoned = (p: Policy, zone: string): CompiledPolicy => {
  const calendars = Object.fromEntries(
    Object.entries(p.calendars ?? {}).map(([id, def]) => [id, { ...def, timeZone: zone }]),
  ) as Policy["calendars"];
  const compiled = compilePolicy({ ...p, calendars } as Policy);
  if (E.isLeft(compiled)) throw new Error(compiled.left.message);
  return compiled.right;
};
const lookups = new Map<string, PolicyLookup>(
  ZONES.map((zone) => {
    const byId: Record<string, CompiledPolicy> = {
      resume: zoned(resumePolicy, zone),
      restart: zoned(restartPolicy, zone),
    };
    return [zone, (id: string) => byId[id]];
  }),
);
export const policiesIn = (zone: string): PolicyLookup => lookups.get(zone) as PolicyLookup;

const EXTRAS = ["feedback", "correct", "log", "log-billable", "resolve", "reopen", "accept", "reply"] as const;
type Extra = (typeof EXTRAS)[number];
const RATINGS = ["positive", "neutral", "negative"] as const;

const extraCommand = (s: TicketState, at: number, move: Extra, arg: number, requester: Actor): TicketCommand => {
  const base = { ticketId: s.ticketId, tenantId: s.tenantId, at };
  const c = (type: string, actor: Actor, data: Record<string, unknown>) =>
    ({ ...base, type, actor, data }) as TicketCommand;
  switch (move) {
    case "feedback":
      return c("give-feedback", requester, { rating: RATINGS[arg % 3], text: "thanks" });
    case "correct": {
      const entry = s.timeEntries[arg % Math.max(1, s.timeEntries.length)]?.entry ?? 1;
      return c("correct-time", agent, { entry, reason: "typo", ...(arg % 3 === 0 ? {} : { minutes: -(arg % 20) }) });
    }
    case "log":
      return c("log-time", agent, { minutes: 1 + (arg % 90) });
    case "log-billable":
      return c("log-time", { kind: "agent", id: `agent-${arg % 2}` }, { minutes: 1 + (arg % 90), outOfPlan: true });
    case "resolve":
      return c("resolve", agent, { resolution: "fixed" });
    case "reopen":
      return c("reopen", requester, {});
    case "accept":
      return c("accept", agent, {});
    case "reply":
      return c("comment", agent, { body: "on it" });
  }
};

const extraArb = fc.tuple(fc.integer({ min: 1, max: 7 * 24 * 60 }), fc.constantFrom(...EXTRAS), fc.nat({ max: 1000 }));

/** A ticket's planned events carried on by the extra moves (refused ones skipped). */
const carriedOn = (
  i: number,
  plan: TicketPlan,
  extras: readonly (readonly [number, Extra, number])[],
): TicketEvent[] => {
  const events = ticketEvents(i, plan);
  if (events.length === 0) return events;
  let s = fold(events);
  let at = (events.at(-1) as TicketEvent).at;
  const requester: Actor = { kind: "requester", id: `req-${i % 4}` };
  for (const [gap, move, arg] of extras) {
    at += gap * MINUTE;
    const plain = s.policyId === "restart" ? restartPolicy : resumePolicy;
    const d = decide(extraCommand(s, at, move, arg, requester), s, plain);
    if (E.isLeft(d)) continue;
    events.push(...d.right);
    s = fold(d.right, s);
  }
  return events;
};

/** A report workload: 1–8 tickets carried on for weeks, their log, and the reports' zone. */
export const reportWorkloadArb = fc
  .record({
    tickets: fc.array(fc.record({ plan: ticketPlanArb, extras: fc.array(extraArb, { maxLength: 10 }) }), {
      minLength: 1,
      maxLength: 8,
    }),
    zone: fc.constantFrom(...ZONES),
  })
  .map(({ tickets, zone }) => ({
    zone,
    log: recordedLog(tickets.map(({ plan, extras }, i) => carriedOn(i, plan, extras))),
  }));

const instantArb = fc.integer({ min: WORKLOAD_START - DAY, max: WORKLOAD_START + 60 * DAY });
export const reportQueryArb: fc.Arbitrary<ReportQuery> = fc
  .record(
    {
      tenant: fc.constantFrom("t1", "t2"),
      customer: fc.constantFrom("contract:C-1", "contract:C-2", "organisation:Acme", "organisation:Globex", "none"),
      period: fc.constantFrom("day" as const, "week" as const, "month" as const),
      from: instantArb,
      to: instantArb,
    },
    { requiredKeys: ["tenant", "period"] },
  )
  .map((q) => q as ReportQuery);

/** Catches set `version` up until it has applied `count` events (bounded, as on a busy server). */
export const catchUpWith = async (
  store: PostgresEventStore,
  version: number,
  count: number,
  policies: PolicyLookup,
): Promise<void> => {
  let applied = 0;
  const until = Date.now() + 15_000;
  while (applied < count) {
    applied += (await catchUpReadSide(store, version, { policies, batchSize: 9 })).events;
    if (Date.now() > until) throw new Error(`caught up only ${applied} of ${count} events`);
    if (applied < count) await new Promise((r) => setTimeout(r, 20));
  }
};

/** Every report read from the store equals the in-memory one, for each query. */
export const expectReportsEqual = async (
  store: PostgresEventStore,
  log: readonly RecordedEvent[],
  policies: PolicyLookup,
  queries: readonly ReportQuery[],
  pageSize?: number,
): Promise<number> => {
  const stats = createStatisticsProjection(policies);
  if (E.isLeft(stats.applyAll(log))) throw new Error("a clean workload");
  const o = { schema: store.schema.name, ...(pageSize === undefined ? {} : { pageSize }) };
  let compared = 0;
  for (const q of queries) {
    const { period: _p, ...billing } = q;
    const label = JSON.stringify(q);
    expect(await readSlaReport(store.driver, q, o), label).toEqual(stats.slaReport(q));
    expect(await readCsatReport(store.driver, q, o), label).toEqual(stats.csatReport(q));
    expect(await readBillingReport(store.driver, billing, o), label).toEqual(stats.billingReport(billing));
    const sla = stats.slaReport(q);
    compared += sla.rows.length + stats.csatReport(q).length + stats.billingReport(billing).length;
  }
  return compared;
};

const count = async (facts: AsyncIterable<unknown>): Promise<number> => {
  let n = 0;
  for await (const _ of facts) n++;
  return n;
};

export const readSideReportsSuite = (getBackend: () => TestBackend, runs: number): void => {
  it("on random workloads, the reports read from PostgreSQL equal the in-memory ones", async () => {
    let rows = 0;
    let ratings = 0;
    let corrections = 0;
    let pruned = 0;
    await fc.assert(
      fc.asyncProperty(
        reportWorkloadArb,
        fc.array(reportQueryArb, { minLength: 1, maxLength: 5 }),
        fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
        async ({ zone, log }, queries, pageSize) => {
          const { store, cleanup } = await getBackend().freshStore();
          try {
            const policies = policiesIn(zone);
            const version = await ensureReadSide(store);
            await appendLog(store, log);
            await catchUpWith(store, version, log.length, policies);
            // The whole tenant without a range as well: every fact counts.
            const all = (["t1", "t2"] as const).flatMap((tenant) =>
              (["day", "week", "month"] as const).map((period) => ({ tenant, period })),
            );
            rows += await expectReportsEqual(store, log, policies, [...all, ...queries], pageSize);
            // The range is a filter in SQL: it leaves out tickets with nothing in [from, to).
            for (const { period: _p, ...q } of queries) {
              const schema = store.schema.name;
              const { from: _f, to: _t, ...whole } = q;
              pruned +=
                (await count(readReportFacts(store.driver, { ...whole, schema }))) -
                (await count(readReportFacts(store.driver, { ...q, schema })));
            }
            ratings += log.filter((e) => e.type === "feedback-given").length;
            corrections += log.filter((e) => e.type === "time-corrected").length;
          } finally {
            await cleanup();
          }
        },
      ),
      { numRuns: runs },
    );
    // The workloads exercise what the reports read, not only empty reports.
    expect(rows).toBeGreaterThan(runs);
    expect(ratings).toBeGreaterThan(0);
    expect(corrections).toBeGreaterThan(0);
    expect(pruned).toBeGreaterThan(0);
  }, 300_000);

  it("a rebuild, and a set made before the report facts, keep the reports equal", async () => {
    const { store, cleanup } = await getBackend().freshStore();
    try {
      const [{ zone, log }] = fc.sample(
        reportWorkloadArb.filter((w) => w.log.some((e) => e.type === "feedback-given") && w.log.length >= 20),
        { numRuns: 1, seed: 42 },
      ) as [{ zone: string; log: RecordedEvent[] }];
      const policies = policiesIn(zone);
      const queries = (["day", "week", "month"] as const).flatMap((period) =>
        (["t1", "t2"] as const).map((tenant) => ({ tenant, period })),
      );
      const half = Math.floor(log.length / 2);
      expect(await ensureReadSide(store)).toBe(1);
      await appendLog(store, log.slice(0, half));
      await catchUpWith(store, 1, half, policies);
      expect(await expectReportsEqual(store, log.slice(0, half), policies, queries)).toBeGreaterThan(0);

      // A set made before the report facts: no table, no view. Starting gives it both (empty);
      // the runner fills them from the snapshots before its next batch.
      const s = store.schema.name;
      await store.driver.query(`DROP VIEW "${s}".report_facts`);
      await store.driver.query(`DROP TABLE ${readSideTables(store.schema, 1).reportFacts}`);
      expect(await ensureReadSide(store)).toBe(1);
      const empty = await store.driver.query<{ n: number }>(`SELECT count(*)::integer AS n FROM "${s}".report_facts`);
      expect(Number(empty.rows[0]?.n)).toBe(0);
      expect((await catchUpReadSide(store, 1, { policies })).events).toBe(0);
      await expectReportsEqual(store, log.slice(0, half), policies, queries);
      await appendLog(store, log.slice(half));
      await catchUpWith(store, 1, log.length - half, policies);
      await expectReportsEqual(store, log, policies, queries);

      // A rebuild builds v2 from the log (with its report facts), switches and drops v1.
      const rebuilt = await rebuildReadSide(store, { policies, batchSize: 5 });
      expect(rebuilt).toMatchObject({ from: 1, to: 2 });
      await catchUpWith(store, 2, log.length - rebuilt.events, policies);
      const gone = await store.driver.query<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [
        readSideTables(store.schema, 1).reportFacts,
      ]);
      expect(gone.rows[0]?.t).toBeNull();
      expect(await expectReportsEqual(store, log, policies, queries)).toBeGreaterThan(0);
    } finally {
      await cleanup();
    }
  }, 120_000);

  it("forgetting a requester projects their tickets again: the report facts stay, with nothing personal", async () => {
    const backend = getBackend();
    const schema = backend.schemaName();
    const store = createPostgresEventStore({ driver: backend.driver, schema, closeDriver: false, personalData: {} });
    try {
      await store.migrate();
      const [{ zone, log }] = fc.sample(
        reportWorkloadArb.filter((w) => w.log.some((e) => e.type === "feedback-given")),
        { numRuns: 1, seed: 5 },
      ) as [{ zone: string; log: RecordedEvent[] }];
      const policies = policiesIn(zone);
      const v = await ensureReadSide(store);
      // A store with personal data names each event's data subject: the ticket's requester.
      const requesters = new Map(
        log
          .filter((e) => e.type === "opened")
          .map((e) => [e.streamId, (e.data as { requester: { id: string } }).requester.id]),
      );
      await appendLog(
        store,
        log.map((e) => ({
          ...e,
          metadata: { ...(e.metadata as Record<string, unknown>), subject: requesters.get(e.streamId) },
        })),
      );
      await catchUpWith(store, v, log.length, policies);
      const rated = log.find((e) => e.type === "feedback-given") as RecordedEvent;
      const opened = log.find((e) => e.type === "opened" && e.streamId === rated.streamId) as RecordedEvent;
      const requester = (opened.data as { requester: { id: string } }).requester.id;
      const before = await store.driver.query<{ facts: unknown }>(
        `SELECT facts FROM "${schema}".report_facts WHERE tenant = $1 ORDER BY ticket_id`,
        [rated.tenantId],
      );

      const fact = await store.forgetSubject(rated.tenantId, requester);
      expect(await purgeReadSide(store, fact, policies)).toBeGreaterThan(0);

      // The rows were written again (same facts: none of them is personal), and hold no
      // feedback text, subject or description of the forgotten requester's tickets.
      const after = await store.driver.query<{ facts: unknown; text: string }>(
        `SELECT facts, facts::text AS text FROM "${schema}".report_facts WHERE tenant = $1 ORDER BY ticket_id`,
        [rated.tenantId],
      );
      expect(after.rows.map((r) => r.facts)).toEqual(before.rows.map((r) => r.facts));
      for (const { text } of after.rows) expect(text).not.toMatch(/thanks|ticket \d|"d"|\[erased\]/);
      const queries = (["day", "week", "month"] as const).map((period) => ({ tenant: rated.tenantId, period }));
      expect(await expectReportsEqual(store, log, policies, queries)).toBeGreaterThan(0);
    } finally {
      await backend.driver.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    }
  });

  it.each([
    ["the empty tenant", { tenant: "" }, { code: "INVALID_STORE_INPUT", path: "query.tenant" }],
    [
      "a customer with U+0000",
      { tenant: "acme", customer: "none\u0000" },
      { code: "INVALID_STORE_INPUT", path: "query.customer" },
    ],
    [
      "a range that is not in milliseconds",
      { tenant: "acme", from: 1.5 },
      { message: expect.stringMatching(/query\.from/) },
    ],
  ])("the reports refuse %s before reading", async (_name, query, refusal) => {
    const { store, cleanup } = await getBackend().freshStore();
    try {
      await ensureReadSide(store);
      const o = { schema: store.schema.name };
      for (const read of [
        () => readSlaReport(store.driver, { ...query, period: "day" }, o),
        () => readCsatReport(store.driver, { ...query, period: "week" }, o),
        () => readBillingReport(store.driver, query, o),
      ]) {
        await expect(read()).rejects.toMatchObject(refusal);
      }
    } finally {
      await cleanup();
    }
  });

  it("a stored row that does not decode is refused, naming the ticket and the bad path", async () => {
    const { store, cleanup } = await getBackend().freshStore();
    try {
      const [{ zone, log }] = fc.sample(reportWorkloadArb, { numRuns: 1, seed: 7 }) as [
        { zone: string; log: RecordedEvent[] },
      ];
      const policies = policiesIn(zone);
      const v = await ensureReadSide(store);
      await appendLog(store, log);
      await catchUpWith(store, v, log.length, policies);
      const { rows } = await store.driver.query<{ tenant: string; ticket_id: string }>(
        `UPDATE "${store.schema.name}".report_facts_v1 SET facts = jsonb_set(facts, '{outcomes}', '[{"metric": "lunch"}]')
        WHERE ticket_id = (SELECT min(ticket_id) FROM "${store.schema.name}".report_facts_v1) RETURNING tenant, ticket_id`,
      );
      const [bad] = rows as [{ tenant: string; ticket_id: string }];
      const reading = (async () => {
        let read = 0;
        for await (const _ of readReportFacts(store.driver, { tenant: bad.tenant, schema: store.schema.name })) read++;
        return read;
      })();
      await expect(reading).rejects.toMatchObject({
        code: "REPORT_FACTS_CORRUPT",
        ticketId: bad.ticket_id,
        message: expect.stringMatching(/outcomes\[0\]\.metric/),
      });
    } finally {
      await cleanup();
    }
  });
};
