/**
 * Shows what the walkthrough did: for each ticket its current state and its history (one row
 * per event), then the refused commands with their error code and message.
 */
import { formatDuration, priorityRank, type TicketEvent, type TicketState } from "@ticketfold/core";
import { showInstant } from "./clock.js";
import type { WalkedTicket } from "./flow.js";
import type { Refusal } from "./script.js";
import { renderTable } from "./table.js";

const actorOf = (e: TicketEvent): string => `${e.actor.kind}:${e.actor.id}`;

/** A short, readable summary of an event's data. */
export const describeEvent = (e: TicketEvent): string => {
  switch (e.type) {
    case "opened":
      return `"${e.data.subject}" priority ${e.data.priority}${e.data.priorityDefaulted ? " (default)" : ""}, via ${e.data.channel}`;
    case "prioritised":
      return `${e.data.from} → ${e.data.to} (${e.data.cause})`;
    case "assigned":
      return `${e.data.assignee ?? "nobody"}${e.data.group === undefined ? "" : ` in ${e.data.group}`}`;
    case "commented":
      return `${e.data.visibility} by ${e.data.author}: ${e.data.body}`;
    case "awaiting-customer":
      return `${e.data.reason}${e.data.question === undefined ? "" : `: ${e.data.question}`}`;
    case "resolved":
      return e.data.resolution;
    case "reopened":
      return `from ${e.data.from} (${e.data.reason})`;
    case "closed":
      return `by ${e.data.by} (${e.data.reason})`;
    case "time-logged":
      return `${formatDuration(e.data.minutes * 60_000)} ${e.data.billable ? "billable" : "covered by the plan"}`;
    case "change-approved":
      return `approved by ${e.data.approver}`;
    default:
      return "";
  }
};

const stateRows = (t: WalkedTicket): string[][] => {
  const s: TicketState = t.loaded.state;
  const rank = s.priority === null ? -1 : priorityRank(t.policy.priorities, s.priority);
  const level = t.policy.priorities.levels[rank];
  return [
    ["ticket", `${t.ref.tenantId}/${t.ref.ticketId}`],
    ["policy", `${t.policy.id} (${t.policy.name})`],
    ["status", s.status],
    ["priority", level ? `${level.id} ${level.name}` : (s.priority ?? "-")],
    ["assignee", s.assignee === null ? "-" : `${s.assignee}${s.group === null ? "" : ` (${s.group})`}`],
    ["approval", s.approval],
    ["opened", showInstant(s.openedAt)],
    ["reopened", s.reopenedAt.length === 0 ? "-" : s.reopenedAt.map(showInstant).join(", ")],
    ["resolved", showInstant(s.resolvedAt)],
    ["closed", showInstant(s.closedAt)],
    ["comments", `${s.publicComments} public, ${s.internalComments} internal`],
    ["time", `${s.minutesBillable} min billable, ${s.minutesUnbilled} min in plan`],
    ["version", String(t.loaded.version)],
  ];
};

export const renderTicket = (t: WalkedTicket): string => {
  const history = t.loaded.events.map((e, i) => [
    String(i + 1),
    showInstant(e.at),
    actorOf(e),
    e.type,
    describeEvent(e),
  ]);
  return [
    `== ${t.title} ==`,
    renderTable(["field", "value"], stateRows(t)),
    "",
    renderTable(["#", "at", "actor", "event", "details"], history),
  ].join("\n");
};

export const renderRefusals = (refusals: readonly Refusal[]): string =>
  [
    "== Refused commands ==",
    renderTable(
      ["at", "ticket", "command", "by", "code", "message"],
      refusals.map((r) => [showInstant(r.at), r.ticket.tenantId, r.command, r.by.id, r.code, r.message]),
    ),
  ].join("\n");
