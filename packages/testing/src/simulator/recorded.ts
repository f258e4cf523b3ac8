/**
 * A recorded workload: what people did to real tickets, replayed under another policy. From
 * commands at instants, or from a recorded log (a store's `readAll` pages, or ticket events):
 * each event people caused becomes the command that caused it; what the timers did (warnings,
 * breaches, ladder steps, automatic closes and downgrades) is left out, for the simulated
 * policy's own timers to decide, and so are policy changes (the simulation runs one policy).
 */
import {
  type CommandOf,
  commandTypes,
  fromRecorded,
  NonEmptyTextC,
  type RecordedEvent,
  type TicketCommand,
  type TicketEvent,
} from "@ticketfold/core";
import type { RecordedWorkload } from "./workload.js";

type Draft = { [K in TicketCommand["type"]]: { type: K; data: CommandOf<K>["data"] } }[TicketCommand["type"]];

/** The command a person gave to cause `event`, or null for what the timers, or a comment's side effects, did. */
const commandOf = (event: TicketEvent): Draft | null => {
  switch (event.type) {
    case "opened": {
      const { priorityDefaulted, policyId: _policy, approvalRequired: _approval, ...fields } = event.data;
      // A defaulted priority was not asked for: the simulated policy's default applies.
      const { priority, ...rest } = fields;
      return { type: "open", data: priorityDefaulted ? rest : { ...rest, priority } };
    }
    case "prioritised":
      return event.data.cause === "customer-silence"
        ? null
        : { type: "change-priority", data: { priority: event.data.to, cause: event.data.cause } };
    case "accepted":
      return { type: "accept", data: {} };
    case "assigned":
      return { type: "assign", data: event.data };
    case "commented":
      return {
        type: "comment",
        data: { body: event.data.body, visibility: event.data.visibility, attachments: event.data.attachments },
      };
    case "plan-shared":
      return { type: "share-plan", data: event.data };
    case "awaiting-customer":
      return { type: "await-customer", data: event.data };
    case "resolved":
      return { type: "resolve", data: event.data };
    case "reopened":
      // A customer's comment reopens by itself (the comment is replayed); a request or an agent reopens by command.
      return event.data.reason === "customer-comment" ? null : { type: "reopen", data: {} };
    case "closed":
      return event.data.by === "system" ? null : { type: "close", data: { reason: event.data.reason } };
    case "escalation-requested":
      return { type: "request-escalation", data: event.data.reason === undefined ? {} : { reason: event.data.reason } };
    case "feedback-given":
      return { type: "give-feedback", data: event.data };
    case "time-logged":
      return {
        type: "log-time",
        data: { minutes: event.data.minutes, ...(event.data.note === undefined ? {} : { note: event.data.note }) },
      };
    case "time-corrected":
      return { type: "correct-time", data: event.data };
    case "change-approved":
      return { type: "approve-change", data: {} };
    case "change-rejected":
      return { type: "reject-change", data: event.data.reason === undefined ? {} : { reason: event.data.reason } };
    case "session-scheduled": {
      // The engineer the booking was decided with (a blank one, never written by decide, is dropped).
      const { engineer, ...session } = event.data;
      return {
        type: "schedule-session",
        data: engineer !== undefined && NonEmptyTextC.is(engineer) ? { ...session, engineer } : session,
      };
    }
    case "customer-replied":
    case "policy-changed":
    case "sla-warning-issued":
    case "sla-breached":
    case "ola-breached":
    case "escalation-level-reached":
      return null;
  }
};

const isRecorded = (u: TicketCommand | TicketEvent | RecordedEvent): u is RecordedEvent => "streamId" in u;
const isCommand = (u: TicketCommand | TicketEvent): u is TicketCommand =>
  (commandTypes as readonly string[]).includes(u.type);
/** Commands the timers give: the simulated policy's own timers decide them. */
const byTimers = (c: TicketCommand): boolean =>
  c.type === "record-sla-warning" ||
  c.type === "record-sla-breach" ||
  c.type === "record-escalation-level" ||
  (c.type === "change-priority" && c.data.cause === "customer-silence") ||
  (c.type === "close" && (c.data.reason === "auto-close-resolved" || c.data.reason === "auto-close-no-reply"));

const decoded = (r: RecordedEvent): TicketEvent => {
  const event = fromRecorded(r);
  if (event._tag === "Left") throw new Error(`recorded workload: ${event.left.message}`);
  return event.right;
};

/** A workload from commands at instants, or from a recorded log (`RecordedEvent`s or ticket events). */
export const recordedWorkload = (input: readonly (TicketCommand | TicketEvent | RecordedEvent)[]): RecordedWorkload => {
  const commands: TicketCommand[] = [];
  for (const item of input) {
    const value = isRecorded(item) ? decoded(item) : item;
    if (isCommand(value)) {
      if (!byTimers(value)) commands.push(value);
      continue;
    }
    const draft = commandOf(value);
    if (draft !== null)
      commands.push({
        ...draft,
        ticketId: value.ticketId,
        tenantId: value.tenantId,
        at: value.at,
        actor: value.actor,
      } as TicketCommand);
  }
  return { kind: "recorded", commands };
};
