/**
 * P-E "business-hours desk" (seeds/004) walked through its rules: requests accepted 24x7 but
 * handled only Mon–Fri 09:00–18:00, so every clock counts business hours — the first look
 * within 1 business hour, resolution within 4 h / 24 h / 48 h / 72 h of business time for
 * Critical / High / Medium / Low; the specialist may change the priority (the target follows
 * from the original start); the requester is told of status changes, of a priority change by
 * support and of a return for more information. Week of Monday 2025-03-03; the calendar is in
 * UTC (the document names no place).
 */
import { at, deadlines, given, notified, type Step, ticketState, timersFired, timersUntil } from "@ticketfold/testing";
import { describe, it } from "vitest";
import { pE } from "../index.js";

const opened = (when: string, priority?: string) =>
  given(pE).opened({ at: when, channel: "web", ...(priority === undefined ? {} : { priority }) });

describe("P-E every new request is looked at within 1 business hour", () => {
  it.each([
    ["Mon 10:00", "2025-03-03T10:00Z", "2025-03-03T11:00Z"],
    ["Mon 17:00 (runs out at closing)", "2025-03-03T17:00Z", "2025-03-03T18:00Z"],
    ["Mon 17:30", "2025-03-03T17:30Z", "2025-03-04T09:30Z"],
    ["Mon 08:00, before opening", "2025-03-03T08:00Z", "2025-03-03T10:00Z"],
    ["Sat 12:00 (accepted 24x7, handled on Monday)", "2025-03-08T12:00Z", "2025-03-10T10:00Z"],
  ])("sent %s: looked at by %s", (_, sent, deadline) => {
    opened(sent).expect(deadlines({ response: deadline }));
  });

  it.each([
    ["accepted for work", at("2025-03-03T10:20Z").accept()],
    ["returned for more information", at("2025-03-03T10:20Z").askCustomer("Which report fails?")],
    ["resolved at once", at("2025-03-03T10:20Z").resolve()],
  ] as [string, Step][])("the look ends when the request is %s: the clock stops then", (_, step) => {
    opened("2025-03-03T10:00Z")
      .then(step)
      .expect(
        at("2025-03-03T12:00Z").sla({ response: { state: "met", elapsed: "20m", stoppedAt: "2025-03-03T10:20Z" } }),
      );
  });

  it("a public reply alone is not the look: the clock runs until the request is accepted or returned", () => {
    opened("2025-03-03T10:00Z")
      .then(at("2025-03-03T10:10Z").reply("We have your request."))
      .expect(at("2025-03-03T10:30Z").sla({ response: "running" }))
      .then(at("2025-03-03T10:40Z").accept())
      .expect(at("2025-03-03T12:00Z").sla({ response: { state: "met", elapsed: "40m" } }));
  });

  it("a request nobody accepts or returns is breached after 1 business hour, recorded by the timers", () => {
    opened("2025-03-03T17:30Z")
      .then(timersUntil("2025-03-04T12:00Z"))
      .expect(
        timersFired(
          [{ at: "2025-03-04T09:30Z", type: "record-sla-breach", metric: "response" }],
          ["record-sla-breach"],
        ),
      );
  });
});

describe("P-E resolution time by priority, in business hours", () => {
  it.each([
    ["critical", "4h", "2025-03-03T14:00Z"],
    ["high", "24h", "2025-03-05T16:00Z"],
    ["medium", "48h", "2025-03-10T13:00Z"],
    ["low", "72h", "2025-03-13T10:00Z"],
  ])("%s opened Mon 10:00 (%s of business time): resolved by %s", (priority, _, deadline) => {
    opened("2025-03-03T10:00Z", priority).expect(at("2025-03-03T10:00Z").sla({ resolution: { priority, deadline } }));
  });

  it("a request opened without a priority is Medium", () => {
    opened("2025-03-03T10:00Z").expect(ticketState({ priority: "medium" }));
  });

  it("critical opened Fri 17:00: 1 h on Friday, 3 h on Monday", () => {
    opened("2025-03-07T17:00Z", "critical").expect(deadlines({ resolution: "2025-03-10T12:00Z" }));
  });

  it("a critical request not resolved in 4 business hours is breached, recorded by the timers", () => {
    opened("2025-03-03T10:00Z", "critical")
      .then(at("2025-03-03T10:15Z").accept())
      .then(timersUntil("2025-03-03T18:00Z"))
      .expect(timersFired([{ at: "2025-03-03T14:00Z", type: "record-sla-breach" }]))
      .expect(at("2025-03-03T18:00Z").sla({ resolution: { remaining: "-4h" } }));
  });

  it("returned for more information, the resolution clock waits for the requester", () => {
    opened("2025-03-03T10:00Z", "high")
      .then(at("2025-03-03T10:30Z").reply())
      .then(at("2025-03-03T12:00Z").askCustomer("Which report fails?"))
      .then(at("2025-03-04T11:00Z").comment("The monthly sales report."))
      // 2 h used on Monday; 22 h left from Tue 11:00: Tue 7 h, Wed 9 h, Thu 6 h.
      .expect(at("2025-03-04T11:00Z").sla({ resolution: { elapsed: "2h", deadline: "2025-03-06T15:00Z" } }));
  });
});

describe("P-E the specialist may change the priority", () => {
  it.each([
    ["low → critical at Mon 12:00: 4 h from the start", "critical", "2025-03-03T12:00Z", "running", null],
    [
      "low → critical at Mon 15:00: already late, observed then",
      "critical",
      "2025-03-03T15:00Z",
      "breached",
      "2025-03-03T15:00Z",
    ],
    ["critical → low at Mon 12:00: 72 h from the start", "low", "2025-03-03T12:00Z", "running", null],
  ] as const)("%s", (_, to, when, state, breachedAt) => {
    const deadline = to === "critical" ? "2025-03-03T14:00Z" : "2025-03-13T10:00Z";
    opened("2025-03-03T10:00Z", to === "low" ? "critical" : "low")
      .then(at(when).changePriority(to))
      .expect(at(when).sla({ resolution: { state, deadline, breachedAt } }));
  });
});

describe("P-E notifications to the requester", () => {
  it("status changes, a priority change by support and a return for information; nothing else is announced", () => {
    const told = (...rules: string[]) =>
      notified(
        rules.map((r) => `requester:${r}` as const),
        { audience: "requester" },
      );
    opened("2025-03-03T10:00Z", "medium")
      .expect(told("ticket-opened"))
      .then(at("2025-03-03T10:20Z").accept())
      .expect(told("ticket-accepted"))
      .then(at("2025-03-03T10:30Z").changePriority("high"))
      .expect(told("priority-changed"))
      .then(at("2025-03-03T11:00Z").askCustomer())
      .expect(told("ticket-awaiting-customer"))
      .then(at("2025-03-03T13:00Z").comment())
      .expect(told())
      .then(at("2025-03-03T16:00Z").resolve())
      .expect(told("ticket-resolved"))
      .then(at("2025-03-03T16:30Z").close())
      .expect(told("ticket-closed"));
  });
});
