/**
 * The documents' reporting rules as scenario tables: P-A's feedback after resolution counted as
 * CSAT (seeds/000: "After your ticket is resolved the engineer working with you will send you
 * an email asking for your feedback … Whether it's positive, neutral, or negative"), P-B's
 * billable time per month with corrections (seeds/001: "You are only billed for time worked on
 * Change Requests, Projects, and Out of Service Plan items"), and P-D's SLA report, whose
 * durations are the restoration time its clocks counted ("in Rückfrage": the agreed reaction/restoration
 * time is suspended until the customer answers, seeds/003).
 */
import {
  type Actor,
  billingReport,
  type CompiledPolicy,
  compilePolicy,
  csatReport,
  MINUTE,
  type Policy,
  reportTimeZone,
  slaReport,
  type TicketFacts,
  type TicketState,
  ticketFacts,
} from "@ticketfold/core";
import { at, given, ticketState } from "@ticketfold/testing";
import { describe, expect, it } from "vitest";
import { pA, pB, pD } from "../index.js";

const compiled = (p: Policy): CompiledPolicy => {
  const c = compilePolicy(p);
  if (c._tag === "Left") throw new Error(c.left.message);
  return c.right;
};
const factsOf = (state: TicketState, p: Policy): TicketFacts => {
  const f = ticketFacts(state, compiled(p));
  if (f === null) throw new Error("not opened");
  return f;
};
const pointOfContact: Actor = { kind: "requester", id: "it-contact@example-co.example", name: "Pat" };

describe("P-A feedback counted as CSAT", () => {
  const resolved = () =>
    given(pA)
      .opened({
        at: "2025-03-03T09:00Z",
        channel: "phone",
        affectedUsers: 1,
        totalUsers: 40,
        intake: { startedAt: "today", troubleshooting: "restart", location: "on-site", impactOnWork: "no mail" },
      })
      .then(at("2025-03-03T11:00Z").resolve());

  it("a resolution is rated once: a second rating is refused, the first stands", () => {
    resolved()
      .then(at("2025-03-03T12:00Z").giveFeedback("negative"))
      .refuses(at("2025-03-03T12:05Z").giveFeedback("positive"), {
        code: "FEEDBACK_ALREADY_GIVEN",
        rating: "negative",
      })
      .expect(ticketState({ feedback: { rating: "negative", at: "2025-03-03T12:00Z" } }));
  });

  it("reopened and resolved again, the new resolution is rated and both count", () => {
    const s = resolved()
      .then(at("2025-03-03T12:00Z").giveFeedback("negative"))
      .then(at("2025-03-03T13:00Z").reopen())
      .then(at("2025-03-03T14:00Z").resolve())
      .then(at("2025-03-03T15:00Z").giveFeedback("positive"));
    const f = factsOf(s.state, pA);
    expect(csatReport([f], { tenant: f.tenant, period: "day" })).toEqual([
      {
        period: "2025-03-03",
        ratings: 2,
        distribution: { positive: 1, neutral: 0, negative: 1 },
        average: 0,
        resolutions: 2,
        rated: 2,
        responseRate: 1,
      },
    ]);
  });

  it("the day of a rating is the day in Chicago, where the desk is", () => {
    const s = resolved()
      .then(at("2025-03-04T04:00Z").reopen())
      .then(at("2025-03-04T05:00Z").resolve())
      .then(at("2025-03-04T05:30Z").giveFeedback("neutral"));
    const f = factsOf(s.state, pA);
    expect(reportTimeZone(compiled(pA))).toBe("America/Chicago");
    // 05:00 UTC on the 4th is 23:00 CST on the 3rd: both resolutions fall on 2025-03-03.
    expect(csatReport([f], { tenant: f.tenant, period: "day" }).map((r) => [r.period, r.resolutions, r.rated])).toEqual(
      [["2025-03-03", 2, 1]],
    );
  });
});

describe("P-B billable time per month with corrections", () => {
  const approvedChange = () =>
    given(pB)
      .opened({ at: "2025-03-31T15:00Z", channel: "email", category: "change-request", subject: "Add a mailbox" })
      .then(at("2025-03-31T16:00Z").by(pointOfContact).approveChange())
      .then(at("2025-03-31T16:05Z").accept())
      .then(at("2025-04-01T02:00Z").logTime(90));

  it.each([
    ["30 minutes logged twice are taken off: 60 billable", -30, 60],
    ["the whole entry reversed: nothing billable", undefined, 0],
  ] as const)("%s", (_name, minutes, left) => {
    const s = approvedChange();
    const entry = s.state.timeEntries[0]?.entry ?? 0;
    s.then(at("2025-04-01T09:00Z").correctTime(entry, "Logged twice", minutes)).expect(
      ticketState({ minutesBillable: left }),
    );
  });

  it("a correction below zero is refused and changes nothing", () => {
    const s = approvedChange();
    const entry = s.state.timeEntries[0]?.entry ?? 0;
    s.refuses(at("2025-04-01T09:00Z").correctTime(entry, "Too much", -100), {
      code: "INVALID_VALUE",
      field: "minutes",
    }).expect(ticketState({ minutesBillable: 90 }));
  });

  it("the month is New York's: 02:00 UTC on 1 April is 31 March, and the correction stays with its entry", () => {
    const s = approvedChange();
    const entry = s.state.timeEntries[0]?.entry ?? 0;
    const f = factsOf(s.then(at("2025-04-01T09:00Z").correctTime(entry, "Logged twice", -30)).state, pB);
    expect(billingReport([f], { tenant: f.tenant })).toEqual([
      {
        month: "2025-03",
        agent: expect.any(String),
        category: "change-request",
        billable: 60,
        unbilled: 0,
        corrected: -30,
        entries: 1,
      },
    ]);
  });
});

describe("P-D restoration time as the clocks counted it", () => {
  it("the report's resolution time leaves out the time in Rückfrage: 20 + 10 office minutes", () => {
    // Mon 2025-03-03, office from 09:00 Berlin (08:00 UTC); asked at 09:20, answered 11:20, resolved 11:30.
    const s = given(pD)
      .opened({ at: "2025-03-03T08:00Z", channel: "web" })
      .then(at("2025-03-03T08:20Z").askCustomer("Welcher Drucker?"))
      .then(at("2025-03-03T10:20Z").comment("Der im 2. Stock."))
      .then(at("2025-03-03T10:30Z").resolve());
    const f = factsOf(s.state, pD);
    const sla = s.slaAt("2025-03-03T11:00Z").resolution;
    const row = slaReport([f], { tenant: f.tenant, period: "week" }).rows.find((r) => r.metric === "resolution");
    expect([sla?.state, sla?.elapsed]).toEqual(["met", 30 * MINUTE]);
    expect(row).toMatchObject({ period: "2025-W10", met: 1, breached: 0, durations: { p50: 30 * MINUTE } });
  });
});
