/**
 * A worker process for the horizontal-workers test and benchmark: a PostgreSQL desk on the
 * server and schema given, running timer workers and outbox dispatchers (short leases, so a
 * killed process's claims come back quickly) and the read side's partitions listed. Each
 * notice goes to a loopback HTTP receiver with this process's name, so the receiver can tell
 * who delivered it. It prints one JSON line `{"ready":true}` once its workers run, and stops
 * cleanly on SIGTERM (a SIGKILL is the test's crash).
 *
 *   node --import tsx --conditions=@ticketfold/source worker-process.test-support.ts '<json options>'
 */
import { type ChannelOutcome, type DeliveryChannel, policyLookupOf, singlePolicy } from "@ticketfold/core";
import pg from "pg";
import { horizontalPolicy } from "./horizontal.test-support.js";
import { createPostgresDesk, runReadSide } from "./index.js";

export interface WorkerProcessOptions {
  readonly url: string;
  readonly schema: string;
  readonly owner: string;
  readonly receiver: string;
  readonly leaseMs: number;
  /** Rows per claim. */
  readonly limit: number;
  /** Read-side partitions this process runs, of `count` (an empty list: no read side). */
  readonly partitions: readonly number[];
  readonly count: number;
  readonly timers: boolean;
  readonly outbox: boolean;
}

/** Posts the notice's id and this process's name; a refused post is retried by the dispatcher. */
const webhook = (receiver: string, owner: string): DeliveryChannel => ({
  name: "webhook",
  deliver: async (intent): Promise<ChannelOutcome> => {
    try {
      const response = await fetch(receiver, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ intentId: intent.id, owner }),
      });
      return response.ok ? { ok: true } : { ok: false, retryable: true, error: `HTTP ${response.status}` };
    } catch (error) {
      return { ok: false, retryable: true, error: String(error) };
    }
  },
});

const run = async (o: WorkerProcessOptions): Promise<void> => {
  const pool = new pg.Pool({ connectionString: o.url, max: o.partitions.length + 4 });
  pool.on("error", () => {});
  const desk = await createPostgresDesk({
    pool,
    schema: o.schema,
    policies: singlePolicy(horizontalPolicy),
    channels: [webhook(o.receiver, o.owner)],
    owner: o.owner,
    timers: { idleMs: 20, leaseMs: o.leaseMs, limit: o.limit },
    outbox: { idleMs: 20, leaseMs: o.leaseMs, limit: o.limit, backoff: { baseDelayMs: 100, maxDelayMs: 1000 } },
    onError: (error, context) => console.error(`${o.owner} ${context.worker}:`, error),
  });
  const controller = new AbortController();
  const workers = desk.start({ timers: o.timers, outbox: o.outbox, readSide: false });
  const readSide = o.partitions.map((index) =>
    runReadSide(desk.store.events, {
      policies: policyLookupOf(singlePolicy(horizontalPolicy)),
      signal: controller.signal,
      pollInterval: 20,
      partition: { index, count: o.count },
    }),
  );
  process.stdout.write(`${JSON.stringify({ ready: true, owner: o.owner })}\n`);
  const stop = async (): Promise<void> => {
    controller.abort();
    await Promise.allSettled([workers.stop(), ...readSide]);
    await desk.close();
    await pool.end();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  await Promise.all([workers.done, ...readSide]);
};

const given = process.argv[2];
if (given !== undefined) {
  run(JSON.parse(given) as WorkerProcessOptions).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
