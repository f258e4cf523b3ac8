/**
 * Compiles a policy's SLA part against a calendar lookup: resolves each calendar name once
 * (per metric and per target), fills in the defaults of the metric table (docs/design/sla-semantics.md#clocks)
 * and checks what the codec cannot (targets for priorities on the scale, sensible
 * percentages, stop events a metric can have).
 */
import * as E from "fp-ts/lib/Either.js";
import type { BusinessCalendar } from "../calendar/types.js";
import { formatDuration } from "../shared/duration.js";
import type { MetricName } from "../ticket/events.js";
import type {
  CalendarRef,
  CompiledMetric,
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

export const compileSla = (policy: Policy, calendarNamed: CalendarByName): E.Either<SlaPolicyError, CompiledPolicy> => {
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

  const metrics: CompiledMetric[] = [];
  for (const name of METRICS) {
    const m: MetricPolicy | undefined = sla.metrics?.[name];
    if (!m) continue;
    const path = `sla.metrics.${name}`;
    const cal = calendar(m.calendar, `${path}.calendar`);
    if (E.isLeft(cal)) return cal;
    // Equal targets share one value, so a re-target to an equal target is no change (sla/frame.ts).
    const targets = new Map<string, CompiledTarget>();
    const interned: CompiledTarget[] = [];
    for (const [p, target] of Object.entries(m.targets)) {
      if (!onScale.has(p)) return E.left(invalidSla(`${path}.targets.${p}`, `priority "${p}" is not on the scale`));
      const own = typeof target === "number" ? undefined : target.calendar;
      const targetCal = own === undefined ? cal : calendar(own, `${path}.targets.${p}.calendar`);
      if (E.isLeft(targetCal)) return targetCal;
      const within = typeof target === "number" ? target : target.within;
      let found = interned.find((x) => x.within === within && x.calendar === targetCal.right);
      if (found === undefined) {
        found = Object.freeze({ within, calendar: targetCal.right, calendarRef: refOf(targetCal.right) });
        interned.push(found);
      }
      targets.set(p, found);
    }
    const stopMask = compileStops(name, m.stopOn, `${path}.stopOn`);
    if (typeof stopMask !== "number") return E.left(stopMask);
    const warnings: CompiledWarning[] = [];
    for (const [i, w] of (m.warnings ?? sla.warnings ?? []).entries()) {
      const bad = checkThreshold(w, `${path}.warnings[${i}]`);
      if (bad) return E.left(bad);
      warnings.push({ name: warningName(w), threshold: w });
    }
    let pauseMask = NEVER_COUNTS;
    for (const s of m.pauseWhile ?? DEFAULT_PAUSE[name]) pauseMask |= statusBit[s] ?? 0;
    metrics.push({ name, targets, calendar: cal.right, pauseMask, stopMask, warnings });
  }

  const ladder: CompiledStep[] = [];
  for (const [index, step] of (sla.ladder ?? []).entries()) {
    const path = `sla.ladder[${index}]`;
    const bad = checkThreshold(step, path);
    if (bad) return E.left(bad);
    if (!metrics.some((m) => m.name === step.metric))
      return E.left(invalidSla(`${path}.metric`, `the policy has no "${step.metric}" metric`));
    const { metric, level, roles, ...threshold } = step;
    ladder.push({ index, metric, level, roles, threshold: threshold as Threshold });
  }

  const rules = sla.timers ?? {};
  const rulesCal = calendar(rules.calendar, "sla.timers.calendar");
  if (E.isLeft(rulesCal)) return rulesCal;
  for (const [i, d] of (rules.downgradeOnSilence ?? []).entries()) {
    for (const p of [...d.from, d.to]) {
      if (!onScale.has(p))
        return E.left(invalidSla(`sla.timers.downgradeOnSilence[${i}]`, `priority "${p}" is not on the scale`));
    }
  }

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
  });
};
