/**
 * A desk of workload tickets on the PostgreSQL read side, for the read-side benchmarks (ticket
 * list, live work queue): `tickets` lives of @ticketfold/testing's workload in one tenant ("t1",
 * so every page reads from all of them), appended one stream each, then projected.
 */
import { toNewEvent } from "@ticketfold/core";
import { ticketEvents, ticketPlanArb, workloadPolicies } from "@ticketfold/testing/workload";
import fc from "fast-check";
import { catchUpReadSide, ensureReadSide, type PostgresEventStore } from "../../packages/store-postgres/src/index.js";

export interface WorkloadDesk {
  readonly events: number;
  /** Milliseconds to append the log, then to project it. */
  readonly appended: number;
  readonly projected: number;
}

export const seedWorkloadDesk = async (store: PostgresEventStore, tickets: number): Promise<WorkloadDesk> => {
  const t0 = performance.now();
  const version = await ensureReadSide(store);
  const plans = fc.sample(ticketPlanArb, { numRuns: tickets, seed: 12 }).map((p) => ({ ...p, tenant: "t1" as const }));
  let events = 0;
  for (const [i, plan] of plans.entries()) {
    const evs = ticketEvents(i, plan);
    events += evs.length;
    await store.appendToStream("t1", evs[0]?.ticketId ?? `x${i}`, evs.map(toNewEvent), {
      expectedVersion: "no_stream",
    });
  }
  const appended = performance.now() - t0;
  await catchUpReadSide(store, version, { policies: workloadPolicies, batchSize: 500 });
  return { events, appended, projected: performance.now() - t0 - appended };
};
