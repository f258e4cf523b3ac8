/**
 * What the caller hands to `parseInboundMail`. Intake is pure apart from the callbacks: the
 * clock reading (`now`) and new ticket ids come in as arguments, and every lookup (tag → ticket,
 * login → customer, may this sender write here) is a function the caller supplies.
 */
import type {
  AttachmentStore,
  Category,
  Instant,
  Locale,
  AttachmentLimits as PolicyAttachmentLimits,
  PriorityScale,
  TenantId,
} from "@ticketfold/core";
import type { AttachmentLimits } from "./attachments.js";
import type { KeyFieldLabels } from "./key-fields.js";
import type { MailSender } from "./sender.js";
import type { SubjectTagFormat } from "./subject-tag.js";

/** What `resolveTag` (or `resolveTicket`) says about the ticket a subject tag (or thread) names. */
export interface TaggedTicket {
  readonly ticketId: string;
  readonly requesterEmail: string;
  readonly tenantId: string;
}

/** A P-C customer account, found by the `Login:` key field (the service contract number). */
export interface IntakeCustomer {
  readonly id: string;
  readonly name?: string;
  readonly organisation?: string;
  /** Defaults to the customer's `id`. */
  readonly contractId?: string;
  /** Queue tier, e.g. `vip` (P-B). */
  readonly tier?: string;
}

export interface KeyFieldOptions {
  /**
   * Require `Login:`; `lookup` returns the customer, or `undefined` for an unknown login (and
   * may return `undefined` when this sender does not belong to that customer).
   */
  readonly login?: {
    readonly lookup: (login: string, sender: MailSender) => Promise<IntakeCustomer | undefined>;
  };
  /** Read `Priority:`; a missing or malformed one becomes the policy default (P-C). */
  readonly priority?: boolean;
  /** Labels accepted for each key field (default `Login`, `Priority`). */
  readonly labels?: Partial<KeyFieldLabels>;
}

export interface IntakeLimits extends AttachmentLimits {
  /** Bytes of raw mail accepted at all; checked before parsing. */
  readonly maxRawBytes: number;
  /** Characters of description / comment text. */
  readonly maxBodyChars: number;
  /** Characters of HTML converted to text (an HTML-only mail above it is refused). */
  readonly maxHtmlChars: number;
}

export const defaultIntakeLimits: IntakeLimits = {
  maxRawBytes: 25 * 1024 * 1024,
  maxBodyChars: 100_000,
  maxHtmlChars: 1_000_000,
  maxAttachmentBytes: 10 * 1024 * 1024,
  maxTotalAttachmentBytes: 20 * 1024 * 1024,
  maxAttachments: 20,
};

/** The limits mail intake applies: its defaults, the caller's, then the policy's attachment limits. */
export const intakeLimitsOf = (options: Pick<IntakeOptions, "limits" | "attachmentPolicy">): IntakeLimits => {
  const policy = options.attachmentPolicy ?? {};
  return {
    ...defaultIntakeLimits,
    ...options.limits,
    ...(policy.maxFiles === undefined ? {} : { maxAttachments: policy.maxFiles }),
    ...(policy.maxTotalBytes === undefined ? {} : { maxTotalAttachmentBytes: policy.maxTotalBytes }),
    ...(policy.maxFileBytes === undefined ? {} : { maxAttachmentBytes: policy.maxFileBytes }),
  };
};

export interface IntakeOptions {
  /** The tenant whose mailbox received the mail. */
  readonly tenantId: TenantId;
  /** The caller's clock reading; becomes the command's `at`. */
  readonly now: Instant;
  /** A fresh ticket id (a ULID) for a new ticket; called at most once, only when opening. */
  readonly newTicketId: () => string;
  /** Subject tag → ticket, within the mailbox's tenant; `undefined` when unknown. */
  readonly resolveTag: (tenantId: TenantId, tag: string) => Promise<TaggedTicket | undefined>;
  /**
   * Asked only when the sender is not the ticket's requester: `true` lets the mail in as a
   * customer comment (e.g. a colleague of the same organisation, P-D). Absent = refuse.
   */
  readonly isAllowedSender?: (sender: MailSender, ticket: TaggedTicket) => boolean | Promise<boolean>;
  /**
   * Ticket id → ticket, within the mailbox's tenant; `undefined` when unknown. Asked when a
   * reply's `In-Reply-To` / `References` name a ticket (the thread root notify-email sends,
   * `<ticket.{ticketId}@{domain}>`). Absent: thread headers are not read, only subject tags.
   */
  readonly resolveTicket?: (tenantId: TenantId, ticketId: string) => Promise<TaggedTicket | undefined>;
  /** A tag naming no ticket: refuse (default, reveals nothing) or open a new ticket. */
  readonly unknownTag?: "refuse" | "open";
  readonly tagFormat?: Partial<SubjectTagFormat>;
  /** P-C key fields; absent = mail needs none. */
  readonly keyFields?: KeyFieldOptions;
  /** The policy's priority scale, to resolve `Priority:` (else the raw value goes to the core). */
  readonly priorities?: PriorityScale;
  /** Category of tickets opened by mail. Default `incident`. */
  readonly category?: Category;
  readonly limits?: Partial<IntakeLimits>;
  /**
   * The policy's attachment limits (`workflow.attachments`): its file count and sizes replace
   * `limits`' own, so mail accepts exactly what the core accepts on the web (P-C: "the same
   * whether by web or by email"). Media types are checked by the core on the command.
   */
  readonly attachmentPolicy?: PolicyAttachmentLimits | undefined;
  /**
   * Where the bytes of attachments are kept (an `AttachmentStore` adapter). With it, each file
   * is stored once the mail is accepted and the command carries references with their `id`;
   * without it, metadata only (the bytes are not kept).
   */
  readonly attachmentStore?: AttachmentStore | undefined;
  /** Language of refusal replies (pass the policy's `notifications.locale`). Default `en`. */
  readonly locale?: Locale | undefined;
  /**
   * List-Ids (`support.customer.example`, or `Name <support.customer.example>`) of mailing lists
   * that front this mailbox, e.g. a group address forwarding to the desk: their list headers
   * (`List-*`, `Precedence: list`) do not make a mail automatic.
   */
  readonly listIds?: readonly string[];
}
