/**
 * Compiles a policy's SLA part against a calendar lookup: resolves each calendar name once
 * (per metric and per target), fills in the defaults of the metric table (docs/design/sla-semantics.md#clocks)
 * and checks what the codec cannot (targets for priorities on the scale, sensible
 * percentages, stop events a metric can have).
 */
import * as E from "fp-ts/lib/Either.js";
import { twentyFourSeven } from "../calendar/twentyFourSeven.js";
import type { BusinessCalendar } from "../calendar/types.js";
import { formatDuration } from "../shared/duration.js";
import { appendPath, formatPath } from "../shared/path.js";
import type { MetricName } from "../ticket/events.js";
import { internTarget } from "./compile-target.js";
import type {
  CalendarRef,
  CompiledMetric,
  CompiledOla,
  CompiledPolicy,
  CompiledStep,
  CompiledTarget,
  CompiledWarning,
} from "./compiled.js";
import { NEVER_COUNTS, statusBit } from "./compiled.js";
import { invalidSla, type SlaPolicyError, unknownCalendar } from "./errors.js";
import type { Threshold } from "./ladder.js";
import type { Policy } from "./policy.js";
import type { MetricPolicy, Warning } from "./sla.js";
import { compileStops } from "./stop-on.js";

/** Finds a calendar by the name a policy uses; `undefined` when there is none. */
export type CalendarByName = (name: string) => BusinessCalendar | undefined;

const METRICS: readonly MetricName[] = ["response", "plan", "resolution", "next-reply"];

/** Pauses from the metric table: plan and resolution wait while awaiting the customer. */
const DEFAULT_PAUSE: Readonly<Record<MetricName, readonly string[]>> = {
  response: [],
  plan: ["awaiting-customer"],
  resolution: ["awaiting-customer"],
  "next-reply": [],
};

const warningName = (w: Warning): string =>
  "percent" in w ? `${w.percent}%` : `${formatDuration(w.beforeDeadline)}-before`;

const checkThreshold = (th: Threshold, path: string): SlaPolicyError | undefined => {
  if ("percent" in th && !(th.percent > 0)) return invalidSla(path, `percent must be above 0, got ${th.percent}`);
  if ("multiple" in th && !(th.multiple > 0)) return invalidSla(path, `multiple must be above 0, got ${th.multiple}`);
  return undefined;
};

/** `compileSlaAll`, stopping at the first error. */
export const compileSla = (policy: Policy, calendarNamed: CalendarByName): E.Either<SlaPolicyError, CompiledPolicy> => {
  const all = compileSlaAll(policy, calendarNamed);
  return E.isLeft(all) ? E.left(all.left[0] as SlaPolicyError) : all;
};

/** Compiles the SLA part, or every error found in it (each with its path). */
export const compileSlaAll = (
  policy: Policy,
  calendarNamed: CalendarByName,
): E.Either<readonly SlaPolicyError[], CompiledPolicy> => {
  const errors: SlaPolicyError[] = [];
  const sla = policy.sla ?? {};
  const known = ["24x7", ...Object.keys(policy.calendars ?? {})];
  const onScale = new Set<string>(policy.priorities.levels.map((l) => l.id));
  const calendar = (name: string | undefined, path: string): E.Either<SlaPolicyError, BusinessCalendar> => {
    const found = calendarNamed(name ?? "24x7");
    return found ? E.right(found) : E.left(unknownCalendar(name ?? "24x7", path, known));
  };

  const refs = new Map<BusinessCalendar, CalendarRef>();
  const refOf = (cal: BusinessCalendar): CalendarRef => {
    let ref = refs.get(cal);
    if (ref === undefined) {
      ref = Object.freeze({ id: cal.id, version: cal.version });
      refs.set(cal, ref);
    }
    return ref;
  };

  /**
   * A table of targets per priority (a metric's or an OLA's), each on its own calendar or on
   * `cal`; every bad entry is reported and left out. Equal targets share one value, so a
   * re-target to an equal target is no change (sla/frame.ts).
   */
  const compileTargets = (
    table: MetricPolicy["targets"],
    path: string,
    cal: BusinessCalendar,
  ): Map<string, CompiledTarget> => {
    const targets = new Map<string, CompiledTarget>();
    const interned: CompiledTarget[] = [];
    for (const [p, target] of Object.entries(table)) {
      const targetPath = appendPath(appendPath(path, "targets"), p);
      if (!onScale.has(p)) {
        errors.push(invalidSla(targetPath, `priority "${p}" is not on the scale`));
        continue;
      }
      const own = typeof target === "number" ? undefined : target.calendar;
      const targetCal = own === undefined ? E.right(cal) : calendar(own, appendPath(targetPath, "calendar"));
      if (E.isLeft(targetCal)) {
        errors.push(targetCal.left);
        continue;
      }
      const found = internTarget(interned, target, targetCal.right, refOf);
      if (typeof found === "string") errors.push(invalidSla(targetPath, found));
      else targets.set(p, found);
    }
    return targets;
  };

  const metrics: CompiledMetric[] = [];
  for (const name of METRICS) {
    const m: MetricPolicy | undefined = sla.metrics?.[name];
    if (!m) continue;
    const path = formatPath(["sla", "metrics", name]);
    const metricCal = calendar(m.calendar, appendPath(path, "calendar"));
    if (E.isLeft(metricCal)) errors.push(metricCal.left);
    // An unknown calendar is reported; the rest of the metric is still checked (on 24x7).
    const cal = E.right(E.isLeft(metricCal) ? twentyFourSeven : metricCal.right) as E.Right<BusinessCalendar>;
    const targets = compileTargets(m.targets, path, cal.right);
    const stopMask = compileStops(name, m.stopOn, appendPath(path, "stopOn"));
    if (typeof stopMask !== "number") errors.push(stopMask);
    const warnings: CompiledWarning[] = [];
    const own = m.warnings !== undefined;
    for (const [i, w] of (m.warnings ?? sla.warnings ?? []).entries()) {
      // The SLA-wide warnings are checked once, below.
      const bad = own ? checkThreshold(w, formatPath(["sla", "metrics", name, "warnings", i])) : undefined;
      if (bad) errors.push(bad);
      else warnings.push({ name: warningName(w), threshold: w });
    }
    let pauseMask = NEVER_COUNTS;
    for (const s of m.pauseWhile ?? DEFAULT_PAUSE[name]) pauseMask |= statusBit[s] ?? 0;
    metrics.push({
      name,
      targets,
      calendar: cal.right,
      pauseMask,
      stopMask: typeof stopMask === "number" ? stopMask : 0,
      warnings,
    });
  }
  for (const [i, w] of (sla.warnings ?? []).entries()) {
    const bad = checkThreshold(w, formatPath(["sla", "warnings", i]));
    if (bad) errors.push(bad);
  }

  const ladder: CompiledStep[] = [];
  for (const [index, step] of (sla.ladder ?? []).entries()) {
    const path = formatPath(["sla", "ladder", index]);
    const bad = checkThreshold(step, path);
    if (bad) errors.push(bad);
    if (!metrics.some((m) => m.name === step.metric))
      errors.push(invalidSla(appendPath(path, "metric"), `the policy has no "${step.metric}" metric`));
    if (bad || !metrics.some((m) => m.name === step.metric)) continue;
    const { metric, level, roles, reassign, raisePriority, ...threshold } = step;
    if (raisePriority !== undefined && !(Number.isInteger(raisePriority) && raisePriority > 0)) {
      errors.push(
        invalidSla(
          appendPath(path, "raisePriority"),
          `raisePriority must be a whole number of levels above 0, got ${raisePriority}`,
        ),
      );
      continue;
    }
    const acts = reassign !== undefined || raisePriority !== undefined;
    ladder.push({ index, metric, level, roles, threshold: threshold as Threshold, acts });
  }

  const rules = sla.timers ?? {};
  const rulesCal = calendar(rules.calendar, "sla.timers.calendar");
  if (E.isLeft(rulesCal)) errors.push(rulesCal.left);
  for (const [i, d] of (rules.downgradeOnSilence ?? []).entries()) {
    for (const p of [...d.from, d.to]) {
      if (!onScale.has(p))
        errors.push(
          invalidSla(formatPath(["sla", "timers", "downgradeOnSilence", i]), `priority "${p}" is not on the scale`),
        );
    }
  }
  const olas: CompiledOla[] = [];
  for (const [i, ola] of (sla.olas ?? []).entries()) {
    const path = formatPath(["sla", "olas", i]);
    if (olas.some((o) => o.group === ola.group)) {
      errors.push(invalidSla(appendPath(path, "group"), `group "${ola.group}" has an OLA already`));
      continue;
    }
    const olaCal = calendar(ola.calendar, appendPath(path, "calendar"));
    if (E.isLeft(olaCal)) {
      errors.push(olaCal.left);
      continue;
    }
    const targets = compileTargets(ola.targets, path, olaCal.right);
    let pauseMask = NEVER_COUNTS;
    for (const s of ola.pauseWhile ?? ["awaiting-customer"]) pauseMask |= statusBit[s] ?? 0;
    olas.push({ group: ola.group, targets, pauseMask });
  }

  const sessionsDef = policy.workflow?.sessions;
  const sessionsCal =
    sessionsDef === undefined ? undefined : calendar(sessionsDef.calendar, "workflow.sessions.calendar");
  if (sessionsCal !== undefined && E.isLeft(sessionsCal)) errors.push(sessionsCal.left);
  if (errors.length > 0 || E.isLeft(rulesCal)) return E.left(errors);

  return E.right({
    policy,
    metrics,
    retarget: sla.retarget ?? "keep-start",
    reopen: sla.reopen ?? "resume",
    ladder,
    timers: {
      calendar: rulesCal.right,
      autoCloseResolved: rules.autoCloseResolved?.after ?? null,
      autoCloseAwaitingCustomer: rules.autoCloseAwaitingCustomer?.after ?? null,
      downgradeOnSilence: rules.downgradeOnSilence ?? [],
    },
    olas,
    sessions: sessionsCal !== undefined && E.isRight(sessionsCal) ? { calendar: sessionsCal.right } : null,
  });
};
