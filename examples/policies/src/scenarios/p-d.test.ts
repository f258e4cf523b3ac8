/**
 * P-D "web ticket system" (seeds/003, German) walked through its statuses. The document gives
 * no reaction or restoration times ("sofern vertraglich vereinbart"); the policy carries
 * example ones on example contract hours (Mon–Fri 09:00–17:00 Europe/Berlin, nationwide
 * holidays): reaction 2h/4h/8h and restoration 8h/16h/40h for high/normal/low. "In Rückfrage"
 * (awaiting customer) is the desk's reaction (the question stops the reaction clock) and
 * suspends restoration; "bearbeitet" (resolved) closes by itself at the instant
 * shown (7 days later); a ticket whose question goes unanswered for 14 days closes; a customer
 * comment reopens a resolved ticket, and a closed one at any time. Instants in UTC
 * (CET = UTC+1 until 2025-03-30, CEST = UTC+2 after); failure messages show Berlin time too.
 */
import { holidaysIn } from "@ticketfold/core";
import {
  appended,
  at,
  deadlines,
  given,
  nextWakeUpAt,
  notified,
  ticketState,
  timersFired,
  timersUntil,
} from "@ticketfold/testing";
import { describe, expect, it } from "vitest";
import { pD } from "../index.js";

const opened = (when: string, priority = "normal") =>
  given(pD).opened({ at: when, channel: "web", priority, subject: "Composer startet nicht nach Visio-Update" });

describe("P-D example reaction and restoration times on contract hours", () => {
  it.each([
    ["high", "2025-03-03T11:00Z", "2025-03-04T09:00Z"],
    ["normal", "2025-03-03T13:00Z", "2025-03-05T09:00Z"],
    ["low", "2025-03-04T09:00Z", "2025-03-10T09:00Z"],
  ])("%s opened Mon 10:00 CET: reaction by %s, restoration by %s", (priority, reaction, restoration) => {
    opened("2025-03-03T09:00Z", priority).expect(deadlines({ response: reaction, resolution: restoration }));
  });

  it.each([
    ["Fri 2025-03-28 16:00 CET, over the switch to summer time", "2025-03-28T15:00Z", "normal", "2025-03-31T10:00Z"],
    ["Thu 2025-04-17 16:00 CEST, over Good Friday and Easter Monday", "2025-04-17T14:00Z", "high", "2025-04-22T08:00Z"],
    [
      "Thu 2027-03-25 16:00 CET, over Good Friday, Easter Monday and summer time",
      "2027-03-25T15:00Z",
      "high",
      "2027-03-30T08:00Z",
    ],
    ["Wed 2026-05-13 16:00 CEST, over Ascension", "2026-05-13T14:00Z", "high", "2026-05-15T08:00Z"],
    ["Wed 2025-12-24 16:00 CET, over Christmas", "2025-12-24T15:00Z", "high", "2025-12-29T09:00Z"],
  ])("opened %s: reaction by %s", (_, when, priority, reaction) => {
    opened(when, priority).expect(deadlines({ response: reaction }));
  });

  it.each([
    [2024, "01-01 03-29 04-01 05-01 05-09 05-20 10-03 12-25 12-26"],
    [2025, "01-01 04-18 04-21 05-01 05-29 06-09 10-03 12-25 12-26"],
    [2026, "01-01 04-03 04-06 05-01 05-14 05-25 10-03 12-25 12-26"],
    [2027, "01-01 03-26 03-29 05-01 05-06 05-17 10-03 12-25 12-26"],
  ])("the contract hours close on the nationwide holidays of %i: %s", (year, dates) => {
    const def = pD.calendars?.office;
    if (def === undefined || def.kind === "24x7") throw new Error("P-D has no weekly office calendar");
    expect(holidaysIn(def, year).map((h) => h.date.slice(5))).toEqual(dates.split(" "));
  });
});

describe("P-D in Rückfrage: the agreed times are suspended until the customer answers", () => {
  const asked = () =>
    opened("2025-03-03T09:00Z").then(at("2025-03-03T10:00Z").askCustomer("Bitte senden Sie uns die Log-Datei."));

  it("the question is the desk's reaction: the reaction clock stops, met; restoration pauses", () => {
    // "Wenn wir eine Rückfrage zu Ihrem Ticket haben … stellen wir diese Rückfrage als Kommentar
    // am Ticket": the desk reacted, though its question is no answer. Restoration "wird … bis zu
    // Ihrer Antwort unterbrochen".
    asked().expect(
      at("2025-03-04T10:00Z").sla({
        response: { state: "met", clock: "stopped", elapsed: "1h", stoppedAt: "2025-03-03T10:00Z" },
        resolution: { state: "paused", elapsed: "1h" },
      }),
    );
  });

  it("a question after the reaction time is a late reaction: breached, and it still stops the clock", () => {
    opened("2025-03-03T09:00Z")
      .then(at("2025-03-03T14:00Z").askCustomer("Bitte senden Sie uns die Log-Datei."))
      .expect(at("2025-03-03T14:00Z").sla({ response: { state: "breached", clock: "stopped", elapsed: "5h" } }));
  });

  it("the answer resumes restoration with the time already used", () => {
    asked()
      .then(at("2025-03-04T13:00Z").comment("Die Log-Datei ist angehängt."))
      .expect(
        at("2025-03-04T13:00Z").sla({
          response: { state: "met" },
          // Restoration: 15 h left: Tue 3 h, Wed 8 h, Thu 4 h → Thu 13:00 CET.
          resolution: { state: "running", deadline: "2025-03-06T12:00Z" },
        }),
      );
  });

  it("the question reaches the customer by mail, in German", () => {
    asked().expect(
      notified([{ audience: "requester", locale: "de", data: { question: "Bitte senden Sie uns die Log-Datei." } }], {
        rule: "ticket-awaiting-customer",
      }),
    );
  });

  it("unanswered for 14 days, the ticket closes by itself", () => {
    asked()
      .expect(nextWakeUpAt("2025-03-17T10:00Z"))
      .then(timersUntil("2025-03-31T00:00Z"))
      .expect(
        timersFired([{ at: "2025-03-17T10:00Z", type: "close" }]),
        appended([{ type: "closed", data: { by: "system", reason: "auto-close-no-reply" } }]),
        notified(["requester:ticket-closed"]),
      );
  });
});

describe("P-D bearbeitet: closes by itself at the instant shown", () => {
  const resolved = () =>
    opened("2025-03-03T09:00Z")
      .then(at("2025-03-03T09:30Z").reply("Wir sehen uns das an."))
      .then(at("2025-03-04T15:00Z").resolve());

  it("the resolved notice shows when the ticket will close, and the timer closes it then", () => {
    resolved()
      .expect(
        notified([{ rule: "ticket-resolved", audience: "requester", data: { closesAt: "2025-03-11T15:00:00.000Z" } }]),
        nextWakeUpAt("2025-03-11T15:00Z"),
        at("2025-03-11T14:59Z").due([]),
      )
      .then(timersUntil("2025-03-20T00:00Z"))
      .expect(
        timersFired([{ at: "2025-03-11T15:00Z", type: "close" }]),
        appended([{ type: "closed", data: { by: "system", reason: "auto-close-resolved" } }]),
      );
  });

  it("applying the due close twice at the same instant appends nothing more", () => {
    resolved().then(timersUntil("2025-03-11T15:00Z")).expect(at("2025-03-11T15:00Z").due([]));
  });

  it("a customer comment before then reopens the ticket: restoration resumes, nothing closes it", () => {
    resolved()
      .then(at("2025-03-10T08:00Z").comment("Das Problem tritt wieder auf."))
      .expect(
        ticketState({ status: "open" }),
        appended([{ type: "commented" }, { type: "reopened" }]),
        // Restoration resumes with the 14 h already used (Mon 7 h, Tue 7 h): 2 h left → 12:00 CET.
        at("2025-03-10T08:00Z").sla({
          resolution: { state: "running", elapsed: "14h", deadline: "2025-03-10T10:00Z" },
        }),
        at("2025-03-11T15:00Z").due([], ["close"]),
      );
  });

  it.each([
    ["on the 30th day", "2025-04-10T15:00Z", "open"],
    // The document sets no limit: `reopenWindow: "unlimited"`.
    ["a year later", "2026-03-11T15:00Z", "open"],
  ])("after the automatic close, a customer comment %s: %s", (_, when, outcome) => {
    resolved()
      .then(timersUntil("2025-03-11T15:00Z"))
      .then(at(when).comment("Bitte noch einmal ansehen."))
      .expect(ticketState({ status: outcome }));
  });
});

describe("P-D mail and comments", () => {
  it("a new ticket is confirmed at once with its id in the subject tag and a link to the web interface", () => {
    // "Sie erhalten umgehend eine Antwort mit der Ticket-ID und einem Link auf die Web-Oberfläche."
    opened("2025-03-03T09:00Z")
      .expect(notified([{ audience: "requester", locale: "de" }], { rule: "ticket-opened" }))
      .check((s) => {
        const n = s.notices.find((i) => i.rule === "ticket-opened");
        expect(n?.data.tag).toBe(`[#${n?.data.number}]`);
        expect(n?.data.link).toBe(`https://tickets.cit.example/ticket/${s.state.ticketId}`);
      });
  });

  it("internal notes never reach the customer; public replies do", () => {
    opened("2025-03-03T09:00Z")
      .then(at("2025-03-03T09:10Z").note("intern"))
      .expect(notified([]))
      .then(at("2025-03-03T09:20Z").reply("Wir melden uns."))
      .expect(notified(["requester:public-reply"]));
  });
});
