/**
 * Expectations on the clocks at an instant: every metric's status (`sla`), its deadline
 * (`deadlines`), the escalation ladder (`escalation`), what `due` yields (`due`), and the next
 * wake-up (`nextWakeUpAt`). Each reads the engine at the instant given, or at the last step's.
 */
import type { Duration, MetricName, MetricState, TicketCommandType } from "@ticketfold/core";
import { showInstant } from "../time/display.js";
import { instant, type When } from "../time/when.js";
import type { Expectation, ScenarioView } from "./expectation.js";
import { compare } from "./match.js";

/** A metric's expected status: only the fields named are compared; instants and durations as text or numbers. */
export interface MetricExpectation {
  readonly state?: MetricState;
  readonly clock?: "running" | "paused" | "stopped";
  readonly priority?: string;
  readonly cycle?: number;
  readonly percent?: number;
  readonly target?: Duration | string;
  readonly elapsed?: Duration | string;
  readonly remaining?: Duration | string;
  readonly deadline?: When;
  readonly startedAt?: When;
  readonly breachedAt?: When | null;
  readonly stoppedAt?: When | null;
  readonly calendar?: { readonly id?: string; readonly version?: number };
}

/** Per metric: a state (`"met"`), the fields of its status, or `null` for "this ticket has no such clock". */
export type SlaExpectation = { readonly [K in MetricName]?: MetricState | MetricExpectation | null };

/** Per metric: its deadline, or `null` for "no such clock". */
export type DeadlineExpectation = { readonly [K in MetricName]?: When | null };

export interface StepExpectation {
  readonly level?: number;
  readonly step?: number;
  readonly metric?: MetricName;
  readonly roles?: readonly string[];
  readonly at?: When | null;
}

export interface EscalationExpectation {
  readonly level?: number;
  readonly roles?: readonly string[];
  readonly reached?: readonly StepExpectation[];
  readonly next?: StepExpectation | null;
}

/** A command, as `{ type, ...data }`; only the keys named are compared. */
export type CommandMatch = { readonly type?: TicketCommandType } & { readonly [key: string]: unknown };

const when = (at: When | undefined, view: ScenarioView) => (at === undefined ? view.now : instant(at, view.zone));
const zoneOf = (view: ScenarioView, metric: string): string => {
  const status = view.run.engine.slaStatus(view.run.state, view.run.compiled, view.now)[metric as MetricName];
  const def = status ? view.run.policy.calendars?.[status.calendar.id] : undefined;
  return def && def.kind !== "24x7" ? def.timeZone : view.zone;
};

export const slaAt = (expected: SlaExpectation, at?: When): Expectation => ({
  describe: (view) => `the SLA clocks at ${showInstant(when(at, view), view.zone)}`,
  check: (view) => {
    const status = view.run.engine.slaStatus(view.run.state, view.run.compiled, when(at, view));
    const actual = Object.fromEntries(
      Object.entries(expected).map(([m, e]) => {
        const s = status[m as MetricName] ?? null;
        return [m, typeof e === "string" && s !== null ? s.state : s];
      }),
    );
    return compare(actual, expected, view.zone);
  },
});

export const deadlinesAt = (expected: DeadlineExpectation, at?: When): Expectation => ({
  describe: (view) => `the deadlines at ${showInstant(when(at, view), view.zone)}`,
  check: (view) => {
    const status = view.run.engine.slaStatus(view.run.state, view.run.compiled, when(at, view));
    const actual = Object.fromEntries(
      Object.keys(expected).map((m) => [m, { deadline: status[m as MetricName]?.deadline ?? null }]),
    );
    const wanted = Object.fromEntries(Object.entries(expected).map(([m, d]) => [m, { deadline: d }]));
    // Each deadline is shown in its own metric's calendar zone, where a desk reads it.
    const parts = Object.keys(expected).map((m) => [m, compare(actual[m], wanted[m], zoneOf(view, m), "", m)] as const);
    return {
      same: parts.every(([, c]) => c.same),
      actual: Object.fromEntries(parts.map(([m, c]) => [m, (c.actual as { deadline: unknown }).deadline])),
      expected: Object.fromEntries(parts.map(([m, c]) => [m, (c.expected as { deadline: unknown }).deadline])),
      differences: parts.flatMap(([, c]) => c.differences),
    };
  },
});

export const escalationAt = (expected: EscalationExpectation, at?: When): Expectation => ({
  describe: (view) => `the escalation ladder at ${showInstant(when(at, view), view.zone)}`,
  check: (view) =>
    compare(view.run.engine.escalationStatus(view.run.state, view.run.compiled, when(at, view)), expected, view.zone),
});

/** The commands as `{ type, ...data }`, optionally only those of some types. */
export const commandShapes = (commands: readonly { type: string; data: unknown }[], only?: readonly string[]) =>
  commands
    .filter((c) => only === undefined || only.includes(c.type))
    .map((c) => ({ type: c.type, ...(c.data as Record<string, unknown>) }));

export const dueAt = (
  expected: readonly CommandMatch[],
  at?: When,
  only?: readonly TicketCommandType[],
): Expectation => ({
  describe: (view) =>
    `the commands due at ${showInstant(when(at, view), view.zone)}${only ? ` (${only.join(", ")})` : ""}`,
  check: (view) =>
    compare(
      commandShapes(view.run.engine.due(view.run.state, view.run.compiled, when(at, view)), only),
      expected,
      view.zone,
    ),
});

/** The next instant the ticket needs waking (`null`: none until another event). */
export const nextWakeUpAt = (expected: When | null): Expectation => ({
  describe: () => "the next wake-up",
  check: (view) =>
    compare({ at: view.run.engine.nextWakeUp(view.run.state, view.run.compiled) }, { at: expected }, view.zone),
});
