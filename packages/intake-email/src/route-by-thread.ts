/**
 * A reply routed by its thread: when `In-Reply-To` / `References` name a ticket (see
 * `threadTicketId`) and `resolveTicket` is given, the mail is a comment on that ticket, but only
 * if the ticket `resolveTicket` returns is that very ticket, belongs to the mailbox's tenant, and
 * the sender is its requester (or `isAllowedSender` lets them in). Otherwise the thread names no
 * usable ticket and the subject tag decides, as for any mail. So a forged or stale reference
 * (another tenant's ticket id, a ticket this sender may not write to, a malformed id) never
 * routes a mail anywhere, and reveals nothing: the mail is judged as if it had no reference.
 *
 * The core's notes on ticket numbers call the tag a hint and the thread the proof: a derived
 * number may be shared by two tickets, the whole id in the thread may not. So a usable thread
 * wins over the subject tag.
 */
import type { TenantId } from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import type { HeaderLines } from "mailparser";
import type { IntakeOptions } from "./options.js";
import type { RefusalDetails } from "./refusal.js";
import { callSafely, type Route, senderMayWrite } from "./route-by-tag.js";
import type { MailSender } from "./sender.js";
import { threadTicketId } from "./thread-reference.js";

export const routeByThread = async (
  lines: HeaderLines,
  sender: MailSender,
  options: Pick<IntakeOptions, "resolveTicket" | "isAllowedSender"> & { readonly tenantId: TenantId },
): Promise<E.Either<RefusalDetails, Route | undefined>> => {
  const ticketId = threadTicketId(lines);
  const resolve = options.resolveTicket;
  if (ticketId === undefined || resolve === undefined) return E.right(undefined);
  const found = await callSafely("resolveTicket", () => resolve(options.tenantId, ticketId));
  if (E.isLeft(found)) return found;
  const ticket = found.right;
  // The tenant is checked here, not left to the lookup; and the lookup must return the ticket asked for.
  if (ticket === undefined || ticket === null || ticket.tenantId !== options.tenantId || ticket.ticketId !== ticketId) {
    return E.right(undefined);
  }
  const may = await senderMayWrite(ticket, sender, options);
  if (E.isLeft(may)) return may;
  return E.right(may.right ? { kind: "comment", via: "thread", ticket } : undefined);
};
