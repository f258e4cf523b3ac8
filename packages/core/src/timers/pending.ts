/**
 * Everything time will change on a ticket as it stands (docs/design/sla-semantics.md#time-driven-rules): SLA
 * warnings and breaches not yet recorded, ladder steps not yet recorded in their metric's cycle, auto-closes and the
 * priority downgrade on customer silence — each with the instant it is due. `nextWakeUp` is the
 * earliest of them and `due` applies those at or before `now`, so the two can never disagree.
 *
 * Choices: a warning is dropped when the breach comes at the same time or earlier, or is
 * already recorded (no "75 %" notice after the deadline; `due` also drops a warning whose
 * breach is due with it, when timers ran late); warnings and ladder steps end when their clock stops; a breach
 * observed late (after a stop or a re-target) is still recorded; ladder steps are recorded while
 * the ticket is live only; a keep-start re-target of
 * a clock already breached in its run (`MetricFrame.firstCycle`) that is still late under the
 * new target records no second breach.
 */

import type { CompiledPolicy } from "../policy/compiled.js";
import { thresholdTime } from "../policy/ladder.js";
import { formatDuration } from "../shared/duration.js";
import type { Instant } from "../shared/instant.js";
import { olaClock } from "../sla/ola.js";
import { type ClockReader, createClockReader } from "../sla/reader.js";
import type { MetricName } from "../ticket/events.js";
import { olaRecordKey, slaRecordKey, type TicketState } from "../ticket/state.js";

export type PendingTimer =
  | {
      readonly kind: "escalation";
      readonly at: Instant;
      readonly metric: MetricName;
      readonly cycle: number;
      readonly step: number;
      /** The cycle the metric's run began in (a step that acts, acts once per run). */
      readonly runFrom: number;
    }
  | {
      readonly kind: "warning";
      readonly at: Instant;
      readonly metric: MetricName;
      readonly cycle: number;
      readonly warning: string;
    }
  | { readonly kind: "breach"; readonly at: Instant; readonly metric: MetricName; readonly cycle: number }
  | { readonly kind: "ola-breach"; readonly at: Instant; readonly group: string; readonly cycle: number }
  | { readonly kind: "downgrade"; readonly at: Instant; readonly to: string; readonly reason: string }
  | {
      readonly kind: "auto-close";
      readonly at: Instant;
      readonly reason: "auto-close-resolved" | "auto-close-no-reply";
    };

const LIVE = new Set(["new", "open", "awaiting-customer"]);

const slaTimers = (r: ClockReader, t: TicketState, cp: CompiledPolicy, out: PendingTimer[]): void => {
  const recorded = new Set(t.slaRecords);
  for (const metric of cp.metrics) {
    const frame = r.frame(t, cp, metric, Number.POSITIVE_INFINITY);
    if (frame === null) continue;
    const name = metric.name;
    const breachAt = r.reach(t, metric, frame, frame.target);
    let breachRecorded = recorded.has(slaRecordKey(name, frame.cycle, "breach"));
    // One breach per metric and run of the clock: a keep-start re-target (a downgrade on
    // silence) that finds the clock late already — its new target was used up when it took
    // effect — of a run already breached is the same lateness, not a second breach. A looser
    // target that gave time back, then runs out, is a new breach (recorded when it comes).
    if (!breachRecorded && breachAt !== null && breachAt <= frame.effectiveFrom && frame.effectiveFrom > frame.start)
      for (let c = frame.firstCycle; c < frame.cycle && !breachRecorded; c++)
        breachRecorded = recorded.has(slaRecordKey(name, c, "breach"));
    if (breachAt !== null && !breachRecorded)
      out.push({ kind: "breach", at: breachAt, metric: name, cycle: frame.cycle });
    if (frame.stop !== null || breachRecorded) continue;
    for (const w of metric.warnings) {
      const at = r.reach(t, metric, frame, thresholdTime(w.threshold, frame.target));
      if (at === null || (breachAt !== null && at >= breachAt)) continue;
      if (!recorded.has(slaRecordKey(name, frame.cycle, `warning:${w.name}`)))
        out.push({ kind: "warning", at, metric: name, cycle: frame.cycle, warning: w.name });
    }
  }
  if (!LIVE.has(t.status)) return;
  for (const step of cp.ladder) {
    const metric = cp.metrics.find((m) => m.name === step.metric);
    const frame = metric ? r.frame(t, cp, metric, Number.POSITIVE_INFINITY) : null;
    if (!metric || frame === null || frame.stop !== null) continue;
    // Once per cycle of its metric: a step reached again after a restart or re-target is told again.
    if (recorded.has(slaRecordKey(step.metric, frame.cycle, `step:${step.index}`))) continue;
    const at = r.reach(t, metric, frame, thresholdTime(step.threshold, frame.target));
    if (at !== null)
      out.push({
        kind: "escalation",
        at,
        metric: step.metric,
        cycle: frame.cycle,
        step: step.index,
        runFrom: frame.firstCycle,
      });
  }
};

/** Each group's OLA breach, once per hand-over (docs/sla.md, "OLAs"). */
const olaTimers = (t: TicketState, cp: CompiledPolicy, out: PendingTimer[]): void => {
  for (const ola of cp.olas) {
    const clock = olaClock(t, ola, Number.POSITIVE_INFINITY);
    if (clock === null || clock.breachedAt === null) continue;
    if (!t.slaRecords.includes(olaRecordKey(ola.group, clock.cycle)))
      out.push({ kind: "ola-breach", at: clock.breachedAt, group: ola.group, cycle: clock.cycle });
  }
};

const ruleTimers = (t: TicketState, cp: CompiledPolicy, out: PendingTimer[]): void => {
  const last = t.statusHistory[t.statusHistory.length - 1];
  if (last === undefined) return;
  const { calendar, autoCloseResolved, autoCloseAwaitingCustomer, downgradeOnSilence } = cp.timers;
  if (last.status === "resolved" && autoCloseResolved !== null)
    out.push({ kind: "auto-close", at: calendar.add(last.from, autoCloseResolved), reason: "auto-close-resolved" });
  if (last.status !== "awaiting-customer") return;
  if (autoCloseAwaitingCustomer !== null)
    out.push({
      kind: "auto-close",
      at: calendar.add(last.from, autoCloseAwaitingCustomer),
      reason: "auto-close-no-reply",
    });
  const rule = downgradeOnSilence.find((r) => t.priority !== null && r.from.includes(t.priority));
  if (rule === undefined || rule.to === t.priority) return;
  // Silence counts from the question, or from the last priority change if later, so a chain of
  // rules (1 → 2 → 3) steps one priority per silence period, never several at once.
  const changed = t.priorityHistory[t.priorityHistory.length - 1]?.at ?? last.from;
  const since = Math.max(last.from, changed);
  out.push({
    kind: "downgrade",
    at: calendar.add(since, rule.after),
    to: rule.to,
    reason: `the customer has not answered for ${formatDuration(rule.after)}`,
  });
};

/** Every pending timer of the ticket, in no particular order; read with `reader` (a new one by default). */
export const pendingTimers = (
  t: TicketState,
  cp: CompiledPolicy,
  reader: ClockReader = createClockReader(),
): PendingTimer[] => {
  const out: PendingTimer[] = [];
  if (t.openedAt === null) return out;
  slaTimers(reader, t, cp, out);
  olaTimers(t, cp, out);
  ruleTimers(t, cp, out);
  return out;
};
