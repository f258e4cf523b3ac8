import { describe, expect, it } from "vitest";
import type { TicketEvent } from "../ticket/events.js";
import { calendars, ev, intentsAfter, opened, policy, requester, system } from "./fixtures.test-support.js";

// 2025-03-08 is a Saturday; the office calendar opens Monday 2025-03-10 09:00 UTC.
const SAT = Date.parse("2025-03-08T22:00:00Z");
const MON_OPEN = Date.parse("2025-03-10T09:00:00Z");
const TUE_NOON = Date.parse("2025-03-11T12:00:00Z");
const base = [opened("3"), ev("assigned", { assignee: "agent-7" })];
const comment = (at: number): TicketEvent =>
  ev("commented", { author: "customer", visibility: "public", body: "hi" as never, attachments: [] }, at, requester);

describe("quiet hours: non-urgent staff notices wait for the calendar to open", () => {
  it.each<[string, TicketEvent[], TicketEvent, number | undefined]>([
    ["customer comment on Saturday night waits for Monday 09:00", base, comment(SAT), MON_OPEN],
    ["customer comment inside business hours goes at once", base, comment(TUE_NOON), undefined],
    [
      "an SLA breach is urgent and goes at once",
      base,
      ev("sla-breached", { metric: "response", cycle: 0, deadline: SAT }, SAT, system),
      undefined,
    ],
    [
      "a comment on an urgent-priority (phone-in) ticket goes at once",
      [opened("1"), ev("assigned", { assignee: "agent-7" })],
      comment(SAT),
      undefined,
    ],
  ])("%s", (_name, history, event, notBefore) => {
    const intents = intentsAfter(history, event, { calendars });
    expect(intents.length).toBeGreaterThan(0);
    for (const i of intents) expect(i.notBefore).toBe(notBefore);
  });

  it("requester notices never wait for quiet hours", () => {
    const [i] = intentsAfter(base, ev("resolved", { resolution: "ok" as never }, SAT), { calendars });
    expect(i?.audience).toBe("requester");
    expect(i?.notBefore).toBeUndefined();
  });

  it("without a quiet-hours calendar in the policy nothing waits", () => {
    const { quietHours: _q, ...rest } = policy.notifications ?? {};
    const [i] = intentsAfter(base, comment(SAT), { calendars }, { ...policy, notifications: rest });
    expect(i?.notBefore).toBeUndefined();
  });

  it("a calendar the caller cannot supply holds nothing back (documented)", () => {
    const [i] = intentsAfter(base, comment(SAT));
    expect(i?.notBefore).toBeUndefined();
  });
});
