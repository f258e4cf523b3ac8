/**
 * Data for the workers benchmark: tickets with a due timer (opened two hours ago through a
 * desk, so their notices and wake-ups are written as the app writes them), and a log of
 * workload tickets for the read side (appended once, then copied row for row into each
 * phase's schema, original transaction ids and positions kept).
 */
import { HOUR, ticketId, toNewEvent } from "@ticketfold/core";
import { ticketEvents, ticketPlanArb } from "@ticketfold/testing/workload";
import fc from "fast-check";
import type pg from "pg";
import {
  createPostgresDesk,
  createPostgresEventStore,
  ensureReadSide,
  pgDriver,
} from "../../../packages/store-postgres/src/index.js";
import { benchPolicy } from "./policy.js";

const inChunks = async <T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> => {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
};

/** `tickets` tickets opened two hours ago in schema `schema`: each one's response timer is due. */
export const seedDueTickets = async (pool: pg.Pool, schema: string, tickets: number): Promise<void> => {
  const desk = await createPostgresDesk({ pool, schema, policies: benchPolicy });
  const at = Date.now() - 2 * HOUR;
  const requester = { id: "carla@customer.example", email: "carla@customer.example", name: "Carla" };
  try {
    await inChunks(
      Array.from({ length: tickets }, (_, i) => i + 1),
      8,
      async (n) => {
        const opened = await desk.handle({
          type: "open",
          ticketId: ticketId(`01JT${String(n).padStart(22, "0")}`),
          tenantId: "acme",
          at,
          actor: { kind: "requester", id: requester.id },
          data: { subject: `Printer ${n}`, description: "Offline.", category: "incident", channel: "email", requester },
        });
        if (opened._tag === "Left") throw new Error(opened.left.message);
      },
    );
  } finally {
    await desk.close();
  }
};

/**
 * A log in schema `schema` with its read side created (and nothing projected): `tickets`
 * workload tickets appended, or (with `copyFrom`) the log of that schema copied. Returns its
 * number of events.
 */
export const seedLog = async (pool: pg.Pool, schema: string, tickets: number, copyFrom?: string): Promise<number> => {
  const store = createPostgresEventStore({ driver: pgDriver(pool), schema, closeDriver: false });
  await store.migrate();
  if (copyFrom === undefined) {
    const plans = fc.sample(ticketPlanArb, { numRuns: tickets, seed: 15 });
    await inChunks([...plans.entries()], 8, async ([i, plan]) => {
      const events = ticketEvents(i, plan);
      const first = events[0];
      if (first === undefined) return;
      await store.appendToStream(first.tenantId, first.ticketId, events.map(toNewEvent), {
        expectedVersion: "no_stream",
      });
    });
  } else {
    await pool.query(`INSERT INTO "${schema}".streams SELECT * FROM "${copyFrom}".streams`);
    await pool.query(`INSERT INTO "${schema}".events OVERRIDING SYSTEM VALUE SELECT * FROM "${copyFrom}".events`);
  }
  await ensureReadSide(store);
  const { rows } = await pool.query(`SELECT count(*) AS n FROM "${schema}".events`);
  return Number(rows[0].n);
};
