/**
 * P-B "VIP help desk" (seeds/001) walked through its rules: email tickets triaged within one
 * business hour on the help-desk calendar (Mon–Fri 09:00–16:00 Eastern, US federal holidays
 * excluded), mail outside hours triaged the next business day by the arithmetic itself;
 * missing information asked of the customer; change requests and projects waiting for the point of
 * contact's approval and the only billable work; emergencies phoned in; ATS appointments on
 * the next business day; VIP tickets chosen by tier. Instants in UTC (EST = UTC−5 until
 * 2025-03-09, EDT = UTC−4 after); failure messages show them in New York time too.
 */
import {
  type Actor,
  compareWorkQueue,
  compileCalendar,
  compiledPolicyOf,
  decodePolicySelection,
  holidaysIn,
  nextBusinessDayAt,
  selectPolicyId,
  type TicketState,
  type WorkQueueEntry,
  workQueueEntry,
} from "@ticketfold/core";
import {
  at,
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
import { pB } from "../index.js";

/** example-co's point of contact, as P-B's policy lists them (their address is their id). */
const pointOfContact: Actor = { kind: "requester", id: "it-contact@example-co.example", name: "Pat" };

const mailed = (when: string, extra: OpenFields = {}) => given(pB).opened({ at: when, channel: "email", ...extra });

const helpDeskDef = pB.calendars?.["help-desk"];
if (helpDeskDef === undefined || helpDeskDef.kind === "24x7") throw new Error("P-B has no weekly help-desk calendar");
const helpDesk = compileCalendar(helpDeskDef);

describe("P-B email triage within 1 business hour", () => {
  it.each([
    ["Mon 10:00 EST, in hours", "2025-03-03T15:00Z", "2025-03-03T16:00Z"],
    ["Mon 15:00 EST, budget ends at closing: the closing instant", "2025-03-03T20:00Z", "2025-03-03T21:00Z"],
    ["Mon 15:30 EST, half before closing, half next morning", "2025-03-03T20:30Z", "2025-03-04T14:30Z"],
    ["Mon 16:00 EST, at closing", "2025-03-03T21:00Z", "2025-03-04T15:00Z"],
    ["Tue 07:00 EST, before opening", "2025-03-04T12:00Z", "2025-03-04T15:00Z"],
    ["Fri 18:00 EST, over a weekend with the DST change", "2025-03-07T23:00Z", "2025-03-10T14:00Z"],
    ["Sat 12:00 EST", "2025-03-08T17:00Z", "2025-03-10T14:00Z"],
    ["Fri 17:00 EDT before Memorial Day", "2025-05-23T21:00Z", "2025-05-27T14:00Z"],
    ["Thu 15:30 EDT before Independence Day", "2025-07-03T19:30Z", "2025-07-07T13:30Z"],
    ["Thu 16:30 EDT before July 4th observed on Fri 2026-07-03", "2026-07-02T20:30Z", "2026-07-06T14:00Z"],
    ["Wed 2025-11-26 16:30 EST, over Thanksgiving", "2025-11-26T21:30Z", "2025-11-28T15:00Z"],
    ["Thu 2027-06-17 16:30 EDT before Juneteenth observed on Fri 2027-06-18", "2027-06-17T20:30Z", "2027-06-21T14:00Z"],
    ["Thu 2027-12-23 15:30 EST before Christmas observed on Fri 2027-12-24", "2027-12-23T20:30Z", "2027-12-27T14:30Z"],
  ])("mail %s (%s) is triaged by %s", (_, received, deadline) => {
    mailed(received).expect(at(received).sla({ response: { state: "running", deadline } }));
  });

  it.each([
    [2024, "01-01 01-15 02-19 05-27 06-19 07-04 09-02 10-14 11-11 11-28 12-25"],
    [2025, "01-01 01-20 02-17 05-26 06-19 07-04 09-01 10-13 11-11 11-27 12-25"],
    [2026, "01-01 01-19 02-16 05-25 06-19 07-03 09-07 10-12 11-11 11-26 12-25"],
    [2027, "01-01 01-18 02-15 05-31 06-18 07-05 09-06 10-11 11-11 11-25 12-24 12-31"],
  ])("the help-desk calendar closes on the federal holidays of %i: %s", (year, dates) => {
    expect(holidaysIn(helpDeskDef, year).map((h) => h.date.slice(5))).toEqual(dates.split(" "));
  });

  it("the triage reply stops the clock; elapsed counts business time only", () => {
    mailed("2025-03-07T23:00Z")
      .then(at("2025-03-10T13:45Z").reply("Triaged: low urgency. Next steps below."))
      .expect(
        at("2025-03-10T18:00Z").sla({ response: { state: "met", elapsed: "45m", stoppedAt: "2025-03-10T13:45Z" } }),
      );
  });

  it("an untriaged mail is breached at the deadline, recorded by the timers", () => {
    mailed("2025-03-03T15:00Z")
      .expect(nextWakeUpAt("2025-03-03T16:00Z"))
      .then(timersUntil("2025-03-03T21:00Z"))
      .expect(
        timersFired([{ at: "2025-03-03T16:00Z", type: "record-sla-breach" }]),
        at("2025-03-03T21:00Z").sla({ response: { remaining: "-5h" } }),
      );
  });
});

describe('P-B "same day response": a call answered by the close of the business day', () => {
  const called = (when: string) =>
    given(pB).opened({ at: when, channel: "phone", priority: "same-day", subject: "Printer", description: "Down" });

  it.each([
    ["Mon 10:00 EST", "2025-03-03T15:00Z", "2025-03-03T21:00Z"],
    ["Mon 15:59 EST, a minute before the close", "2025-03-03T20:59Z", "2025-03-03T21:00Z"],
    ["Mon 16:30 EST, after hours: the next business day's close", "2025-03-03T21:30Z", "2025-03-04T21:00Z"],
    ["Fri 17:00 EST: Monday's close, after the DST change", "2025-03-07T22:00Z", "2025-03-10T20:00Z"],
    ["Wed 2025-11-26 16:30 EST: Friday's close, over Thanksgiving", "2025-11-26T21:30Z", "2025-11-28T21:00Z"],
  ])("a same-day call on %s (%s) has its response by %s", (_, opened, deadline) => {
    called(opened).expect(at(opened).sla({ plan: { state: "running", deadline } }));
  });

  it("the next steps shared before the close meet it; none shared by the close breaches it, by the timers", () => {
    called("2025-03-03T15:00Z")
      .then(at("2025-03-03T20:30Z").sharePlan("Remote session at 3:45 PM"))
      .expect(at("2025-03-03T22:00Z").sla({ plan: { state: "met", stoppedAt: "2025-03-03T20:30Z" } }));
    called("2025-03-03T15:00Z")
      .then(timersUntil("2025-03-03T21:00Z"))
      .expect(at("2025-03-03T21:00Z").sla({ plan: { state: "breached", breachedAt: "2025-03-03T21:00Z" } }));
  });

  it("low (mail) tickets have no same-day clock", () => {
    mailed("2025-03-03T15:00Z").expect(at("2025-03-03T15:00Z").sla({ plan: null }));
  });
});

describe("P-B missing information", () => {
  it("the desk asks by mail and the ticket waits on the customer until they answer", () => {
    mailed("2025-03-03T15:00Z")
      .then(at("2025-03-03T15:20Z").reply())
      .then(at("2025-03-03T15:30Z").askCustomer("Which printer is it?"))
      .expect(ticketState({ status: "awaiting-customer" }), notified(["requester:ticket-awaiting-customer"]))
      .then(at("2025-03-03T17:00Z").comment("The one on floor 2."))
      .expect(ticketState({ status: "open" }));
  });
});

describe("P-B change requests", () => {
  const change = () => mailed("2025-03-04T15:00Z", { category: "change-request", subject: "Add a mailbox" });

  it("work waits for the approval of the customer's point of contact", () => {
    change()
      .expect(ticketState({ approval: "pending" }))
      .refuses(at("2025-03-04T15:10Z").accept(), { code: "APPROVAL_REQUIRED", approval: "pending" })
      .refuses(at("2025-03-04T15:10Z").logTime(30), "APPROVAL_REQUIRED");
  });

  it("the approval request goes to the organisation's point of contact, not the requester", () => {
    change()
      .then(at("2025-03-04T15:20Z").askCustomer("This needs analysis; please approve.", "approval"))
      .expect(notified([{ to: ["it-contact@example-co.example"] }], { rule: "approval-requested" }));
  });

  it("only the point of contact approves: the requester's own approval is NOT_PERMITTED", () => {
    change()
      .refuses(at("2025-03-04T15:50Z").approveChange(), {
        code: "NOT_PERMITTED",
        action: "approve-change",
        relationships: ["requester"],
        permitted: ["point-of-contact"],
      })
      .expect(ticketState({ approval: "pending" }));
  });

  it("once approved the work starts, and its time is billable", () => {
    change()
      .then(at("2025-03-04T16:00Z").by(pointOfContact).approveChange())
      .then(at("2025-03-04T16:05Z").accept())
      .then(at("2025-03-04T17:00Z").logTime(90))
      .expect(ticketState({ approval: "approved", status: "open", minutesBillable: 90, minutesUnbilled: 0 }));
  });

  it("a project waits for the point of contact's approval like a change request, and its time is billable", () => {
    // "You are only billed for time worked on Change Requests, Projects, and Out of Service Plan
    // items"; "Before initiating a change request, project request … obtain approval".
    mailed("2025-03-04T15:00Z", { category: "project", subject: "Move the office to the new site" })
      .expect(ticketState({ approval: "pending" }))
      .refuses(at("2025-03-04T15:10Z").accept(), { code: "APPROVAL_REQUIRED", approval: "pending" })
      .then(at("2025-03-04T16:00Z").by(pointOfContact).approveChange())
      .then(at("2025-03-04T16:05Z").accept())
      .then(at("2025-03-04T17:00Z").logTime(120))
      .expect(ticketState({ fields: { category: "project" }, minutesBillable: 120, minutesUnbilled: 0 }));
  });

  it.each([
    ["ordinary help-desk work is covered by the plan", false, [0, 45]],
    ["out-of-plan work is billable whatever the category", true, [45, 0]],
  ] as const)("%s", (_, outOfPlan, [billable, unbilled]) => {
    mailed("2025-03-04T15:00Z")
      .then(at("2025-03-04T15:30Z").logTime(45, { outOfPlan }))
      .expect(ticketState({ minutesBillable: billable, minutesUnbilled: unbilled }));
  });

  it.each([
    ["Tue 2025-03-04 10:00 EST", "2025-03-04T15:00Z", "2025-03-05T14:00Z"],
    ["Thu 2025-07-03 15:00 EDT, before Independence Day", "2025-07-03T19:00Z", "2025-07-07T13:00Z"],
    ["Fri 2025-03-07 12:00 EST, across the DST change", "2025-03-07T17:00Z", "2025-03-10T13:00Z"],
  ])("an ATS appointment asked for on %s can be booked from 09:00 the next business day", (_, asked, first) => {
    expect(nextBusinessDayAt(helpDesk, instant(asked), "09:00")).toBe(instant(first));
  });

  it("the email contains a link requesting the customer to book a time with an IT Pro", () => {
    mailed("2025-03-03T15:00Z")
      .then(at("2025-03-03T15:20Z").askCustomer("We need access to your machine.", "book-session"))
      .check((s) => {
        const n = s.notices.find((i) => i.rule === "session-booking-link");
        expect(n?.data.bookingLink).toBe(`https://help.cmit.example/book/${n?.data.number}`);
      });
  });

  it.each([
    ["Tue 3:30 PM Eastern for an hour, past 4:00 PM", "2025-03-04T20:30Z", "1h", "refused"],
    ["Sat 10:00 AM Eastern", "2025-03-08T15:00Z", "30m", "refused"],
    ["Thanksgiving Day 10:00 AM Eastern", "2025-11-27T15:00Z", "30m", "refused"],
    ["Tue 3:00 PM Eastern for an hour, ending at 4:00 PM", "2025-03-04T20:00Z", "1h", "booked"],
  ])(
    "an appointment on %s is %s: Monday to Friday, 9:00 AM to 4:00 PM, excluding holidays",
    (_, start, length, outcome) => {
      const step = at("2025-03-03T16:00Z").scheduleSession(start, length);
      const ticket = mailed("2025-03-03T15:00Z");
      if (outcome === "refused") ticket.refuses(step, "SESSION_NOT_BOOKABLE");
      else ticket.then(step).expect(notified(["requester:session-scheduled"]));
    },
  );
});

describe("P-B emergencies are phoned in", () => {
  it.each([
    ["emergency", "email", ["requester:ticket-opened", "requester:phone-in-reminder"]],
    ["emergency", "web", ["requester:ticket-opened", "requester:phone-in-reminder"]],
    ["emergency", "phone", ["requester:ticket-opened"]],
    ["same-day", "email", ["requester:ticket-opened"]],
    ["low", "email", ["requester:ticket-opened"]],
  ] as const)("a %s ticket raised by %s: %j", (priority, channel, notices) => {
    mailed("2025-03-03T15:00Z", { priority, channel }).expect(notified(notices));
  });

  it("mail without a priority is low (the document: email is for low priority)", () => {
    mailed("2025-03-03T15:00Z").expect(ticketState({ priority: "low" }));
  });
});

describe("P-B VIP tier", () => {
  const selection = decodePolicySelection({ rules: [{ customerTier: "vip", policy: "p-b" }], default: "standard" });

  it("VIP customers' tickets are handled under P-B and keep their tier for queue order", () => {
    if (selection._tag === "Left") throw new Error(selection.left.message);
    expect(selectPolicyId(selection.right, { customerTier: "vip", category: "incident" })).toBe("p-b");
    expect(selectPolicyId(selection.right, { customerTier: "standard", category: "incident" })).toBe("standard");
    mailed("2025-03-03T15:00Z", { customerTier: "vip" }).expect(ticketState({ fields: { customerTier: "vip" } }));
  });

  it("the work queue serves VIP tickets before Standard ones, however near the Standard deadline", () => {
    const compiled = compiledPolicyOf(pB);
    if (compiled._tag === "Left") throw new Error(compiled.left.message);
    const entries: WorkQueueEntry[] = [];
    const queue = (s: { readonly state: TicketState }) => {
      const entry = workQueueEntry(s.state, compiled.right);
      if (entry !== null) entries.push(entry);
    };
    // The Standard mail is due at 10:00 Eastern, the VIP mail (sent later) at 11:30.
    mailed("2025-03-03T14:00Z", { customerTier: "standard" }).check(queue);
    mailed("2025-03-03T15:30Z", { customerTier: "vip" }).check(queue);
    const order = [...entries].sort(compareWorkQueue);
    expect(order.map((e) => [e.vip, new Date(e.nextDeadline ?? 0).toISOString()])).toEqual([
      [true, "2025-03-03T16:30:00.000Z"],
      [false, "2025-03-03T15:00:00.000Z"],
    ]);
  });
});
