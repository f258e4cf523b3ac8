/**
 * The law: on random workloads, for random queries (tenant, filter, order, page size, `now`),
 * every page the adapter gives equals the pure reference's page (rows with their live SLA,
 * and the cursor), and walking all pages yields each matching ticket exactly once, in order.
 */
import fc from "fast-check";
import { expect, it } from "vitest";
import { type TicketListQuestion, ticketListQuestionArb } from "../workload/queries.js";
import { workloadArb } from "../workload/tickets.js";
import { appendLog, type MakeTicketQueries, referenceOf, walkPages, withTicketQueries } from "./harness.js";

export const ticketListProperty = (make: MakeTicketQueries, numRuns: number): void => {
  it("every page equals the pure reference's; walking the pages lists each match once, in order", async () => {
    await fc.assert(
      fc.asyncProperty(
        workloadArb,
        fc.array(ticketListQuestionArb, { minLength: 1, maxLength: 8 }),
        async ({ log }, questions) => {
          await withTicketQueries(make, async (f) => {
            await appendLog(f.store, log);
            await f.settle(log.length);
            const reference = referenceOf(log);
            // Also ask for (un)breached tickets exactly at running deadlines: breached from the deadline on.
            const atDeadlines = reference
              .entries()
              .flatMap((e, i) => (e.nextDeadline === null ? [] : [{ e, i, now: e.nextDeadline }]))
              .slice(0, 4)
              .map(({ e, i, now }) => ({
                ...(questions[i % questions.length] as TicketListQuestion),
                tenant: e.tenant,
                filter: { breached: i % 2 === 0 },
                now,
              }));
            for (const q of [...questions, ...atDeadlines]) {
              const page = (cursor: string | null) => ({ now: q.now, order: q.order, limit: q.limit, cursor });
              const pages = await walkPages(async (cursor) => {
                const got = await f.queries.listTickets(q.tenant, q.filter, page(cursor));
                const want = reference.list(q.tenant, q.filter, page(cursor));
                if (want._tag === "Left") throw want.left;
                expect(got, JSON.stringify({ ...q, cursor })).toEqual(want.right);
                return got;
              });
              const walked = pages.flatMap((p) => p.rows.map((r) => r.ticketId));
              const all = reference.list(q.tenant, q.filter, { now: q.now, order: q.order, limit: 500 });
              if (all._tag === "Left") throw all.left;
              expect(walked).toEqual(all.right.rows.map((r) => r.ticketId));
              expect(new Set(walked).size).toBe(walked.length);
            }
          });
        },
      ),
      { numRuns },
    );
  });
};
