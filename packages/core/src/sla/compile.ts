/**
 * Compiles a policy's SLA part against a calendar lookup: resolves each calendar name once,
 * fills in the defaults of the metric table (semantics: Clocks) and checks what the codec
 * cannot (targets for priorities on the scale, sensible percentages).
 */
import * as E from "fp-ts/lib/Either.js";
import type { BusinessCalendar } from "../calendar/types.js";
import type { Threshold } from "../escalation/policy.js";
import type { Policy } from "../policy/full.js";
import { formatDuration } from "../shared/duration.js";
import type { MetricName } from "../ticket/events.js";
import type { CompiledMetric, CompiledPolicy, CompiledStep, CompiledWarning } from "./compiled.js";
import { NEVER_COUNTS, statusBit } from "./compiled.js";
import { invalidSla, type SlaPolicyError, unknownCalendar } from "./errors.js";
import type { MetricPolicy, Warning } from "./policy.js";

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

  const metrics: CompiledMetric[] = [];
  for (const name of METRICS) {
    const m: MetricPolicy | undefined = sla.metrics?.[name];
    if (!m) continue;
    const path = `sla.metrics.${name}`;
    for (const p of Object.keys(m.targets)) {
      if (!onScale.has(p)) return E.left(invalidSla(`${path}.targets.${p}`, `priority "${p}" is not on the scale`));
    }
    const cal = calendar(m.calendar, `${path}.calendar`);
    if (E.isLeft(cal)) return cal;
    const warnings: CompiledWarning[] = [];
    for (const [i, w] of (m.warnings ?? sla.warnings ?? []).entries()) {
      const bad = checkThreshold(w, `${path}.warnings[${i}]`);
      if (bad) return E.left(bad);
      warnings.push({ name: warningName(w), threshold: w });
    }
    let pauseMask = NEVER_COUNTS;
    for (const s of m.pauseWhile ?? DEFAULT_PAUSE[name]) pauseMask |= statusBit[s] ?? 0;
    metrics.push({ name, targets: m.targets, calendar: cal.right, pauseMask, warnings });
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
