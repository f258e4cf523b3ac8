/**
 * What a ladder step that acts does when the timers record it (docs/sla.md, "Steps that act";
 * issue #13: "escalation steps that act (reassign to a group, raise priority), not only
 * notify"). The events join the step's record in one decision, so they are appended together
 * or not at all, and a second delivery of the record (already held for its cycle) decides
 * nothing. A step acts once per run of its metric's clock: recorded again in a later cycle of
 * the same run (the re-target its own raise causes), it informs its roles again but does not
 * raise again.
 */
import type { Policy } from "../policy/policy.js";
import type { CommandOf } from "../ticket/commands.js";
import type { TicketEvent } from "../ticket/events.js";
import { slaRecordKey, type TicketState } from "../ticket/state.js";
import { eventFrom } from "./build.js";

const actedInRun = (c: CommandOf<"record-escalation-level">, s: TicketState): boolean => {
  const { metric, cycle, step } = c.data;
  for (let k = c.data.runFrom ?? cycle; k < cycle; k++)
    if (s.slaRecords.includes(slaRecordKey(metric, k, `step:${step}`))) return true;
  return false;
};

/** The events a step's actions add to its record: an `assigned` to the group, a `prioritised`. */
export const escalationActions = (
  c: CommandOf<"record-escalation-level">,
  s: TicketState,
  policy: Policy,
): TicketEvent[] => {
  const step = policy.sla?.ladder?.[c.data.step];
  if (step === undefined || actedInRun(c, s)) return [];
  const out: TicketEvent[] = [];
  if (step.reassign !== undefined && step.reassign.group !== s.group)
    out.push(eventFrom(c, "assigned", { assignee: null, group: step.reassign.group }));
  if (step.raisePriority !== undefined) {
    const levels = policy.priorities.levels;
    const from = s.priority ?? policy.priorities.default;
    const at = levels.findIndex((l) => l.id === from);
    const to = levels[Math.max(0, at - step.raisePriority)];
    if (at > 0 && to !== undefined && to.id !== from)
      out.push(
        eventFrom(c, "prioritised", {
          from,
          to: to.id,
          cause: "escalation",
          reason: `escalation step ${c.data.step} (level ${c.data.level}) raised the priority`,
        }),
      );
  }
  return out;
};
