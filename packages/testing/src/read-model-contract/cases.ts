/**
 * The contract's scenarios: every ticket is listed, closed ones too (P-D's organisation view);
 * SLA is live (a ticket breaches with no event, as `now` passes its deadline); `getTicket`
 * equals the list's row; tenants never mix; a cursor survives tickets added meanwhile; bad
 * input, cursors and page sizes are refused by code, naming what was wrong.
 */
import { customerTicketRow, HOUR, MINUTE, type TicketListFilter, type TicketPageRequest } from "@ticketfold/core";
import { expect, it } from "vitest";
import { recordedLog, type TicketPlan, ticketEvents, WORKLOAD_START } from "../workload/tickets.js";
import { appendLog, type MakeTicketQueries, referenceOf, walkPages, withTicketQueries } from "./harness.js";

const plan = (over: Partial<TicketPlan>): TicketPlan => ({
  tenant: "t1",
  organisation: "Acme",
  contractId: undefined,
  vip: false,
  policy: "resume",
  priority: "normal",
  startOffset: 0,
  moves: [],
  ...over,
});

/** Three Acme tickets (closed, open, new) and one of Globex in t1, one in t2. */
const desk = () =>
  recordedLog([
    ticketEvents(
      0,
      plan({
        moves: [
          [10, "accept", 0],
          [20, "reply", 0],
          [30, "resolve", 0],
          [30, "close", 0],
        ],
      }),
    ),
    ticketEvents(
      1,
      plan({
        startOffset: 5,
        moves: [
          [10, "accept", 0],
          [5, "assign", 1],
        ],
      }),
    ),
    ticketEvents(2, plan({ startOffset: 10, priority: "urgent", vip: true })),
    ticketEvents(3, plan({ startOffset: 15, organisation: "Globex" })),
    ticketEvents(4, plan({ startOffset: 20, tenant: "t2" })),
  ]);
const NOW = WORKLOAD_START + 2 * HOUR;
const ids = (rows: readonly { readonly ticketId: string }[]) => rows.map((r) => r.ticketId);

export const ticketListCases = (make: MakeTicketQueries): void => {
  it("lists every ticket of the tenant, resolved and closed too, newest first", async () => {
    const log = desk();
    await withTicketQueries(make, async (f) => {
      await appendLog(f.store, log);
      await f.settle(log.length);
      const page = await f.queries.listTickets("t1", {}, { now: NOW });
      expect(page).toEqual((referenceOf(log).list("t1", {}, { now: NOW }) as { right: unknown }).right);
      expect(page.rows.map((r) => [r.ticketId.slice(-1), r.status])).toEqual([
        ["3", "new"],
        ["2", "new"],
        ["1", "open"],
        ["0", "closed"],
      ]);
      expect(page.nextCursor).toBeNull();
    });
  });

  it("P-D: an organisation's view holds its closed tickets, and cuts to customer rows", async () => {
    const log = desk();
    await withTicketQueries(make, async (f) => {
      await appendLog(f.store, log);
      await f.settle(log.length);
      const page = await f.queries.listTickets("t1", { organisation: "Acme" }, { now: NOW });
      expect(page.rows.map((r) => r.status)).toEqual(["new", "open", "closed"]);
      const closed = customerTicketRow(page.rows[2] as (typeof page.rows)[number]);
      expect(Object.keys(closed).sort()).toEqual(
        ["category", "closedAt", "openedAt", "organisation", "priority", "requester", "resolvedAt"]
          .concat(["status", "subject", "ticketId"])
          .sort(),
      );
      expect(closed.closedAt).toBe(WORKLOAD_START + 90 * MINUTE);
    });
  });

  it("SLA is live: with no new event, a ticket breaches once `now` passes its deadline", async () => {
    const log = desk();
    await withTicketQueries(make, async (f) => {
      await appendLog(f.store, log);
      await f.settle(log.length);
      // Ticket 2 (urgent, VIP, opened 08:10 on a Monday): response due 30 business minutes after 09:00.
      const before = await f.queries.listTickets("t1", { breached: true }, { now: NOW - 31 * MINUTE });
      const at = await f.queries.listTickets("t1", { breached: true }, { now: NOW - 30 * MINUTE });
      const after = await f.queries.listTickets("t1", { breached: true }, { now: NOW });
      expect(ids(before.rows)).not.toContain(ids(after.rows)[0]);
      expect(ids(at.rows)).toContain(ids(after.rows)[0]);
      const row = after.rows.find((r) => r.priority === "urgent");
      expect(row?.sla.response).toMatchObject({ state: "breached", clock: "running" });
      expect(row?.sla.response?.remaining).toBeLessThan(0);
      expect(row?.asOf).toBe(NOW);
      const due = await f.queries.listTickets("t1", { dueBefore: WORKLOAD_START + HOUR + 31 * MINUTE }, { now: NOW });
      expect(ids(due.rows)).toContain(row?.ticketId);
    });
  });

  it("getTicket gives the list's row; an unknown ticket or another tenant's gives null", async () => {
    const log = desk();
    await withTicketQueries(make, async (f) => {
      await appendLog(f.store, log);
      await f.settle(log.length);
      const { rows } = await f.queries.listTickets("t1", {}, { now: NOW, order: "queue" });
      for (const row of rows) expect(await f.queries.getTicket("t1", row.ticketId, NOW)).toEqual(row);
      const other = log.find((e) => e.tenantId === "t2")?.streamId as string;
      expect(await f.queries.getTicket("t1", other, NOW)).toBeNull();
      expect(await f.queries.getTicket("t2", other, NOW)).not.toBeNull();
      expect(await f.queries.getTicket("t1", "no-such-ticket", NOW)).toBeNull();
    });
  });

  it("tenants never mix, and a cursor of one tenant is refused for another", async () => {
    const log = desk();
    await withTicketQueries(make, async (f) => {
      await appendLog(f.store, log);
      await f.settle(log.length);
      const t2 = await f.queries.listTickets("t2", {}, { now: NOW });
      expect(t2.rows.map((r) => r.tenant)).toEqual(["t2"]);
      const first = await f.queries.listTickets("t1", {}, { now: NOW, limit: 1 });
      await expect(
        f.queries.listTickets("t2", {}, { now: NOW, limit: 1, cursor: first.nextCursor }),
      ).rejects.toMatchObject({ code: "INVALID_CURSOR" });
    });
  });

  it("a walk goes on past tickets opened meanwhile: each earlier ticket exactly once", async () => {
    const log = desk();
    const later = recordedLog(
      [5, 6, 7, 8].map((i) => ticketEvents(i, plan({ startOffset: 30 + i, priority: i % 2 ? "urgent" : "low" }))),
    );
    for (const order of ["opened-desc", "updated-desc", "queue"] as const) {
      await withTicketQueries(make, async (f) => {
        await appendLog(f.store, log);
        await f.settle(log.length);
        const before = await f.queries.listTickets("t1", {}, { now: NOW, order, limit: 500 });
        let inserted = false;
        const pages = await walkPages(async (cursor) => {
          const page = await f.queries.listTickets("t1", {}, { now: NOW, order, limit: 2, cursor });
          if (!inserted) {
            inserted = true;
            await appendLog(f.store, later);
            await f.settle(log.length + later.length);
          }
          return page;
        });
        const walked = pages.flatMap((p) => ids(p.rows));
        expect(new Set(walked).size, order).toBe(walked.length);
        for (const id of ids(before.rows))
          expect(
            walked.filter((w) => w === id),
            `${order} ${id}`,
          ).toHaveLength(1);
      });
    }
  });

  const refused: [string, string, TicketListFilter, Partial<TicketPageRequest>, string, string][] = [
    ["a tenant breaking the tenant id rule", "", {}, {}, "INVALID_STORE_INPUT", "tenant"],
    ["U+0000 in a filter", "t1", { organisation: "A\u0000" }, {}, "INVALID_STORE_INPUT", "filter.organisation"],
    ["an unknown status", "t1", { status: ["pending" as "new"] }, {}, "INVALID_STORE_INPUT", "filter.status[0]"],
    ["a page of 0", "t1", {}, { limit: 0 }, "INVALID_STORE_INPUT", "page.limit"],
    ["a page over the maximum", "t1", {}, { limit: 501 }, "INVALID_STORE_INPUT", "page.limit"],
    ["a made-up cursor", "t1", {}, { cursor: "eyJ2IjoxfQ" }, "INVALID_CURSOR", ""],
    ["a cursor of garbage", "t1", {}, { cursor: "%%%" }, "INVALID_CURSOR", ""],
  ];
  it.each(refused)("refuses %s", async (_name, tenant, filter, page, code, path) => {
    await withTicketQueries(make, async (f) => {
      const error = await f.queries.listTickets(tenant, filter, { now: NOW, ...page }).catch((e: unknown) => e);
      expect(error).toMatchObject(path === "" ? { code } : { code, path });
    });
  });

  it("refuses a cursor issued for another filter or order", async () => {
    const log = desk();
    await withTicketQueries(make, async (f) => {
      await appendLog(f.store, log);
      await f.settle(log.length);
      const { nextCursor } = await f.queries.listTickets("t1", { organisation: "Acme" }, { now: NOW, limit: 1 });
      for (const [filter, order] of [
        [{ organisation: "Globex" }, "opened-desc"],
        [{ organisation: "Acme" }, "queue"],
      ] as const) {
        const error = await f.queries
          .listTickets("t1", filter, { now: NOW, limit: 1, cursor: nextCursor, order })
          .catch((e: unknown) => e);
        expect(error).toMatchObject({ code: "INVALID_CURSOR" });
      }
    });
  });

  it("getTicket refuses a bad tenant or ticket id by code", async () => {
    await withTicketQueries(make, async (f) => {
      await expect(f.queries.getTicket("", "x", NOW)).rejects.toMatchObject({
        code: "INVALID_STORE_INPUT",
        path: "tenant",
      });
      await expect(f.queries.getTicket("t1", "a\u0000", NOW)).rejects.toMatchObject({
        code: "INVALID_STORE_INPUT",
        path: "ticketId",
      });
    });
  });
};
