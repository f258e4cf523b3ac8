/**
 * Decide: a command and the current state become new events, or a domain error. Who may is
 * authorisation's (authorize.ts: a table by default, the app's rule if it gives one); legality
 * comes from the transition table; the rest are the rules the policies state. Pure: the
 * instant is the command's `at`, the policy is an argument.
 */

import * as E from "fp-ts/lib/Either.js";
import type { Policy } from "../policy/policy.js";
import { policyVersionOf } from "../policy/resolver.js";
import type { TicketCommand } from "../ticket/commands.js";
import { olaRecordKey, slaRecordKey, type TicketState } from "../ticket/state.js";
import type { Action } from "../ticket/transitions.js";
import { type Authorize, defaultAuthorize } from "./authorize.js";
import { type Decision, eventFrom, ok } from "./build.js";
import { decideComment, reopenAllowed } from "./comment.js";
import { decideCorrectTime, decideFeedback } from "./customer-records.js";
import { escalationActions } from "./escalation-actions.js";
import { decideEscalationRequest } from "./escalation-request.js";
import { checkExists, checkStatus, needsApproval } from "./legality.js";
import { decideOpen } from "./open.js";
import { decideChangePolicy } from "./policy-change.js";
import { decideScheduleSession, type SessionBooking } from "./session.js";
import { decideApproval, decideChangePriority, decideClose, decideLogTime } from "./work.js";

export interface DecideOptions {
  /** Who may do what (authorize.ts); default `defaultAuthorize`, the permissions table. */
  readonly authorize?: Authorize;
  /**
   * For `schedule-session`: the engineer's sessions on the tenant's tickets that meet the
   * requested interval (read from `SessionBookings` by the handler); an overlap is refused.
   */
  readonly bookings?: readonly SessionBooking[];
}

/** Decides one command against a ticket's state under its policy. */
export const decide = (
  command: TicketCommand,
  state: TicketState,
  policy: Policy,
  options: DecideOptions = {},
): Decision => {
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
  // The ticket is judged under the version it is pinned to, never a later edit of its policy.
  if (state.policyVersion !== null && policyVersionOf(policy) !== state.policyVersion) {
    return E.left({
      code: "POLICY_MISMATCH",
      expected: `${state.policyId} version ${state.policyVersion}`,
      got: `${policy.id} version ${policyVersionOf(policy)}`,
      message: `ticket is under policy ${state.policyId} version ${state.policyVersion}, but version ${policyVersionOf(policy)} was given (a new version applies only through change-policy)`,
    });
  }
  const missing = checkExists(action, state, command.ticketId);
  if (missing) return E.left(missing);
  // Who may comes before the status, so a refused actor learns nothing of the ticket.
  const permission = (options.authorize ?? defaultAuthorize)(command, state, policy);
  if (E.isLeft(permission)) return permission;
  const illegal = checkStatus(action, state);
  if (illegal) return E.left(illegal);
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
      return decideChangePolicy(c, state);
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
      return decideFeedback(c, state);
    case "log-time":
      return decideLogTime(c, state, policy);
    case "correct-time":
      return decideCorrectTime(c, state);
    case "approve-change":
    case "reject-change":
      return decideApproval(c, state);
    case "schedule-session":
      return decideScheduleSession(c, state, policy, options.bookings);
    case "record-sla-warning":
      return state.slaRecords.includes(slaRecordKey(c.data.metric, c.data.cycle, `warning:${c.data.warning}`))
        ? ok()
        : ok(eventFrom(c, "sla-warning-issued", c.data));
    case "record-sla-breach":
      return state.slaRecords.includes(slaRecordKey(c.data.metric, c.data.cycle, "breach"))
        ? ok()
        : ok(eventFrom(c, "sla-breached", c.data));
    case "record-ola-breach":
      return state.slaRecords.includes(olaRecordKey(c.data.group, c.data.cycle))
        ? ok()
        : ok(eventFrom(c, "ola-breached", c.data));
    case "record-escalation-level":
      return state.slaRecords.includes(slaRecordKey(c.data.metric, c.data.cycle, `step:${c.data.step}`))
        ? ok()
        : ok(
            eventFrom(c, "escalation-level-reached", {
              level: c.data.level,
              metric: c.data.metric,
              cycle: c.data.cycle,
              step: c.data.step,
              roles: c.data.roles,
            }),
            ...escalationActions(c, state, policy),
          );
    default: {
      const unreachable: never = c;
      return unreachable;
    }
  }
};
