/**
 * The example printed in docs/email-intake.md. It lives here so it is type-checked and run
 * (docs.test.ts); the doc must contain the region between the markers verbatim.
 */
import { type Policy, type PriorityScale, type TicketCommand, tenantId } from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import { type IntakeCustomer, type IntakeReply, parseInboundMail, type TaggedTicket } from "./index.js";

export interface MailboxDeps {
  readonly clock: () => number;
  readonly newTicketId: () => string;
  readonly ticketByTag: (tenant: string, tag: string) => Promise<TaggedTicket | undefined>;
  readonly ticketById: (tenant: string, ticketId: string) => Promise<TaggedTicket | undefined>;
  readonly policy: Pick<Policy, "notifications">;
  readonly sameOrganisation: (a: string, b: string) => boolean;
  readonly customerByLogin: (login: string) => Promise<IntakeCustomer | undefined>;
  readonly priorities: PriorityScale;
  readonly send: (reply: IntakeReply) => Promise<void>;
  readonly handle: (command: TicketCommand) => Promise<void>;
}

// #region handle-inbound-mail
export const handleInboundMail = async (raw: Buffer, deps: MailboxDeps) => {
  const result = await parseInboundMail(raw, {
    tenantId: tenantId("acme"),
    now: deps.clock(), // the adapter reads the clock, intake does not
    newTicketId: deps.newTicketId, // e.g. ulid()
    resolveTag: (tenant, tag) => deps.ticketByTag(tenant, tag),
    // Answers to notices carry the ticket's thread root (In-Reply-To / References).
    resolveTicket: (tenant, ticketId) => deps.ticketById(tenant, ticketId),
    // Colleagues of the requester may reply too (P-D: the organisation sees its tickets).
    isAllowedSender: (sender, ticket) => deps.sameOrganisation(sender.address, ticket.requesterEmail),
    // P-C: the mail must start with "Login:" and may give "Priority:".
    keyFields: { login: { lookup: (login) => deps.customerByLogin(login) }, priority: true },
    priorities: deps.priorities,
    locale: deps.policy.notifications?.locale, // refusal replies in the policy's language
  });
  if (E.isLeft(result)) {
    if (result.left.reply) await deps.send(result.left.reply);
    return { refused: result.left.code };
  }
  await deps.handle(result.right.command); // through the command handler, which decides
  return { accepted: result.right.kind, ticketId: result.right.command.ticketId };
};
// #endregion handle-inbound-mail
