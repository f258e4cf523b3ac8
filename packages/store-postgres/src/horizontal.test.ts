/**
 * Horizontal workers, for real: three worker processes (timer workers, outbox dispatchers and
 * all three read-side partitions each) share one PostgreSQL server; one is killed with SIGKILL
 * mid-run. Every due timer is applied exactly once (one breach, one escalation per ticket: the
 * claim's lease keeps two workers off a ticket, the record commands are idempotent besides),
 * every notice is delivered, a notice is delivered twice only under its idempotency key (the
 * intent id) and only when the killed process had been delivering it, and the partitioned read
 * side projects every ticket up to its last event. Needs a server (PGlite cannot be shared
 * between processes): CI's `.ci/run` sets TICKETFOLD_PG_URL when one answers.
 */
import { HOUR, ticketId } from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Delivery,
  horizontalPolicy,
  killAll,
  startReceiver,
  startWorker,
  until,
  type WorkerProcess,
} from "./horizontal.test-support.js";
import { createPostgresDesk } from "./index.js";
import { NO_SERVER_REASON, type ServerBackend, serverBackend, serverUrl } from "./target.test-support.js";

const TICKETS = 80;
const PROCESSES = 3;
const TENANT = "acme";
const LEASE_MS = 4_000;

let backend: ServerBackend | undefined;
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  if (!serverUrl) return;
  backend = await serverBackend("horizontal", 4);
  receiver = await startReceiver(5);
});
afterAll(async () => {
  await killAll(workers);
  await receiver?.close();
  await backend?.close();
});

const count = async (sql: string, params: unknown[] = []): Promise<number> => {
  const { rows } = await (backend as ServerBackend).driver.query<{ n: string }>(sql, params);
  return Number(rows[0]?.n ?? 0);
};

describe.skipIf(!serverUrl)(`horizontal workers (${serverUrl ? "postgres server" : NO_SERVER_REASON})`, () => {
  it("3 processes, one killed mid-run: every timer applied once, every notice delivered, the read side whole", async () => {
    const b = backend as ServerBackend;
    const r = receiver as NonNullable<typeof receiver>;
    const schema = b.schemaName();
    const s = `"${schema}"`;
    // Tickets opened two hours ago: each response deadline (1 h) has passed, so each timer is due.
    const seeding = await createPostgresDesk({ pool: b.pool, schema, policies: horizontalPolicy });
    const openedAt = Date.now() - 2 * HOUR;
    for (let n = 1; n <= TICKETS; n++) {
      const opened = await seeding.handle({
        type: "open",
        ticketId: ticketId(`01JS${String(n).padStart(22, "0")}`),
        tenantId: TENANT,
        at: openedAt,
        actor: { kind: "requester", id: "carla@customer.example" },
        data: {
          subject: `Printer ${n} offline`,
          description: "The printer is offline.",
          category: "incident",
          channel: "email",
          requester: { id: "carla@customer.example", email: "carla@customer.example", name: "Carla" },
        },
      });
      if (E.isLeft(opened)) throw new Error(opened.left.message);
    }
    await seeding.close();
    expect(await count(`SELECT count(*) AS n FROM ${s}.timers WHERE due_at <= now()`)).toBe(TICKETS);

    for (let i = 1; i <= PROCESSES; i++) {
      workers.push(
        startWorker({
          url: serverUrl as string,
          schema,
          owner: `worker-${i}`,
          receiver: r.url,
          leaseMs: LEASE_MS,
          limit: 10,
          partitions: [0, 1, 2],
          count: 3,
          timers: true,
          outbox: true,
        }),
      );
    }
    await Promise.all(workers.map((w) => w.ready));
    // Mid-run: some notices are out, most are not.
    const victim = workers[0] as WorkerProcess;
    await until(
      () => `no delivery from ${victim.owner} yet (${r.deliveries.length} in all)`,
      async () => r.deliveries.some((d) => d.owner === victim.owner) && r.deliveries.length >= 20,
      25_000,
    );
    victim.child.kill("SIGKILL");
    await victim.exited;
    expect(victim.child.signalCode).toBe("SIGKILL");
    const deliveredBeforeKill = r.deliveries.length;

    const stateOf = async () => ({
      due: await count(`SELECT count(*) AS n FROM ${s}.timers WHERE due_at <= now() OR locked_until > now()`),
      undelivered: await count(`SELECT count(*) AS n FROM ${s}.outbox WHERE status <> 'delivered'`),
      behind: await count(
        `SELECT count(*) AS n FROM ${s}.streams st
        LEFT JOIN ${s}.ticket_state_v1 ts ON ts.tenant = st.tenant AND ts.ticket_id = st.stream_id
        WHERE ts.version IS DISTINCT FROM st.version`,
      ),
    });
    let last = await stateOf();
    await until(
      () => `workers did not finish: ${JSON.stringify(last)}`,
      async () => {
        last = await stateOf();
        return last.due === 0 && last.undelivered === 0 && last.behind === 0;
      },
      30_000,
    );

    // Every due timer applied exactly once: one breach and one escalation per ticket.
    const { rows: types } = await b.driver.query<{ type: string; tickets: string; events: string }>(
      `SELECT type, count(DISTINCT stream_id) AS tickets, count(*) AS events FROM ${s}.events GROUP BY type ORDER BY type`,
    );
    expect(types.map((t) => [t.type, Number(t.tickets), Number(t.events)])).toEqual(
      expect.arrayContaining([
        ["escalation-level-reached", TICKETS, TICKETS],
        ["opened", TICKETS, TICKETS],
        ["sla-breached", TICKETS, TICKETS],
      ]),
    );
    for (const t of types) expect(Number(t.events), t.type).toBe(Number(t.tickets));

    // Every notice delivered. A notice is delivered again (under its intent id, the documented
    // key) only after the lease of whoever had it lapsed: the killed process's, or a pass slower
    // than its lease, whose attempts the log shows at least a lease apart.
    const { rows: intents } = await b.driver.query<{ intent_id: string }>(`SELECT intent_id FROM ${s}.outbox`);
    expect(intents.length).toBeGreaterThanOrEqual(2 * TICKETS);
    expect(new Set(r.deliveries.map((d) => d.intentId))).toEqual(new Set(intents.map((i) => i.intent_id)));
    const byIntent = new Map<string, Delivery[]>();
    for (const d of r.deliveries) byIntent.set(d.intentId, [...(byIntent.get(d.intentId) ?? []), d]);
    const repeated = [...byIntent.entries()].filter(([, ds]) => ds.length > 1);
    for (const [intentId, ds] of repeated) {
      if (ds.some((d) => d.owner === victim.owner)) continue;
      const { rows } = await b.driver.query<{ spread: number }>(
        `SELECT extract(epoch FROM max(at) - min(at)) * 1000 AS spread FROM ${s}.outbox_attempts WHERE intent_id = $1`,
        [intentId],
      );
      expect(Number(rows[0]?.spread), `${intentId} delivered by ${ds.map((d) => d.owner)}`).toBeGreaterThanOrEqual(
        LEASE_MS,
      );
    }
    expect(r.deliveries.length).toBeGreaterThan(deliveredBeforeKill);

    // The partitioned read side: every ticket listed and breached in the work queue.
    expect(await count(`SELECT count(*) AS n FROM ${s}.work_queue WHERE breached`)).toBe(TICKETS);
    expect(await count(`SELECT count(*) AS n FROM ${s}.consumers WHERE consumer LIKE '%#ticket:_/3'`)).toBe(3);

    // The survivors stop cleanly when asked.
    for (const w of workers.slice(1)) w.child.kill("SIGTERM");
    expect(await Promise.all(workers.slice(1).map((w) => w.exited))).toEqual([0, 0]);
  }, 60_000);
});
