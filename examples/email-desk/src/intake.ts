/**
 * Mail in: an SMTP listener on loopback whose every message goes through `parseInboundMail`
 * (intake-email) and then, as a ticket command, through the notifying handler — so the
 * confirmation the customer gets is written to the outbox with the ticket's first event. A new
 * mail opens a ticket and is given the desk's next number; a reply carrying `[#number]` becomes
 * a customer comment. A refusal is logged (a production desk would mail its `reply` back).
 */
import type { AddressInfo } from "node:net";
import {
  type CommandOf,
  type HandlerError,
  loadTicket,
  type OutboxStore,
  tenantId as toTenantId,
} from "@ticketfold/core";
import { parseInboundMail } from "@ticketfold/intake-email";
import * as E from "fp-ts/lib/Either.js";
import { SMTPServer } from "smtp-server";
import type { TicketNumbers } from "./ticket-numbers.js";

export type IntakeOutcome =
  | { readonly kind: "opened"; readonly ticketId: string; readonly number: string; readonly subject: string }
  | { readonly kind: "commented"; readonly ticketId: string; readonly number: string }
  | { readonly kind: "refused"; readonly code: string; readonly message: string };

export interface IntakeDeps {
  readonly store: OutboxStore;
  readonly numbers: TicketNumbers;
  readonly tenantId: string;
  readonly now: () => number;
  readonly newTicketId: () => string;
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
  });
  if (E.isLeft(parsed)) return { kind: "refused", code: parsed.left.code, message: parsed.left.message };
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
  return { kind: "commented", ticketId: intake.command.ticketId, number: intake.tag };
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
