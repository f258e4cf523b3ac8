import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TicketEvent } from "../ticket/events.js";
import { evolve } from "../ticket/evolve.js";
import { initialState } from "../ticket/state.js";
import { calendars, ev, opened, policy, T0 } from "./fixtures.test-support.js";
import { notificationsFor } from "./notifications-for.js";

const SECRET = "INTERNAL-NOTE";
const actorArb = fc.constantFrom(
  { kind: "agent", id: "agent-7" } as const,
  { kind: "requester", id: "cust-1" } as const,
  { kind: "system", id: "timers" } as const,
);
const commentArb = fc.record({
  author: fc.constantFrom("customer", "agent", "system"),
  visibility: fc.constantFrom("public", "internal"),
  n: fc.nat(999),
});

/** Any event the rules look at, in any order: the fold does not judge legality, the rules must not care. */
const eventArb: fc.Arbitrary<(at: number) => TicketEvent> = fc.oneof(
  fc.tuple(commentArb, actorArb).map(([c, actor]) => (at: number) => {
    const body = c.visibility === "internal" ? `${SECRET} ${c.n}` : `public ${c.n}`;
    return ev(
      "commented",
      { author: c.author, visibility: c.visibility, body: body as never, attachments: [] },
      at,
      actor,
    );
  }),
  fc
    .constantFrom("agent-7", null, "agent-9")
    .map((assignee) => (at: number) => ev("assigned", { assignee, group: "1st-line" }, at)),
  fc.constant((at: number) => ev("accepted", {}, at)),
  fc
    .constantFrom("more-information", "approval", "third-party")
    .map((reason) => (at: number) => ev("awaiting-customer", { reason, question: "Which one?" }, at)),
  fc.constant((at: number) => ev("resolved", { resolution: "done" as never }, at)),
  fc.constant((at: number) => ev("reopened", { from: "resolved", reason: "agent" }, at)),
  fc.constant((at: number) => ev("closed", { by: "agent", reason: "confirmed" }, at)),
  fc.tuple(fc.constantFrom("1", "2", "3", "4"), actorArb).map(
    ([to, actor]) =>
      (at: number) =>
        ev("prioritised", { from: "3", to, cause: "manual" }, at, actor),
  ),
  fc.integer({ min: 1, max: 3 }).map((level) => (at: number) => ev("escalation-requested", { level }, at)),
  fc.constant((at: number) => ev("sla-breached", { metric: "resolution", cycle: 0, deadline: at }, at)),
);

const historyArb = fc.tuple(
  fc.constantFrom("1", "2", "3", "4"),
  fc.constantFrom("email", "web", "phone" as const),
  fc.array(eventArb, { maxLength: 25 }),
);

describe("internal notes never reach a requester (P-D)", () => {
  it("in no intent of any event of any history, and never as a requester notice", () => {
    fc.assert(
      fc.property(historyArb, ([priority, channel, makers]) => {
        const events = [opened(priority, channel), ...makers.map((make, i) => make(T0 + (i + 1) * 60_000))];
        let state = initialState;
        events.forEach((event, i) => {
          const next = evolve(state, event);
          const intents = notificationsFor(event, state, next, policy, { eventId: `e${i}`, calendars });
          for (const intent of intents) {
            expect(JSON.stringify(intent)).not.toContain(SECRET);
            if (intent.audience === "requester") {
              for (const r of intent.recipients) expect(["requester", "organisation"]).toContain(r.role);
            }
          }
          if (event.type === "commented" && event.data.visibility === "internal") expect(intents).toEqual([]);
          state = next;
        });
      }),
      { numRuns: 300 },
    );
  });
});
