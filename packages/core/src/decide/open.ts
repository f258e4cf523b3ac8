/**
 * The decision to open a ticket: mandatory fields (subject and description always, the rest
 * as the policy requires), the priority (given, else from impact, else the default — P-A, P-C;
 * with `impact.requesterPriority: "ignored"` the impact wins over a requester's typed one) and
 * whether the work waits for approval (P-B change requests).
 */
import * as E from "fp-ts/lib/Either.js";
import type { PolicyCore } from "../policy/lifecycle.js";
import { priorityForImpact, resolvePriority } from "../policy/priority.js";
import { policyVersionOf } from "../policy/resolver.js";
import type { RequirableField } from "../policy/workflow.js";
import type { CommandOf } from "../ticket/commands.js";
import type { DomainError } from "../ticket/errors.js";
import type { TicketEvent } from "../ticket/events.js";
import type { TicketFields } from "../ticket/fields.js";
import { attachmentRefusal } from "./attachments.js";
import { eventFrom } from "./build.js";

const fieldValue = (fields: TicketFields, field: RequirableField): unknown => {
  const [head, tail] = field.split(".") as [string, string | undefined];
  const top = (fields as Record<string, unknown>)[head];
  return tail === undefined ? top : (top as Record<string, unknown> | undefined)?.[tail];
};

const isBlank = (v: unknown): boolean => v === undefined || (typeof v === "string" && v.trim() === "");

const countOk = (v: number | undefined): boolean => v === undefined || (Number.isInteger(v) && v >= 0);

export const decideOpen = (command: CommandOf<"open">, policy: PolicyCore): E.Either<DomainError, TicketEvent[]> => {
  const { priority: rawPriority, ...fields } = command.data;
  // Subject and description are always mandatory; a command built in code (not decoded) can
  // still carry blank ones.
  for (const field of ["subject", "description"] as const) {
    if (isBlank(fields[field])) {
      return E.left({ code: "MISSING_FIELD", field, message: `${field} is required: say what the ticket is about` });
    }
  }
  for (const field of policy.workflow?.requiredFields ?? []) {
    if (isBlank(fieldValue(fields, field))) {
      return E.left({ code: "MISSING_FIELD", field, message: `${field} is required by policy ${policy.id}` });
    }
  }
  for (const field of ["affectedUsers", "totalUsers"] as const) {
    if (!countOk(fields[field])) {
      return E.left({ code: "INVALID_VALUE", field, message: `${field} must be a whole number of people, 0 or more` });
    }
  }
  const refused = attachmentRefusal(policy.workflow?.attachments, fields.attachments ?? [], policy.id);
  if (refused !== undefined) return E.left(refused);
  const scale = policy.priorities;
  const impact = scale.impact;
  if (
    impact?.requireTotal === true &&
    fields.affectedUsers !== undefined &&
    fields.affectedUsers > 1 &&
    fields.totalUsers === undefined
  ) {
    return E.left({
      code: "MISSING_FIELD",
      field: "totalUsers",
      message: `totalUsers is required by policy ${policy.id}: the share of users affected decides the priority`,
    });
  }
  let { priority, defaulted } = resolvePriority(scale, rawPriority);
  const impactWins = impact?.requesterPriority === "ignored" && command.actor.kind === "requester";
  if (
    (defaulted || impactWins) &&
    fields.affectedUsers !== undefined &&
    (fields.totalUsers !== undefined || fields.affectedUsers === 1)
  ) {
    const byImpact = priorityForImpact(scale, fields.affectedUsers, fields.totalUsers ?? 1);
    if (byImpact !== undefined) {
      priority = byImpact;
      defaulted = false;
    }
  }
  const approvalRequired = policy.workflow?.approvalRequired?.includes(fields.category) ?? false;
  return E.right([
    eventFrom(command, "opened", {
      ...fields,
      priority,
      priorityDefaulted: defaulted,
      policyId: policy.id,
      policyVersion: policyVersionOf(policy),
      approvalRequired,
    }),
  ]);
};
