/**
 * Decide: a command and the current state become new events, or a domain error. Legality
 * comes from the transition table; the rest are the rules the policies state. Pure: the
 * instant is the command's `at`, the policy is an argument.
 */
import * as E from "fp-ts/lib/Either.js";
import { decideEscalationRequest } from "../escalation/request.js";
import type { PolicyCore } from "../policy/policy.js";
import { findPriority } from "../policy/priority.js";
import { eventFrom } from "./build.js";
import type { CommandOf, TicketCommand } from "./commands.js";
import { type DomainError, illegalTransition, reopenWindowExpired } from "./errors.js";
import type { TicketEvent } from "./events.js";
import { decideOpen } from "./open.js";
import { slaRecordKey, type TicketState } from "./state.js";
import { type Action, type ActorKind, ruleFor } from "./transitions.js";

type Decision = E.Either<DomainError, TicketEvent[]>;
const ok = (...events: TicketEvent[]): Decision => E.right(events);

/** Checks the table: is `action` allowed in this status, by this actor? */
export const checkRule = (action: Action, state: TicketState, actor: ActorKind): DomainError | undefined => {
  const rule = ruleFor(action);
  if (!rule.from.includes(state.status)) {
    return state.status === "none" && action !== "open"
      ? { code: "TICKET_NOT_FOUND", ticketId: "", message: `cannot ${action}: the ticket has not been opened` }
      : state.status !== "none" && action === "open"
        ? {
            code: "TICKET_ALREADY_EXISTS",
            ticketId: state.ticketId ?? "",
            message: `ticket ${state.ticketId} already exists`,
          }
        : illegalTransition(action, state.status, rule.from);
  }
  if (!rule.by.includes(actor)) {
    return {
      code: "NOT_PERMITTED",
      action,
      actor,
      allowed: rule.by,
      message: `a ${actor} may not ${action}; only ${rule.by.join(" or ")}`,
    };
  }
  return undefined;
};

/** Work that waits for the customer's approval on change requests (P-B). */
const needsApproval = new Set<Action>(["accept", "share-plan", "resolve", "log-time", "schedule-session"]);

const reopenAllowed = (state: TicketState, at: number, policy: PolicyCore): DomainError | undefined => {
  if (state.status !== "closed" || state.closedAt === null) return undefined;
  const window = policy.workflow?.reopenWindow;
  if (window === undefined) return reopenWindowExpired(state.closedAt, null);
  if (window === "unlimited") return undefined;
  const end = state.closedAt + window;
  return at <= end ? undefined : reopenWindowExpired(state.closedAt, end);
};

const decideComment = (c: CommandOf<"comment">, s: TicketState, policy: PolicyCore): Decision => {
  const visibility = c.data.visibility ?? "public";
  const attachments = c.data.attachments ?? [];
  if (c.actor.kind === "requester") {
    // Customers never write internal notes.
    if (visibility === "internal") {
      return E.left({
        code: "NOT_PERMITTED",
        action: "internal-comment",
        actor: "requester",
        allowed: ["agent", "system"],
        message: "a requester may not write internal notes",
      });
    }
    const commented = eventFrom(c, "commented", { author: "customer", visibility, body: c.data.body, attachments });
    switch (s.status) {
      case "awaiting-customer":
        return ok(commented, eventFrom(c, "customer-replied", {}));
      case "resolved":
        return ok(commented, eventFrom(c, "reopened", { from: "resolved", reason: "customer-comment" }));
      case "closed": {
        const refused = reopenAllowed(s, c.at, policy);
        return refused
          ? E.left(refused)
          : ok(commented, eventFrom(c, "reopened", { from: "closed", reason: "customer-comment" }));
      }
      default:
        return ok(commented);
    }
  }
  // Staff notes and replies never change the status, closed tickets included (the table's
  // `comment` row: from every status, by anyone).
  const author = c.actor.kind === "agent" ? "agent" : "system";
  return ok(eventFrom(c, "commented", { author, visibility, body: c.data.body, attachments }));
};

const decideClose = (c: CommandOf<"close">, s: TicketState): Decision => {
  const by = c.actor.kind === "requester" ? "customer" : c.actor.kind;
  const reason =
    c.data.reason ??
    (s.status === "resolved"
      ? by === "system"
        ? "auto-close-resolved"
        : "confirmed"
      : s.status === "awaiting-customer" && by === "system"
        ? "auto-close-no-reply"
        : by === "customer"
          ? "withdrawn"
          : "other");
  return ok(eventFrom(c, "closed", { by, reason }));
};

const decideChangePriority = (c: CommandOf<"change-priority">, s: TicketState, policy: PolicyCore): Decision => {
  const level = findPriority(policy.priorities, c.data.priority);
  if (!level) {
    const allowed = policy.priorities.levels.map((l) => l.id);
    return E.left({
      code: "UNKNOWN_PRIORITY",
      priority: c.data.priority,
      allowed,
      message: `priority "${c.data.priority}" is not on the scale of policy ${policy.id} (${allowed.join(", ")})`,
    });
  }
  if (level.id === s.priority) return ok();
  return ok(
    eventFrom(c, "prioritised", {
      from: s.priority ?? policy.priorities.default,
      to: level.id,
      cause: c.data.cause ?? "manual",
      ...(c.data.reason === undefined ? {} : { reason: c.data.reason }),
    }),
  );
};

const decideLogTime = (c: CommandOf<"log-time">, s: TicketState, policy: PolicyCore): Decision => {
  const { minutes } = c.data;
  if (!Number.isInteger(minutes) || minutes <= 0 || minutes > 24 * 60) {
    return E.left({
      code: "INVALID_VALUE",
      field: "minutes",
      message: "minutes must be a whole number from 1 to 1440",
    });
  }
  const category = s.fields?.category;
  const billable =
    c.data.outOfPlan === true ||
    (category !== undefined && (policy.workflow?.billableCategories ?? []).includes(category));
  return ok(
    eventFrom(c, "time-logged", { minutes, billable, ...(c.data.note === undefined ? {} : { note: c.data.note }) }),
  );
};

const decideApproval = (c: CommandOf<"approve-change"> | CommandOf<"reject-change">, s: TicketState): Decision => {
  if (s.approval === "not-required") {
    return E.left({ code: "NOT_A_CHANGE_REQUEST", message: "this ticket does not wait for an approval" });
  }
  if (c.type === "approve-change") {
    return s.approval === "approved" ? ok() : ok(eventFrom(c, "change-approved", { approver: c.actor.id }));
  }
  return s.approval === "rejected"
    ? ok()
    : ok(
        eventFrom(c, "change-rejected", {
          approver: c.actor.id,
          ...(c.data.reason === undefined ? {} : { reason: c.data.reason }),
        }),
      );
};

/** Decides one command against a ticket's state under its policy. */
export const decide = (command: TicketCommand, state: TicketState, policy: PolicyCore): Decision => {
  const action: Action = command.type;
  if (state.ticketId !== null && state.ticketId !== command.ticketId) {
    return E.left({
      code: "WRONG_TICKET",
      expected: state.ticketId,
      got: command.ticketId,
      message: `command for ticket ${command.ticketId} given the state of ticket ${state.ticketId}`,
    });
  }
  if (state.policyId !== null && state.policyId !== policy.id) {
    return E.left({
      code: "POLICY_MISMATCH",
      expected: state.policyId,
      got: policy.id,
      message: `ticket is under policy ${state.policyId}, but policy ${policy.id} was given`,
    });
  }
  const refused = checkRule(action, state, command.actor.kind);
  if (refused)
    return E.left(refused.code === "TICKET_NOT_FOUND" ? { ...refused, ticketId: command.ticketId } : refused);
  if (needsApproval.has(action) && (state.approval === "pending" || state.approval === "rejected")) {
    return E.left({
      code: "APPROVAL_REQUIRED",
      approval: state.approval,
      action,
      message:
        state.approval === "pending"
          ? `cannot ${action}: the change request waits for the customer's approval`
          : `cannot ${action}: the change request was rejected`,
    });
  }
  const c = command;
  switch (c.type) {
    case "open":
      return decideOpen(c, policy);
    case "change-policy":
      return c.data.policyId === state.policyId
        ? ok()
        : ok(eventFrom(c, "policy-changed", { from: state.policyId ?? "", to: c.data.policyId }));
    case "change-priority":
      return decideChangePriority(c, state, policy);
    case "accept":
      return ok(eventFrom(c, "accepted", {}));
    case "assign":
      if (c.data.assignee === state.assignee && (c.data.group === undefined || c.data.group === state.group))
        return ok();
      return ok(eventFrom(c, "assigned", c.data));
    case "comment":
      return decideComment(c, state, policy);
    case "share-plan":
      return ok(eventFrom(c, "plan-shared", c.data));
    case "await-customer":
      return ok(eventFrom(c, "awaiting-customer", c.data));
    case "resolve":
      return ok(eventFrom(c, "resolved", c.data));
    case "reopen": {
      const blocked = reopenAllowed(state, c.at, policy);
      if (blocked) return E.left(blocked);
      const from = state.status === "closed" ? "closed" : "resolved";
      return ok(
        eventFrom(c, "reopened", { from, reason: c.actor.kind === "requester" ? "customer-request" : "agent" }),
      );
    }
    case "close":
      return decideClose(c, state);
    case "request-escalation":
      return decideEscalationRequest(c, state, policy);
    case "give-feedback":
      return ok(eventFrom(c, "feedback-given", c.data));
    case "log-time":
      return decideLogTime(c, state, policy);
    case "approve-change":
    case "reject-change":
      return decideApproval(c, state);
    case "schedule-session":
      if (c.data.length <= 0)
        return E.left({
          code: "INVALID_VALUE",
          field: "length",
          message: "a working session needs a length above zero",
        });
      return ok(eventFrom(c, "session-scheduled", c.data));
    case "record-sla-warning":
      return state.slaRecords.includes(slaRecordKey(c.data.metric, c.data.cycle, `warning:${c.data.warning}`))
        ? ok()
        : ok(eventFrom(c, "sla-warning-issued", c.data));
    case "record-sla-breach":
      return state.slaRecords.includes(slaRecordKey(c.data.metric, c.data.cycle, "breach"))
        ? ok()
        : ok(eventFrom(c, "sla-breached", c.data));
    case "record-escalation-level":
      return state.slaRecords.includes(slaRecordKey(c.data.metric, 0, `step:${c.data.step}`))
        ? ok()
        : ok(eventFrom(c, "escalation-level-reached", c.data));
    default: {
      const unreachable: never = c;
      return unreachable;
    }
  }
};
