/**
 * One worker process of the workers benchmark. It opens a PostgreSQL desk on the schema given,
 * prints `ready`, waits for `go` on stdin (so every process starts together and start-up is not
 * timed), then runs what it was told: the timer worker, the outbox dispatcher (notices POSTed to
 * the loopback receiver) or read-side partitions. SIGTERM stops it.
 */

import { createInterface } from "node:readline";
import { type ChannelOutcome, type DeliveryChannel, singlePolicy } from "@ticketfold/core";
import { workloadPolicies } from "@ticketfold/testing/workload";
import pg from "pg";
import { createPostgresDesk, runReadSide } from "../../../packages/store-postgres/src/index.js";
import { benchPolicy } from "./policy.js";

export interface ChildOptions {
  readonly url: string;
  readonly schema: string;
  readonly owner: string;
  readonly work: "timers" | "outbox" | "readSide";
  readonly receiver: string;
  /** Read side: partition `index` of `count` (count 1: the plain, unpartitioned consumer). */
  readonly index: number;
  readonly count: number;
}

const webhook = (receiver: string): DeliveryChannel => ({
  name: "webhook",
  deliver: async (intent): Promise<ChannelOutcome> => {
    const response = await fetch(receiver, { method: "POST", body: intent.id });
    return response.ok ? { ok: true } : { ok: false, retryable: true, error: `HTTP ${response.status}` };
  },
});

const run = async (o: ChildOptions): Promise<void> => {
  const pool = new pg.Pool({ connectionString: o.url, max: 4 });
  pool.on("error", () => {});
  const desk = await createPostgresDesk({
    pool,
    schema: o.schema,
    policies: singlePolicy(benchPolicy),
    channels: [webhook(o.receiver)],
    owner: o.owner,
    timers: { idleMs: 10 },
    outbox: { idleMs: 10 },
  });
  const controller = new AbortController();
  const stopped: Promise<unknown>[] = [];
  process.stdout.write("ready\n");
  createInterface({ input: process.stdin }).on("line", (line) => {
    if (line !== "go") return;
    if (o.work === "readSide") {
      const partition = o.count === 1 ? {} : { partition: { index: o.index, count: o.count } };
      const options = { policies: workloadPolicies, signal: controller.signal, pollInterval: 10, batchSize: 200 };
      stopped.push(runReadSide(desk.store.events, { ...options, ...partition }));
    } else {
      stopped.push(desk.start({ timers: o.work === "timers", outbox: o.work === "outbox", readSide: false }).done);
    }
  });
  process.once("SIGTERM", () => {
    controller.abort();
    void desk
      .close()
      .then(() => Promise.allSettled(stopped))
      .then(() => pool.end())
      .finally(() => process.exit(0));
  });
};

run(JSON.parse(process.argv[2] as string) as ChildOptions).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
