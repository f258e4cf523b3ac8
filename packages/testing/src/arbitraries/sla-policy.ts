/**
 * Whole policies with an SLA, as a desk could write them, for property tests: a priority scale
 * (2–5 levels), business calendars (calendarDefArb's) beside the built-in 24x7, metrics with
 * targets per priority (some on their own calendar), pause sets and stop events, warnings, an
 * escalation ladder, re-target and reopen modes, and time-driven rules (auto-closes, downgrade
 * on silence). Each is written as JSON (durations as text), then decoded with the core's
 * `decodePolicy`: a value that did not decode would fail here, so every value decodes (and
 * compiles: calendar names and priorities always exist).
 */
import { decodePolicy, type EncodedPolicy, type Policy } from "@ticketfold/core";
import fc from "fast-check";
import { type CalendarArbOptions, weeklyCalendarArb } from "../calendar/calendars.js";

const METRICS = ["response", "plan", "resolution", "next-reply"] as const;
const STATUSES = ["new", "open", "awaiting-customer"] as const;
const ANY_FIRST = ["public-reply", "accepted", "awaiting-customer", "plan-shared", "resolved"] as const;

export interface SlaPolicyArbOptions {
  /** The policy's id (default "random-desk"). */
  readonly id?: string;
  /** Options of the business calendars (zones, years). */
  readonly calendars?: CalendarArbOptions;
}

/** Minutes written as a policy writes them: `45m`, `4h`, `1h30m`, `2d`. */
const durationText = (minMinutes: number, maxMinutes: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.integer({ min: minMinutes, max: maxMinutes }).map((m) => `${m}m`),
    fc
      .integer({ min: Math.max(1, Math.ceil(minMinutes / 60)), max: Math.max(1, Math.floor(maxMinutes / 60)) })
      .map((h) => `${h}h`),
  );

const scaleArb = fc.integer({ min: 2, max: 5 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, i) => `p${i + 1}`);
  return fc.constantFrom(...ids).map((def) => ({
    levels: ids.map((id, i) => ({ id, name: `Priority ${i + 1}` })),
    default: def,
  }));
});

const metricArb = (name: (typeof METRICS)[number], ids: readonly string[], calendars: readonly string[]) =>
  fc.record(
    {
      targets: fc.subarray([...ids], { minLength: 1 }).chain((ps) =>
        fc
          .tuple(
            ...ps.map((_, i) =>
              fc.oneof(
                { weight: 4, arbitrary: durationText(15 * (i + 1), 60 * 24 * (i + 1)) },
                {
                  weight: 1,
                  arbitrary: fc.record({ within: durationText(15, 60 * 48), calendar: fc.constantFrom(...calendars) }),
                },
              ),
            ),
          )
          .map((ts) => Object.fromEntries(ps.map((p, i) => [p, ts[i]]))),
      ),
      calendar: fc.constantFrom(...calendars),
      pauseWhile: fc.subarray([...STATUSES]),
      stopOn:
        name === "response" || name === "plan" ? fc.subarray([...ANY_FIRST], { minLength: 1 }) : fc.constant(undefined),
      warnings: fc.array(
        fc.oneof(
          fc.record({ percent: fc.integer({ min: 10, max: 95 }) }),
          fc.record({ beforeDeadline: durationText(5, 120) }),
        ),
        {
          maxLength: 2,
        },
      ),
    },
    { requiredKeys: ["targets"] },
  );

/** A policy with an SLA (see the module note). */
export const slaPolicyArb = (options: SlaPolicyArbOptions = {}): fc.Arbitrary<Policy> =>
  fc
    .record({
      priorities: scaleArb,
      calendars: fc.array(weeklyCalendarArb(options.calendars), { maxLength: 2 }),
    })
    .chain(({ priorities, calendars }) => {
      const ids = priorities.levels.map((l) => l.id);
      const named = Object.fromEntries(calendars.map((c, i) => [`cal${i + 1}`, { ...c, id: `cal${i + 1}` }]));
      const calendarNames = ["24x7", ...Object.keys(named)];
      return fc
        .record({
          metrics: fc
            .subarray([...METRICS], { minLength: 1 })
            .chain((names) =>
              fc
                .tuple(...names.map((n) => metricArb(n, ids, calendarNames)))
                .map((ms) => Object.fromEntries(names.map((n, i) => [n, ms[i]]))),
            ),
          retarget: fc.constantFrom("keep-start", "restart"),
          reopen: fc.constantFrom("resume", "restart"),
          ladderSteps: fc.array(
            fc.record({
              level: fc.integer({ min: 1, max: 3 }),
              roles: fc.subarray(["head-of-support", "account-manager", "ceo"], { minLength: 1 }),
              threshold: fc.oneof(
                fc.record({ multiple: fc.constantFrom(0.5, 1, 2, 3) }),
                fc.record({ percent: fc.integer({ min: 25, max: 150 }) }),
                fc.record({ beforeDeadline: durationText(5, 60) }),
                fc.record({ afterDeadline: durationText(5, 240) }),
              ),
              pick: fc.nat(),
            }),
            { maxLength: 3 },
          ),
          timers: fc.record(
            {
              calendar: fc.constantFrom(...calendarNames),
              autoCloseResolved: fc.record({ after: durationText(60, 60 * 24 * 14) }),
              autoCloseAwaitingCustomer: fc.record({ after: durationText(60 * 24, 60 * 24 * 30) }),
              downgradeOnSilence: fc
                .tuple(fc.constantFrom(...ids), fc.constantFrom(...ids), durationText(30, 60 * 24))
                .filter(([from, to]) => from !== to)
                .map(([from, to, after]) => [{ from: [from], to, after }]),
            },
            { requiredKeys: [] },
          ),
        })
        .map(({ metrics, retarget, reopen, ladderSteps, timers }) => {
          const metricNames = Object.keys(metrics);
          const ladder = ladderSteps.map(({ level, roles, threshold, pick }) => ({
            metric: metricNames[pick % metricNames.length],
            level,
            roles,
            ...threshold,
          }));
          const json = {
            id: options.id ?? "random-desk",
            name: "A random desk",
            priorities,
            ...(Object.keys(named).length > 0 ? { calendars: named } : {}),
            sla: { metrics, retarget, reopen, ...(ladder.length > 0 ? { ladder } : {}), timers },
          };
          return decoded(JSON.parse(JSON.stringify(json)) as EncodedPolicy);
        });
    });

const decoded = (json: EncodedPolicy): Policy => {
  const result = decodePolicy(json);
  if (result._tag === "Left")
    throw new Error(`slaPolicyArb wrote a policy that does not decode: ${result.left.message}`);
  return result.right;
};
