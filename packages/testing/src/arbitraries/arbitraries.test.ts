import { decodePolicy, eventTypes, InstantC, PolicyCoreC, TenantIdC, TicketIdC } from "@ticketfold/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eventArb } from "./events.js";
import { historyArb } from "./history.js";
import { policyArb } from "./policy.js";
import { instantArb, MAX_INSTANT, MIN_INSTANT, tenantIdArb, ticketIdArb } from "./primitives.js";

describe("arbitraries make values the codecs accept", () => {
  it("ticket ids are ULIDs and tenants are tenant ids", () => {
    fc.assert(
      fc.property(ticketIdArb, tenantIdArb, (t, n) => {
        expect(TicketIdC.is(t)).toBe(true);
        expect(TenantIdC.is(n)).toBe(true);
      }),
    );
  });

  it("instants are integer milliseconds between 2000 and 2100", () => {
    fc.assert(
      fc.property(instantArb(), (at) => {
        expect(InstantC.is(at)).toBe(true);
        expect(at).toBeGreaterThanOrEqual(MIN_INSTANT);
        expect(at).toBeLessThanOrEqual(MAX_INSTANT);
      }),
    );
  });

  it("policies encode to JSON that decodePolicy reads back equal", () => {
    fc.assert(
      fc.property(policyArb(), (p) => {
        const decoded = decodePolicy(JSON.parse(JSON.stringify(PolicyCoreC.encode(p))));
        expect(decoded).toEqual({ _tag: "Right", right: p });
      }),
      { numRuns: 50 },
    );
  });

  it("the event arbitrary covers every event type", () => {
    const seen = new Set(fc.sample(eventArb, { numRuns: 1500, seed: 42 }).map((e) => e.type));
    expect([...seen].sort()).toEqual([...eventTypes].sort());
  });
});

describe("historyArb", () => {
  it("starts with an accepted open, at strictly increasing instants, folding to its state", () => {
    fc.assert(
      fc.property(historyArb(), (h) => {
        expect(h.accepted[0]?.type).toBe("open");
        const instants = h.steps.map((s) => s.command.at);
        for (let i = 1; i < instants.length; i++) expect(instants[i]).toBeGreaterThan(instants[i - 1] as number);
        expect(h.events.every((e) => e.ticketId === h.ticketId && e.tenantId === h.tenantId)).toBe(true);
        expect(h.state.version).toBe(h.events.length);
        expect(h.policy.id).toBe(h.state.policyId);
      }),
      { numRuns: 50 },
    );
  });

  it("gets past the opening: histories reach resolved and closed, and refuse some commands", () => {
    const histories = fc.sample(historyArb(), { numRuns: 100, seed: 7 });
    const statuses = new Set(histories.flatMap((h) => h.steps.map((s) => s.after.status)));
    expect(statuses).toEqual(new Set(["new", "open", "awaiting-customer", "resolved", "closed"]));
    expect(histories.some((h) => h.steps.some((s) => s.error !== null))).toBe(true);
    const mean = histories.reduce((n, h) => n + h.accepted.length, 0) / histories.length;
    expect(mean).toBeGreaterThan(3);
  });

  it("customers act on their own tickets, and are refused on others' (NOT_PERMITTED)", () => {
    const steps = fc.sample(historyArb(), { numRuns: 100, seed: 7 }).flatMap((h) => h.steps);
    const byCustomer = steps.filter((s) => s.command.actor.kind === "requester" && s.command.type !== "open");
    expect(byCustomer.some((s) => s.error === null && ["comment", "reopen"].includes(s.command.type))).toBe(true);
    expect(byCustomer.some((s) => s.error?.code === "NOT_PERMITTED")).toBe(true);
  });
});
