/**
 * P-A "three-tier MSP" (seeds/000) walked through its rules: the dispatch questions on
 * intake, priority by the share of users affected, three clocks per priority counted in
 * calendar hours (24x7: the document's table says "within 1 hour" with no business-hours
 * qualifier), bookable working-session slots, and the feedback request after resolution.
 * Week of Monday 2025-03-03; instants in UTC.
 */
import { bookableSlots, compileCalendar, HOUR, MINUTE } from "@ticketfold/core";
import {
  agent,
  appended,
  at,
  deadlines,
  given,
  instant,
  nextWakeUpAt,
  notified,
  type OpenFields,
  ticketState,
  timersFired,
  timersUntil,
} from "@ticketfold/testing";
import { describe, expect, it } from "vitest";
import { pA } from "../index.js";

/** A ticket with every dispatch question answered (P-A's intake list). */
const dispatched = (extra: OpenFields = {}): OpenFields => ({
  channel: "phone",
  affectedUsers: 1,
  totalUsers: 40,
  intake: {
    startedAt: "this morning",
    troubleshooting: "restarted the PC",
    location: "on-site",
    impactOnWork: "cannot send mail",
  },
  ...extra,
});

const opened = (when: string, extra: OpenFields = {}) => given(pA).opened({ at: when, ...dispatched(extra) });

describe("P-A intake", () => {
  it.each([
    ["requester.phone", { requester: { id: "cust-1", email: "dana@example-co.example" } }],
    ["intake.troubleshooting", { intake: { startedAt: "today", location: "remote", impactOnWork: "none" } }],
    ["affectedUsers", { affectedUsers: undefined }],
  ] as [string, OpenFields][])(
    "a ticket without %s is refused: the dispatch questions are mandatory",
    (field, change) => {
      given(pA).refuses(at("2025-03-03T09:00Z").open(dispatched(change)), { code: "MISSING_FIELD", field });
    },
  );

  it.each([
    [1, 40, "3", "Standard: a single user"],
    [12, 40, "2", "Serious: under 50% of users"],
    [20, 40, "2", "Serious: exactly half is not over half"],
    [21, 40, "1", "Critical: over 50% of users"],
  ])("%i of %i users affected opens priority %s (%s)", (affected, total, priority) => {
    opened("2025-03-03T09:00Z", { affectedUsers: affected, totalUsers: total }).expect(ticketState({ priority }));
  });

  it("the share decides: a priority the requester types does not override it", () => {
    // The table ranks by impact ("Over 50% of users"); `impact.requesterPriority: "ignored"`.
    opened("2025-03-03T09:00Z", { affectedUsers: 30, totalUsers: 40, priority: "3" }).expect(
      ticketState({ priority: "1" }),
      appended([{ type: "opened", data: { priority: "1", priorityDefaulted: false } }]),
    );
  });

  it("dispatch (staff) opening the ticket sets the priority it types", () => {
    given(pA)
      .then(
        at("2025-03-03T09:00Z")
          .by(agent)
          .open(dispatched({ affectedUsers: 30, totalUsers: 40, priority: "2" })),
      )
      .expect(ticketState({ priority: "2" }));
  });

  it("more than one user affected without the number of users is refused: the share decides the priority", () => {
    // "How many people is it affecting?" — a share needs the whole; `impact.requireTotal: true`.
    given(pA).refuses(at("2025-03-03T09:00Z").open(dispatched({ affectedUsers: 12, totalUsers: undefined })), {
      code: "MISSING_FIELD",
      field: "totalUsers",
    });
    opened("2025-03-03T09:00Z", { affectedUsers: 1, totalUsers: undefined }).expect(ticketState({ priority: "3" }));
  });
});

describe("P-A three clocks per priority, calendar hours", () => {
  it.each([
    ["1", "2025-03-03T10:00Z", "2025-03-03T11:00Z", "2025-03-03T17:00Z"],
    ["2", "2025-03-03T13:00Z", "2025-03-03T17:00Z", "2025-03-04T09:00Z"],
    ["3", "2025-03-03T17:00Z", "2025-03-04T09:00Z", "2025-03-06T09:00Z"],
  ])("priority %s opened Mon 09:00: response by %s, plan by %s, resolution by %s", (p, response, plan, resolution) => {
    const affectedUsers = { "1": 30, "2": 10, "3": 1 }[p];
    opened("2025-03-03T09:00Z", { affectedUsers }).expect(deadlines({ response, plan, resolution }));
  });

  it("calendar hours run through the night and the weekend (opened Fri 18:00, priority 3)", () => {
    opened("2025-03-07T18:00Z").expect(
      at("2025-03-08T01:00Z").deadlines({
        response: "2025-03-08T02:00Z",
        plan: "2025-03-08T18:00Z",
        resolution: "2025-03-10T18:00Z",
      }),
      at("2025-03-08T01:00Z").sla({ response: { elapsed: "7h" } }),
    );
  });

  it("a priority 2 ticket: response and plan met, resolution paused while waiting on the customer", () => {
    opened("2025-03-03T09:00Z", { affectedUsers: 10 })
      .then(at("2025-03-03T10:30Z").reply())
      .then(at("2025-03-03T16:00Z").sharePlan())
      .then(at("2025-03-03T17:00Z").askCustomer())
      .then(at("2025-03-04T08:00Z").comment())
      .expect(
        at("2025-03-04T12:00Z").sla({
          response: { state: "met", elapsed: "1h30m", stoppedAt: "2025-03-03T10:30Z" },
          plan: { state: "met", elapsed: "7h" },
          // 8 h counted Mon 09:00–17:00, 15 h paused, then 4 h: 12 h of 24 used; 12 h left from Tue 12:00.
          resolution: { state: "running", elapsed: "12h", percent: 50, deadline: "2025-03-05T00:00Z" },
        }),
      )
      .then(at("2025-03-04T20:00Z").resolve())
      .expect(
        at("2025-03-05T09:00Z").sla({ resolution: { state: "met", elapsed: "20h", stoppedAt: "2025-03-04T20:00Z" } }),
      );
  });

  it("a priority 1 ticket nobody answers breaches each clock at its deadline (timers through decide)", () => {
    opened("2025-03-03T09:00Z", { affectedUsers: 30 })
      .expect(nextWakeUpAt("2025-03-03T10:00Z"))
      .then(timersUntil("2025-03-03T18:00Z"))
      .expect(
        timersFired([
          { at: "2025-03-03T10:00Z", type: "record-sla-breach", metric: "response" },
          { at: "2025-03-03T11:00Z", type: "record-sla-breach", metric: "plan" },
          { at: "2025-03-03T17:00Z", type: "record-sla-breach", metric: "resolution" },
        ]),
        appended([
          { type: "sla-breached", at: "2025-03-03T10:00Z" },
          { type: "sla-breached", at: "2025-03-03T11:00Z" },
          { type: "sla-breached", at: "2025-03-03T17:00Z" },
        ]),
        at("2025-03-03T18:00Z").sla({
          resolution: { state: "breached", breachedAt: "2025-03-03T17:00Z", remaining: "-1h" },
        }),
      );
  });

  it("impact re-assessed from 3 to 1 keeps the start: the response is already late, observed at the change", () => {
    opened("2025-03-03T09:00Z")
      .then(at("2025-03-03T10:30Z").changePriority("1"))
      .expect(
        at("2025-03-03T10:30Z").sla({
          response: { state: "breached", deadline: "2025-03-03T10:00Z", breachedAt: "2025-03-03T10:30Z" },
        }),
        nextWakeUpAt("2025-03-03T10:30Z"),
        notified(["requester:priority-changed"], { audience: "requester" }),
      );
  });
});

describe("P-A working sessions", () => {
  const def = pA.calendars?.["engineer-hours"];
  if (def === undefined) throw new Error("P-A has no engineer-hours calendar");
  const hours = compileCalendar(def);

  it.each([
    ["30m", 30 * MINUTE, ["20:00", "20:30", "21:00", "21:30", "22:00", "22:30"]],
    ["1h", HOUR, ["20:00", "20:30", "21:00", "21:30", "22:00"]],
  ])("Tue 2025-03-04 from 2:00 PM Central, %s sessions on a 30-minute grid", (_, length, starts) => {
    const slots = bookableSlots(hours, instant("2025-03-04T20:00Z"), instant("2025-03-05T00:00Z"), 30 * MINUTE, length);
    expect(slots.map((s) => new Date(s.start).toISOString().slice(11, 16))).toEqual(starts);
  });

  it("no slots on a Saturday; a chosen slot is scheduled on the ticket", () => {
    expect(bookableSlots(hours, instant("2025-03-08T14:00Z"), instant("2025-03-09T00:00Z"), 30 * MINUTE, HOUR)).toEqual(
      [],
    );
    opened("2025-03-04T15:00Z")
      .then(at("2025-03-04T15:30Z").scheduleSession("2025-03-04T20:30Z", "1h"))
      .expect(ticketState({ sessions: [{ start: "2025-03-04T20:30Z", length: "1h" }] }));
  });
});

describe("P-A schedule your time: the scheduling link, the booking, the confirmation", () => {
  it("the scheduling link comes by email: choose a convenient time to work with an engineer", () => {
    opened("2025-03-04T15:00Z")
      .then(at("2025-03-04T15:30Z").askCustomer("We need about an hour with you.", "book-session"))
      .expect(notified([{ rule: "session-booking-link", audience: "requester" }], { rule: "session-booking-link" }))
      .check((s) => {
        const n = s.notices.find((i) => i.rule === "session-booking-link");
        expect(n?.data.bookingLink).toBe(`https://cit-net.example/schedule/${s.state.ticketId}`);
        expect(n?.data.question).toBe("We need about an hour with you.");
      });
  });

  it("once scheduled, a confirmation email with the session start and end", () => {
    opened("2025-03-04T15:00Z")
      .then(at("2025-03-04T15:30Z").scheduleSession("2025-03-04T20:00Z", "1h"))
      .expect(notified(["requester:session-scheduled"]))
      .check((s) => {
        const n = s.notices.find((i) => i.rule === "session-scheduled");
        expect([n?.data.start, n?.data.end]).toEqual(["2025-03-04T20:00:00.000Z", "2025-03-04T21:00:00.000Z"]);
      });
  });

  it.each([
    [
      "Saturday 03:00 Central: the next opening is Monday 8:00 AM, after DST",
      "2025-03-08T09:00Z",
      "30m",
      "2025-03-10T13:00Z",
    ],
    ["Tuesday 4:30 PM Central, running past 5:00 PM", "2025-03-04T22:30Z", "1h", "2025-03-04T22:30Z"],
    ["Tuesday 7:30 AM Central, before 8:00 AM", "2025-03-04T13:30Z", "1h", "2025-03-04T14:00Z"],
  ])("a session on %s is outside the engineers' hours: SESSION_NOT_BOOKABLE", (_, start, length, nextOpen) => {
    opened("2025-03-04T15:00Z").refuses(at("2025-03-04T15:30Z").scheduleSession(start, length), {
      code: "SESSION_NOT_BOOKABLE",
      nextOpen: instant(nextOpen),
    });
  });

  it("a session over one already booked is refused: SESSION_CONFLICT; one right after it is booked", () => {
    const booked = opened("2025-03-04T15:00Z").then(at("2025-03-04T15:30Z").scheduleSession("2025-03-04T20:00Z", "1h"));
    booked.refuses(at("2025-03-04T15:40Z").scheduleSession("2025-03-04T20:30Z", "30m"), {
      code: "SESSION_CONFLICT",
      conflictsWith: { start: instant("2025-03-04T20:00Z"), end: instant("2025-03-04T21:00Z") },
    });
    booked.then(at("2025-03-04T15:40Z").scheduleSession("2025-03-04T21:00Z", "30m")).expect(
      ticketState({
        sessions: [
          { start: "2025-03-04T20:00Z", length: "1h" },
          { start: "2025-03-04T21:00Z", length: "30m" },
        ],
      }),
    );
  });
});

describe("P-A feedback after resolution", () => {
  it("resolving sends the requester the resolution and a feedback request", () => {
    opened("2025-03-03T09:00Z")
      .then(at("2025-03-03T11:00Z").resolve())
      .expect(notified(["requester:ticket-resolved", "requester:feedback-request"]));
  });

  it.each(["positive", "neutral", "negative"] as const)("the customer answers %s", (rating) => {
    opened("2025-03-03T09:00Z")
      .then(at("2025-03-03T11:00Z").resolve())
      .then(at("2025-03-03T12:00Z").giveFeedback(rating))
      .expect(ticketState({ feedback: { rating, at: "2025-03-03T12:00Z" } }));
  });

  it("feedback is refused before the ticket is resolved", () => {
    opened("2025-03-03T09:00Z").refuses(at("2025-03-03T10:00Z").giveFeedback("positive"), "ILLEGAL_TRANSITION");
  });
});
