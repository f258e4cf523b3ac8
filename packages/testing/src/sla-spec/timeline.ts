/**
 * A ticket's story as failure messages tell it: each command at its instant (in the scenario's
 * zone, UTC beside it), who did it, and what came of it — the events appended, or the refusal.
 * Commands the timers made due are marked, so a reader sees what time did and what people did.
 */
import type { Actor, TicketCommand } from "@ticketfold/core";
import type { RunEntry, TicketRun } from "../ticket-run/run.js";
import { showInstant } from "../time/display.js";

const who = (actor: Actor): string => `${actor.kind} ${actor.id}`;

/** What a command was about, in a few words: the priority opened with, the metric recorded, … */
const detail = (command: TicketCommand): string => {
  const data = command.data as Record<string, unknown>;
  switch (command.type) {
    case "open":
      return data.priority === undefined ? "" : ` (priority ${JSON.stringify(data.priority)})`;
    case "change-priority":
      return ` → ${String(data.priority)}`;
    case "change-policy":
      return ` → ${String(data.policyId)}`;
    case "comment":
      return data.visibility === "internal" ? " (internal)" : "";
    case "await-customer":
      return ` (${String(data.reason)})`;
    case "record-sla-warning":
      return ` ${String(data.metric)} ${String(data.warning)} (cycle ${String(data.cycle)})`;
    case "record-sla-breach":
      return ` ${String(data.metric)} (cycle ${String(data.cycle)})`;
    case "record-escalation-level":
      return ` level ${String(data.level)} step ${String(data.step)} (${String(data.metric)})`;
    case "close":
      return data.reason === undefined ? "" : ` (${String(data.reason)})`;
    default:
      return "";
  }
};

/** One line of the timeline. */
export const timelineLine = (entry: RunEntry, zone: string): string => {
  const by = entry.by === "timers" ? "timers" : `by ${who(entry.command.actor)}`;
  const outcome = entry.error
    ? `REFUSED ${entry.error.code}: ${entry.error.message}`
    : entry.events.length === 0
      ? "nothing to record"
      : entry.events.map((e) => e.type).join(", ");
  const state = entry.error ? "" : ` [${entry.after.status}, priority ${entry.after.priority ?? "none"}]`;
  return `  ${showInstant(entry.at, zone)}  ${entry.command.type}${detail(entry.command)} ${by} → ${outcome}${state}`;
};

/** The whole timeline, headed with the policy and the zone. */
export const timeline = (run: TicketRun, zone: string): string => {
  const head = `the ticket's timeline (policy ${run.policy.id}, times in ${zone}):`;
  if (run.entries.length === 0) return `${head}\n  (no steps yet)`;
  return [head, ...run.entries.map((e) => timelineLine(e, zone))].join("\n");
};
