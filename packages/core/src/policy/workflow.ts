/**
 * Workflow rules of a policy: which intake fields are mandatory, which categories need
 * approval before work (P-B change requests) or bill their time, how long a closed ticket may
 * still be reopened, which priorities must also be phoned in (P-B, P-C), how many and how
 * large attachments may be (P-C) and the order of customer tiers (P-B).
 */
import * as t from "io-ts";
import { DurationC } from "../shared/duration.js";
import { CategoryC } from "../ticket/fields.js";
import { AttachmentLimitsC } from "./attachment-limits.js";

/** Fields a policy can make mandatory on intake (subject and description always are). */
export const RequirableFieldC = t.keyof({
  organisation: null,
  contractId: null,
  product: null,
  serialNumber: null,
  affectedUsers: null,
  "requester.email": null,
  "requester.phone": null,
  "intake.startedAt": null,
  "intake.troubleshooting": null,
  "intake.location": null,
  "intake.impactOnWork": null,
});
export type RequirableField = t.TypeOf<typeof RequirableFieldC>;

export const WorkflowC = t.partial({
  requiredFields: t.array(RequirableFieldC),
  /** Categories whose work waits for the customer's approval (P-B: change requests). */
  approvalRequired: t.array(CategoryC),
  /** Categories whose logged time is billable; other time is covered by the plan (P-B). */
  billableCategories: t.array(CategoryC),
  /**
   * How long after closing a customer comment (or a reopen) may still reopen a ticket:
   * a duration, or `"unlimited"` (P-D: a comment always reopens); absent = closed is final.
   */
  reopenWindow: t.union([DurationC, t.literal("unlimited")]),
  /** Priorities that must also be phoned in (a reminder, never a block: P-B, P-C). */
  phoneInPriorities: t.array(t.string),
  /**
   * Working sessions (P-A "schedule your time", P-B "book a time with an IT Pro"): a session is
   * booked only inside open time of `calendar` (a key of `calendars`, the engineers' hours) and
   * never over another session of the ticket; `bookingLink` (`{ticketId}`, `{number}` filled in)
   * is the page where the customer picks a time, sent by the `session-booking-link` notice.
   */
  sessions: t.intersection([t.type({ calendar: t.string }), t.partial({ bookingLink: t.string })]),
  /** Attachment limits on `open` and `comment`, for every channel (P-C: 5 files, 10 MB). */
  attachments: AttachmentLimitsC,
  /**
   * The customer tiers in the order they are served (P-B: `["vip", "standard"]`; a scale such
   * as `["vip", "gold", "standard"]`). Absent: `["vip"]`, VIP before everyone else.
   */
  customerTiers: t.array(t.string),
});
export type Workflow = t.TypeOf<typeof WorkflowC>;
