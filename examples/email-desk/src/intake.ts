/**
 * Mail in: an SMTP listener on loopback whose every message goes through `parseInboundMail`
 * (intake-email) and then, as a ticket command, through the notifying handler — so the
 * confirmation the customer gets is written to the outbox with the ticket's first event. A new
 * mail opens a ticket and is given the desk's next number; a reply to a notice (its thread) or
 * carrying `[#number]` becomes a customer comment. A refusal is logged, and its `reply` (in the
 * policy's language) is mailed back when intake offers one: never to automatic mail.
 */
import type { AddressInfo } from "node:net";
import {
  type CommandOf,
  type HandlerError,
  type Locale,
  loadTicket,
  type OutboxStore,
  tenantId as toTenantId,
} from "@ticketfold/core";
import { type IntakeReply, parseInboundMail } from "@ticketfold/intake-email";
import * as E from "fp-ts/lib/Either.js";
import { SMTPServer } from "smtp-server";
import type { TicketNumbers } from "./ticket-numbers.js";

export type IntakeOutcome =
  | { readonly kind: "opened"; readonly ticketId: string; readonly number: string; readonly subject: string }
  | {
      readonly kind: "commented";
      readonly ticketId: string;
      readonly number: string;
      /** What named the ticket: the reply's thread headers or the subject tag. */
      readonly via: "thread" | "tag";
    }
  | { readonly kind: "refused"; readonly code: string; readonly message: string; readonly replied?: boolean };

export interface IntakeDeps {
  readonly store: OutboxStore;
  readonly numbers: TicketNumbers;
  readonly tenantId: string;
  readonly now: () => number;
  readonly newTicketId: () => string;
  /** The policy's `notifications.locale`: the language of refusal replies. */
  readonly locale?: Locale | undefined;
  /** Mails a refusal's reply back to its sender. */
  readonly sendReply?: (reply: IntakeReply) => Promise<void>;
  /** Runs a ticket command through the notifying handler. */
  readonly handle: (command: CommandOf<"open"> | CommandOf<"comment">) => Promise<E.Either<HandlerError, unknown>>;
}

const failed = (error: HandlerError): IntakeOutcome => ({ kind: "refused", code: error.code, message: error.message });

/** One raw mail into the desk. Never throws for a bad mail: the outcome says what happened. */
export const receiveMail = async (deps: IntakeDeps, raw: Buffer): Promise<IntakeOutcome> => {
  const tenantId = toTenantId(deps.tenantId);
  const parsed = await parseInboundMail(raw, {
    tenantId,
    now: deps.now(),
    newTicketId: deps.newTicketId,
    resolveTag: async (tenant, tag) => {
      const ticketId = deps.numbers.ticketOf(tenant, tag);
      if (ticketId === undefined) return undefined;
      const { state } = await loadTicket(deps.store, tenant, ticketId);
      return { ticketId, tenantId: tenant, requesterEmail: state.fields?.requester.email ?? "" };
    },
    // Replies to a notice carry the ticket's thread root; an id the store has no stream for is unknown.
    resolveTicket: async (tenant, ticketId) => {
      const { state, version } = await loadTicket(deps.store, tenant, ticketId);
      if (version === 0) return undefined;
      return { ticketId, tenantId: tenant, requesterEmail: state.fields?.requester.email ?? "" };
    },
    locale: deps.locale,
  });
  if (E.isLeft(parsed)) {
    const { code, message, reply } = parsed.left;
    if (reply === undefined || deps.sendReply === undefined) return { kind: "refused", code, message };
    await deps.sendReply(reply);
    return { kind: "refused", code, message, replied: true };
  }
  const intake = parsed.right;
  if (intake.kind === "open") {
    // The number first: the confirmation written with the opening event carries its tag.
    const number = await deps.numbers.assign(tenantId, intake.command.ticketId);
    const handled = await deps.handle(intake.command);
    if (E.isLeft(handled)) return failed(handled.left);
    return { kind: "opened", ticketId: intake.command.ticketId, number, subject: intake.command.data.subject };
  }
  const handled = await deps.handle(intake.command);
  if (E.isLeft(handled)) return failed(handled.left);
  const ticketId = intake.command.ticketId;
  const number = intake.tag ?? deps.numbers.numberOf(tenantId, ticketId) ?? "";
  return { kind: "commented", ticketId, number, via: intake.via };
};

export interface SmtpIntake {
  readonly port: number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 (port 0 = any free one); each mail is answered after it was taken in. */
export const startSmtpIntake = async (onMail: (raw: Buffer) => Promise<unknown>, port = 0): Promise<SmtpIntake> => {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 25 * 1024 * 1024,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        // A failure on our side (the database) is a temporary SMTP error: the sender retries.
        onMail(Buffer.concat(chunks)).then(
          () => callback(),
          (e: unknown) => callback(Object.assign(new Error(`try again later: ${String(e)}`), { responseCode: 451 })),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.server.address() as AddressInfo).port;
  return { port: bound, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};
