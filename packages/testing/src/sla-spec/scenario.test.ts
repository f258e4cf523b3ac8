/**
 * given / when / then over time: expectations pass when the engine agrees, and fail with the
 * differences in the calendar's zone and the ticket's timeline when it does not; refusals,
 * timers, branching and the engine under test.
 */
import { AssertionError } from "node:assert";
import { decodePolicy, MINUTE, type Policy } from "@ticketfold/core";
import { describe, expect, it } from "vitest";
import { coreEngine, engineWith } from "../ticket-run/engine.js";
import { timersUntil } from "./acts.js";
import { at } from "./at.js";
import { deadlinesAt as deadlines, nextWakeUpAt } from "./clock-expectations.js";
import { appended, notified, ticketState, timersFired } from "./record-expectations.js";
import { given } from "./scenario.js";

const hours = [["09:00", "17:00"]];
const decoded = decodePolicy({
  id: "berlin",
  name: "Berlin desk",
  priorities: {
    levels: [
      { id: "high", name: "High" },
      { id: "normal", name: "Normal" },
    ],
    default: "normal",
  },
  calendars: {
    office: {
      id: "office",
      version: 1,
      timeZone: "Europe/Berlin",
      week: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours },
    },
  },
  sla: {
    metrics: {
      response: { calendar: "office", targets: { high: "1h", normal: "4h" } },
      resolution: { calendar: "office", targets: { high: "8h", normal: "16h" } },
    },
  },
});
if (decoded._tag === "Left") throw new Error(decoded.left.message);
const berlin: Policy = decoded.right;

/** The AssertionError `check` throws. */
const failure = (check: () => unknown): AssertionError => {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(AssertionError);
    return error as AssertionError;
  }
  throw new Error("expected the check to fail");
};

const opened = () => given(berlin).opened({ at: "Mon 2025-03-03 10:00", priority: "normal" });

describe("given(policy): the zone and the instants", () => {
  it("reads wall time in the zone of the policy's business calendar, and shows it there", () => {
    const s = opened();
    expect(s.zone).toBe("Europe/Berlin");
    expect(s.state.openedAt).toBe(Date.UTC(2025, 2, 3, 9, 0));
    // 16 h of office time: Mon 7 h, Tue 8 h, Wed 1 h.
    s.expect(deadlines({ response: "Mon 2025-03-03 14:00", resolution: "2025-03-05T09:00Z" }));
  });

  it("a wrong deadline fails with both instants in the calendar's zone and UTC, then the timeline", () => {
    const error = failure(() => opened().expect(deadlines({ response: "Mon 2025-03-03 15:00" })));
    expect(error.message).toBe(
      [
        "the deadlines at Mon 2025-03-03 10:00 Europe/Berlin (09:00Z)",
        "response.deadline: expected Mon 2025-03-03 15:00 Europe/Berlin (14:00Z), actual Mon 2025-03-03 14:00 Europe/Berlin (13:00Z)",
        "",
        "the ticket's timeline (policy berlin, times in Europe/Berlin):",
        '  Mon 2025-03-03 10:00 Europe/Berlin (09:00Z)  open (priority "normal") by requester cust-1 → opened [new, priority normal]',
      ].join("\n"),
    );
    expect([error.actual, error.expected]).toEqual([
      { response: "Mon 2025-03-03 14:00 Europe/Berlin (13:00Z)" },
      { response: "Mon 2025-03-03 15:00 Europe/Berlin (14:00Z)" },
    ]);
  });

  it("compares only what is named, with durations as policies write them", () => {
    opened()
      .then(at("Mon 2025-03-03 11:30").askCustomer())
      .expect(
        at("Tue 2025-03-04 10:00").sla({ response: "breached", resolution: { state: "paused", elapsed: "1h30m" } }),
      );
    const error = failure(() =>
      opened().expect(at("Mon 2025-03-03 12:00").sla({ resolution: { elapsed: "1h", remaining: "15h" } })),
    );
    expect(error.message).toContain("resolution.elapsed: expected 1h, actual 2h");
    expect(error.message).toContain("resolution.remaining: expected 15h, actual 14h");
  });

  it("a metric the ticket has no clock for is null", () => {
    opened().expect(at("Mon 2025-03-03 10:00").sla({ plan: null, "next-reply": null }));
    expect(failure(() => opened().expect(at("Mon 2025-03-03 10:00").sla({ response: null }))).message).toContain(
      "response: expected null",
    );
  });
});

describe("steps and refusals", () => {
  it("a refused step fails the scenario, naming the refusal and showing it in the timeline", () => {
    const error = failure(() => opened().then(at("Mon 2025-03-03 10:30").giveFeedback("positive")));
    expect(error.message).toMatch(
      /^the step give-feedback at Mon 2025-03-03 10:30 Europe\/Berlin \(09:30Z\) was refused: ILLEGAL_TRANSITION/,
    );
    expect(error.message).toContain("give-feedback by requester cust-1 → REFUSED ILLEGAL_TRANSITION");
  });

  it("refuses passes on a refusal with the code or fields, and fails on an accepted step", () => {
    opened().refuses(at("Mon 2025-03-03 10:30").giveFeedback("positive"), "ILLEGAL_TRANSITION");
    const error = failure(() => opened().refuses(at("Mon 2025-03-03 10:30").accept(), "ILLEGAL_TRANSITION"));
    expect(error.message).toMatch(/^the step accept at .* was accepted, but should be refused/);
  });

  it("branches from a shared beginning without one branch seeing the other", () => {
    const start = opened();
    const replied = start.then(at("Mon 2025-03-03 10:15").reply());
    const resolved = start.then(at("Mon 2025-03-03 10:20").resolve());
    expect([start.events.length, replied.state.status, resolved.state.status]).toEqual([1, "new", "resolved"]);
  });

  it("what the last step caused: its events and its notices", () => {
    opened()
      .then(at("Mon 2025-03-03 10:15").reply())
      .expect(appended([{ type: "commented", data: { author: "agent", visibility: "public" } }]))
      .expect(notified(["requester:public-reply"]))
      .expect(ticketState({ firstPublicAgentReplyAt: "Mon 2025-03-03 10:15" }));
  });

  it("can be returned from a test body: awaiting it resolves at once", async () => {
    await expect(Promise.resolve(opened())).resolves.toBeUndefined();
  });
});

describe("timers", () => {
  it("run as a scheduler runs them: each wake-up, each due command decided and applied", () => {
    opened()
      .expect(nextWakeUpAt("Mon 2025-03-03 14:00"))
      .then(timersUntil("Wed 2025-03-05 12:00"))
      .expect(
        timersFired([
          { at: "Mon 2025-03-03 14:00", type: "record-sla-breach", metric: "response", cycle: 0 },
          { at: "Wed 2025-03-05 10:00", type: "record-sla-breach", metric: "resolution" },
        ]),
      );
  });

  it("an engine that wakes with nothing due stops the run, saying so", () => {
    const idle = engineWith({ due: () => [], nextWakeUp: (s, p) => coreEngine.nextWakeUp(s, p) });
    const error = failure(() =>
      given(berlin, { engine: idle }).opened({ at: "Mon 2025-03-03 10:00" }).then(timersUntil("Tue 2025-03-04 10:00")),
    );
    expect(error.message).toContain(
      "the timers could not run to Tue 2025-03-04 10:00 Europe/Berlin (09:00Z): the engine wakes at 2025-03-03T13:00:00.000Z but nothing is due then",
    );
  });

  it("an expectation reads the engine under test", () => {
    const late = engineWith({ nextWakeUp: (s, p) => (coreEngine.nextWakeUp(s, p) ?? 0) + MINUTE });
    given(berlin, { engine: late }).opened({ at: "Mon 2025-03-03 10:00" }).expect(nextWakeUpAt("Mon 2025-03-03 14:01"));
  });
});
