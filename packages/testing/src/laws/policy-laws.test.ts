/**
 * The policy laws hold for the core on a desk's policy and on random policies, and each fails,
 * with a counterexample and the ticket's timeline, when the engine has a bug (mutation checks:
 * a `due` that is not idempotent, a pause that brings a deadline earlier, a longer target
 * that gives an earlier deadline, a restart that disagrees with keep start, a wake-up a
 * minute late, a breach recorded for a met metric, a ladder step that fires once in a
 * ticket's life instead of once per cycle).
 */
import {
  decodePolicy,
  HOUR,
  MINUTE,
  type Policy,
  type SlaStatus,
  type TicketCommand,
  type TicketState,
  timerActor,
} from "@ticketfold/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { slaPolicyArb } from "../arbitraries/sla-policy.js";
import { coreEngine, engineWith, type SlaEngine } from "../ticket-run/engine.js";
import { LawsFailed, runLaw } from "./law.js";
import type { PolicyLawId } from "./policy/context.js";
import { checkPolicyLaws, policyLaws } from "./policy-laws.js";

const office = [
  ["08:00", "12:00"],
  ["13:00", "17:00"],
];
const decoded = decodePolicy({
  id: "berlin-desk",
  name: "Berlin desk",
  priorities: {
    levels: [
      { id: "urgent", name: "Urgent" },
      { id: "normal", name: "Normal" },
      { id: "low", name: "Low" },
    ],
    default: "normal",
  },
  calendars: {
    office: {
      id: "office",
      version: 2,
      timeZone: "Europe/Berlin",
      week: { mon: office, tue: office, wed: office, thu: office, fri: office },
      holidays: ["12-25", "12-26", { easter: -2 }, { easter: 1 }],
    },
  },
  sla: {
    metrics: {
      response: {
        calendar: "office",
        targets: { urgent: { within: "1h", calendar: "24x7" }, normal: "4h", low: "8h" },
      },
      resolution: { calendar: "office", targets: { urgent: "8h", normal: "2d", low: "5d" } },
      "next-reply": { targets: { urgent: "2h", normal: "8h", low: "1d" } },
    },
    warnings: [{ percent: 75 }],
    ladder: [
      { metric: "resolution", multiple: 0.5, level: 1, roles: ["head-of-support"] },
      { metric: "resolution", multiple: 1, level: 2, roles: ["head-of-support", "account-manager"] },
    ],
    timers: {
      autoCloseResolved: { after: "7d" },
      downgradeOnSilence: [{ from: ["urgent"], to: "normal", after: "3h" }],
    },
  },
});
if (decoded._tag === "Left") throw new Error(decoded.left.message);
const desk: Policy = decoded.right;

const SKIP_REASON = "a reason a desk gives for skipping a law";

/** Runs one law against an engine; its outcome. */
const outcome = (id: PolicyLawId, engine: SlaEngine, numRuns = 200) => {
  const law = policyLaws(desk, { engine }).find((l) => l.id === id);
  if (law === undefined) throw new Error(`no law ${id}`);
  return runLaw(law, { numRuns, seed: 20250303 });
};

const mapStatus = (
  status: SlaStatus,
  change: (m: NonNullable<SlaStatus["response"]>) => NonNullable<SlaStatus["response"]>,
) => Object.fromEntries(Object.entries(status).map(([k, m]) => [k, m && change(m)])) as SlaStatus;

describe("checkPolicyLaws on the core", () => {
  it("every law holds on a Berlin desk, the ladder's included (steps are recorded per cycle, issue #13)", () => {
    const report = checkPolicyLaws(desk, { numRuns: 60 });
    expect(report.outcomes.filter((o) => o.status === "passed")).toHaveLength(8);
    expect(report.skipped).toEqual([]);
  });

  it("a skipped law is reported with its reason, not run", () => {
    const report = checkPolicyLaws(desk, { numRuns: 5, skip: { "ladder-once-per-cycle": SKIP_REASON } });
    expect(report.outcomes.filter((o) => o.status === "passed")).toHaveLength(7);
    expect(report.skipped).toEqual([
      expect.objectContaining({ id: "ladder-once-per-cycle", reason: SKIP_REASON, runs: 0 }),
    ]);
  });

  it("every law holds on random policies (slaPolicyArb)", () => {
    fc.assert(
      fc.property(slaPolicyArb(), (policy) => {
        checkPolicyLaws(policy, { numRuns: 8 });
      }),
      { numRuns: 12 },
    );
  });

  it("the ladder law holds where a clock has one cycle (a response ladder, one target for every priority)", () => {
    const oneCycle: Policy = {
      ...desk,
      sla: {
        ...desk.sla,
        metrics: { response: { calendar: "office", targets: { urgent: 4 * HOUR, normal: 4 * HOUR, low: 4 * HOUR } } },
        ladder: [
          { metric: "response", multiple: 0.5, level: 1, roles: ["head-of-support"] },
          { metric: "response", afterDeadline: 2 * HOUR, level: 2, roles: ["account-manager"] },
        ],
      },
    };
    const law = policyLaws(oneCycle).find((l) => l.id === "ladder-once-per-cycle");
    expect(law && runLaw(law, { numRuns: 150 }).status).toBe("passed");
  });
});

describe("mutation checks: the laws catch a broken engine", () => {
  it("a due that ignores what is recorded is not idempotent", () => {
    const o = outcome(
      "due-idempotent",
      engineWith({ due: (state, policy, now) => coreEngine.due({ ...state, slaRecords: [] }, policy, now) }),
    );
    expect(o.status).toBe("failed");
    expect(o.report).toContain("due yields again");
    expect(o.report).toContain("the ticket's timeline (policy berlin-desk, times in Europe/Berlin)");
  });

  it("a pause that moves the deadline an hour earlier breaks 'pausing never brings a deadline earlier'", () => {
    const o = outcome(
      "pause-never-earlier",
      engineWith({
        slaStatus: (state, policy, now) =>
          mapStatus(coreEngine.slaStatus(state, policy, now), (m) =>
            m.state === "paused" ? { ...m, deadline: m.deadline - HOUR } : m,
          ),
      }),
    );
    expect(o.status).toBe("failed");
    expect(o.report).toMatch(/the pause that began at .* moved the deadline from .* to/);
  });

  it("a long target counted from the wrong end breaks 'deadlines are monotonic in the target'", () => {
    const o = outcome(
      "deadline-monotonic-in-target",
      engineWith({
        slaStatus: (state, policy, now) =>
          mapStatus(coreEngine.slaStatus(state, policy, now), (m) =>
            m.target > 4 * HOUR ? { ...m, deadline: m.deadline - m.target } : m,
          ),
      }),
    );
    expect(o.status).toBe("failed");
  });

  it("a restart that counts a minute short disagrees with keep start", () => {
    const o = outcome(
      "retarget-keep-start-vs-restart",
      engineWith({
        slaStatus: (state, policy, now) =>
          mapStatus(coreEngine.slaStatus(state, policy, now), (m) =>
            policy.retarget === "restart" ? { ...m, deadline: m.deadline - MINUTE } : m,
          ),
      }),
    );
    expect(o.status).toBe("failed");
  });

  it("a wake-up a minute late is not exact: something is due before it", () => {
    const o = outcome(
      "next-wake-up-exact",
      engineWith({
        nextWakeUp: (state, policy) => {
          const wake = coreEngine.nextWakeUp(state, policy);
          return wake === null ? null : wake + MINUTE;
        },
      }),
    );
    expect(o.status).toBe("failed");
    expect(o.report).toMatch(/the next wake-up is .*, but at .* due already yields/);
  });

  it("a timer that records a breach of a met metric breaks 'no breach recorded for a met metric'", () => {
    const breachesMet = engineWith({
      due: (state, policy, now) => {
        const extra = Object.values(coreEngine.slaStatus(state, policy, now))
          .filter((m) => m.state === "met" && !state.slaRecords.includes(`${m.metric}/${m.cycle}/breach`))
          .map(
            (m) =>
              ({
                type: "record-sla-breach",
                ticketId: state.ticketId,
                tenantId: state.tenantId,
                at: now,
                actor: timerActor,
                data: { metric: m.metric, cycle: m.cycle, deadline: m.deadline },
              }) as TicketCommand,
          );
        return [...coreEngine.due(state, policy, now), ...extra];
      },
      nextWakeUp: (state, policy) => coreEngine.nextWakeUp(state, policy),
    });
    const o = outcome("no-breach-when-met", breachesMet);
    expect(o.status).toBe("failed");
    expect(o.report).toMatch(/a breach of \S+ \(cycle \d+\) was recorded at .*, when the clock was met/);
  });

  it("a breach recorded again by a keep-start re-target that leaves the clock late is caught", () => {
    // The engine before the fix: a breach was kept per target in force, so a downgrade on silence
    // of a clock already breached recorded a second breach.
    const perTarget = engineWith({
      due: (state, policy, now) => {
        const extra = Object.values(coreEngine.slaStatus(state, policy, now))
          .filter(
            (m) =>
              m.state === "breached" &&
              !state.slaRecords.includes(`${m.metric}/${m.cycle}/breach`) &&
              !coreEngine
                .due(state, policy, now)
                .some((c) => c.type === "record-sla-breach" && c.data.metric === m.metric),
          )
          .map(
            (m) =>
              ({
                type: "record-sla-breach",
                ticketId: state.ticketId,
                tenantId: state.tenantId,
                at: now,
                actor: timerActor,
                data: { metric: m.metric, cycle: m.cycle, deadline: m.deadline },
              }) as TicketCommand,
          );
        return [...coreEngine.due(state, policy, now), ...extra];
      },
    });
    const o = outcome("one-breach-per-run", perTarget, 300);
    expect(o.status).toBe("failed");
    expect(o.report).toMatch(
      /\S+ was breached again at .* in the run that started at .*, late without a break since its breach at/,
    );
  });

  it("a ladder step that fires once in a ticket's life, not once per cycle, is caught (the defect of issue #13)", () => {
    // The engine before the fix: a step recorded in one cycle counts as recorded in every cycle.
    const everyCycle = (state: TicketState): TicketState => ({
      ...state,
      slaRecords: [
        ...state.slaRecords,
        ...state.slaRecords.flatMap((k) => {
          const [metric, , what] = k.split("/");
          return what?.startsWith("step:") ? Array.from({ length: 64 }, (_, c) => `${metric}/${c}/${what}`) : [];
        }),
      ],
    });
    const oncePerLife = engineWith({
      due: (state, policy, now) => coreEngine.due(everyCycle(state), policy, now),
      nextWakeUp: (state, policy) => coreEngine.nextWakeUp(everyCycle(state), policy),
    });
    const o = outcome("ladder-once-per-cycle", oncePerLife, 300);
    expect(o.status).toBe("failed");
    expect(o.report).toMatch(
      /ladder step \d .* was reached at .* in cycle [1-9]\d* of \S+, but by .* it has not fired in that cycle/,
    );
  });

  it("checkPolicyLaws throws LawsFailed naming every failing law, and lists the skipped ones", () => {
    const late = engineWith({
      nextWakeUp: (state, policy) => {
        const wake = coreEngine.nextWakeUp(state, policy);
        return wake === null ? null : wake + MINUTE;
      },
    });
    let error: unknown;
    try {
      checkPolicyLaws(desk, { engine: late, numRuns: 100, seed: 1, skip: { "ladder-once-per-cycle": SKIP_REASON } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LawsFailed);
    const failed = error as LawsFailed;
    expect(failed.report.failed.map((o) => o.id)).toContain("next-wake-up-exact");
    expect(failed.message).toMatch(/^\d of 8 laws fail for policy berlin-desk \(1 skipped\)/);
    expect(failed.message).toContain(`- ladder-once-per-cycle skipped: ${SKIP_REASON}`);
  });
});
