/**
 * Staff decisions with rules of their own: closing (who and why), priority changes on the
 * policy's scale, logged time (billable by category or out-of-plan work, P-B), and the
 * approval of change requests (P-B).
 */
import * as E from "fp-ts/lib/Either.js";
import type { PolicyCore } from "../policy/lifecycle.js";
import { findPriority } from "../policy/priority.js";
import type { CommandOf } from "../ticket/commands.js";
import type { TicketState } from "../ticket/state.js";
import { type Decision, eventFrom, ok } from "./build.js";

export const decideClose = (c: CommandOf<"close">, s: TicketState): Decision => {
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

export const decideChangePriority = (c: CommandOf<"change-priority">, s: TicketState, policy: PolicyCore): Decision => {
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

export const decideLogTime = (c: CommandOf<"log-time">, s: TicketState, policy: PolicyCore): Decision => {
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

export const decideApproval = (
  c: CommandOf<"approve-change"> | CommandOf<"reject-change">,
  s: TicketState,
): Decision => {
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
