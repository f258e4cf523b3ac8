/**
 * Intake's commands, built in their wire form and passed through the core's `decodeCommand`:
 * the core is the judge of what a valid command is, so a mail can never hand it one it would
 * not accept from any other boundary (ids, instant, non-empty text).
 */
import {
  type Attachment,
  type Category,
  type CommandOf,
  decodeCommand,
  formatInstant,
  type TicketCommand,
} from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import type { IntakeCustomer, IntakeOptions } from "./options.js";
import type { RefusalDetails } from "./refusal.js";
import type { MailSender } from "./sender.js";

const gate = <K extends TicketCommand["type"]>(type: K, encoded: unknown): E.Either<RefusalDetails, CommandOf<K>> => {
  const decoded = decodeCommand(encoded);
  if (E.isRight(decoded) && decoded.right.type === type) return E.right(decoded.right as CommandOf<K>);
  const issues = E.isLeft(decoded) && decoded.left.code === "INVALID_COMMAND" ? decoded.left.issues : [];
  return E.left({
    code: "INVALID_COMMAND",
    issues: issues.slice(0, 10).map((i) => ({ path: i.path, message: i.message })),
  });
};

// formatInstant throws on an instant outside Date's range; the core's decoder then names the bad `at`.
const wireInstant = (now: number): string => {
  try {
    return formatInstant(now);
  } catch {
    return String(now);
  }
};

const actorOf = (sender: MailSender) => ({
  kind: "requester" as const,
  id: sender.address,
  ...(sender.name === undefined ? {} : { name: sender.name }),
});

export interface OpenInput {
  readonly ticketId: string;
  readonly subject: string;
  readonly description: string;
  readonly sender: MailSender;
  readonly attachments: readonly Attachment[];
  readonly priority?: string;
  readonly customer?: IntakeCustomer;
}

/** A new ticket on the email channel; the sender is the requester (their address is their id). */
export const openCommand = (
  input: OpenInput,
  options: Pick<IntakeOptions, "tenantId" | "now" | "category">,
): E.Either<RefusalDetails, CommandOf<"open">> => {
  const { sender, customer } = input;
  const category: Category = options.category ?? "incident";
  return gate("open", {
    type: "open",
    ticketId: input.ticketId,
    tenantId: options.tenantId,
    at: wireInstant(options.now),
    actor: actorOf(sender),
    data: {
      subject: input.subject,
      description: input.description,
      category,
      channel: "email",
      requester: {
        id: sender.address,
        email: sender.address,
        ...(sender.name === undefined ? {} : { name: sender.name }),
      },
      ...(input.attachments.length > 0 ? { attachments: input.attachments } : {}),
      ...(input.priority === undefined ? {} : { priority: input.priority }),
      ...(customer === undefined
        ? {}
        : {
            contractId: customer.contractId ?? customer.id,
            ...(customer.organisation === undefined ? {} : { organisation: customer.organisation }),
            ...(customer.tier === undefined ? {} : { customerTier: customer.tier }),
          }),
    },
  });
};

/** A public comment by the customer: the core resumes or reopens the ticket as its rules say. */
export const commentCommand = (
  input: {
    readonly ticketId: string;
    readonly body: string;
    readonly sender: MailSender;
    readonly attachments: readonly Attachment[];
  },
  options: Pick<IntakeOptions, "tenantId" | "now">,
): E.Either<RefusalDetails, CommandOf<"comment">> =>
  gate("comment", {
    type: "comment",
    ticketId: input.ticketId,
    tenantId: options.tenantId,
    at: wireInstant(options.now),
    actor: actorOf(input.sender),
    data: {
      body: input.body,
      visibility: "public",
      ...(input.attachments.length > 0 ? { attachments: input.attachments } : {}),
    },
  });
