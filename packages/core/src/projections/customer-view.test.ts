/**
 * The customer view shows no staff-only text, ever: on any history of any events (the fold does
 * not judge legality, so neither may the view), every staff-only text carries a marker, and the
 * serialised view contains none of them, while every public comment is there, in order. Then a
 * table of what a customer sees of each event.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ev, opened, requester, T0 } from "../notifications/fixtures.test-support.js";
import type { Actor, TicketEvent } from "../ticket/events.js";
import { fold } from "../ticket/evolve.js";
import { customerTicketView } from "./customer-view.js";

const SECRET = "STAFF-ONLY";
const s = (n: number) => `${SECRET}-${n}`;
const staffArb = fc.nat(999).map((n): Actor => ({ kind: "agent", id: s(n) }));
const systemArb = fc.nat(999).map((n): Actor => ({ kind: "system", id: s(n) }));
const anyActorArb = fc.oneof(staffArb, systemArb, fc.constant<Actor>(requester));

type Make = (at: number, actor: Actor) => TicketEvent;
const at = (make: Make) => make;
const eventArb: fc.Arbitrary<[Make, Actor]> = fc.tuple(
  fc.oneof(
    fc
      .record({ n: fc.nat(999), internal: fc.boolean(), author: fc.constantFrom("customer", "agent", "system") })
      .map(({ n, internal, author }) =>
        at((t, a) =>
          ev(
            "commented",
            {
              author: author as "agent",
              visibility: internal ? "internal" : "public",
              body: (internal ? s(n) : `public ${n}`) as never,
              attachments: internal ? [{ name: s(n), size: 1, contentType: "text/plain" }] : [],
            },
            t,
            a,
          ),
        ),
      ),
    fc.nat(999).map((n) => at((t, a) => ev("assigned", { assignee: s(n), group: s(n + 1) }, t, a))),
    fc.constant(at((t, a) => ev("assigned", { assignee: null }, t, a))),
    fc.nat(999).map((n) => at((t, a) => ev("time-logged", { minutes: 5, billable: n % 2 === 0, note: s(n) }, t, a))),
    fc.nat(999).map((n) => at((t, a) => ev("escalation-requested", { level: 1, reason: s(n) }, t, a))),
    fc
      .nat(999)
      .map((n) =>
        at((t, a) =>
          ev("escalation-level-reached", { level: 2, metric: "response", cycle: 0, step: 0, roles: [s(n)] }, t, a),
        ),
      ),
    fc.nat(999).map((n) => at((t, a) => ev("policy-changed", { from: "p-c", to: s(n) }, t, a))),
    fc
      .nat(999)
      .map((n) =>
        at((t, a) => ev("sla-warning-issued", { metric: "response", cycle: 0, warning: s(n), deadline: t }, t, a)),
      ),
    fc.constant(at((t, a) => ev("sla-breached", { metric: "resolution", cycle: 0, deadline: t }, t, a))),
    fc.nat(999).map((n) => at((t, a) => ev("change-approved", { approver: s(n) }, t, a))),
    fc.nat(999).map((n) => at((t, a) => ev("change-rejected", { approver: s(n), reason: "too costly" }, t, a))),
    fc.constant(at((t, a) => ev("accepted", {}, t, a))),
    fc.constant(at((t, a) => ev("awaiting-customer", { reason: "more-information", question: "Which one?" }, t, a))),
    fc.constant(at((t, a) => ev("customer-replied", {}, t, a))),
    fc.constant(at((t, a) => ev("plan-shared", { plan: "replace it" as never }, t, a))),
    fc.constant(at((t, a) => ev("resolved", { resolution: "done" as never }, t, a))),
    fc.constant(at((t, a) => ev("reopened", { from: "resolved", reason: "customer-comment" }, t, a))),
    fc.constant(at((t, a) => ev("closed", { by: "agent", reason: "confirmed" }, t, a))),
    fc.constant(at((t, a) => ev("prioritised", { from: "3", to: "2", cause: "manual", reason: "outage" }, t, a))),
    fc.constant(at((t, a) => ev("session-scheduled", { start: t + 3_600_000, length: 1_800_000 }, t, a))),
    fc.constant(at((t, a) => ev("feedback-given", { rating: "positive", text: "thanks" }, t, a))),
  ),
  anyActorArb,
);

/** Opened by the requester, with a staff-only tier and policy id. */
const openedWithSecrets = (): TicketEvent => {
  const e = opened() as Extract<TicketEvent, { type: "opened" }>;
  return { ...e, data: { ...e.data, customerTier: s(1000), policyId: s(1001) } };
};

describe("the customer view", () => {
  it("holds no staff-only text of any history, and every public comment in order", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 30 }), (makers) => {
        const events = [openedWithSecrets(), ...makers.map(([make, actor], i) => make(T0 + (i + 1) * 60_000, actor))];
        const view = customerTicketView(fold(events), events);
        expect(view).not.toBeNull();
        expect(JSON.stringify(view)).not.toContain(SECRET);
        const publicBodies = events.flatMap((e) =>
          e.type === "commented" && e.data.visibility === "public" ? [e.data.body] : [],
        );
        const shown = view?.history.flatMap((h) => (h.type === "commented" ? [h.data.body] : []));
        expect(shown).toEqual(publicBodies);
        // An internal note is not even activity: updatedAt is the last event shown.
        expect(view?.updatedAt).toBe(view?.history.at(-1)?.at);
      }),
      { numRuns: 300 },
    );
  });

  it("shows each event's customer fields and drops staff-only events", () => {
    const agent: Actor = { kind: "agent", id: "agent-7", name: "Ann" };
    const events = [
      opened(),
      ev("assigned", { assignee: "agent-7", group: "1st-line" }, T0 + 1, agent),
      ev(
        "commented",
        { author: "agent", visibility: "public", body: "Hello" as never, attachments: [] },
        T0 + 2,
        agent,
      ),
      ev(
        "commented",
        { author: "agent", visibility: "internal", body: "psst" as never, attachments: [] },
        T0 + 3,
        agent,
      ),
      ev("time-logged", { minutes: 30, billable: true }, T0 + 4, agent),
      ev("resolved", { resolution: "Replaced the toner" as never, workaround: false }, T0 + 5, agent),
      ev("closed", { by: "system", reason: "auto-close-resolved" }, T0 + 6, { kind: "system", id: "timers" }),
    ];
    const view = customerTicketView(fold(events), events);
    expect(view?.history).toEqual([
      { type: "opened", at: T0, by: { kind: "customer", id: "cust-1" }, data: { channel: "email" } },
      {
        type: "commented",
        at: T0 + 2,
        by: { kind: "agent", name: "Ann" },
        data: { author: "agent", body: "Hello", attachments: [] },
      },
      {
        type: "resolved",
        at: T0 + 5,
        by: { kind: "agent", name: "Ann" },
        data: { resolution: "Replaced the toner", workaround: false },
      },
      { type: "closed", at: T0 + 6, by: { kind: "system" }, data: { by: "system", reason: "auto-close-resolved" } },
    ]);
    expect(view).toMatchObject({ status: "closed", closedAt: T0 + 6, resolvedAt: T0 + 5, updatedAt: T0 + 6 });
    expect(view?.fields).toEqual({
      subject: "Printer on fire",
      description: "Smoke everywhere",
      category: "incident",
      channel: "email",
      requester: { id: "cust-1", email: "kim@contoso.example", name: "Kim" },
      organisation: "Contoso",
    });
    expect(view).not.toHaveProperty("assignee");
  });
});

it("an unopened ticket has no view", () => {
  expect(customerTicketView(fold([]), [])).toBeNull();
});
