/**
 * The email desk, wired as an app would: tickets on the EMBEDDED PostgreSQL (PGlite; a data
 * directory keeps them across runs, none = in memory), mail intake over SMTP, P-D as the
 * policy (with a team lead who hears of SLA breaches), the notifying handler writing
 * notifications to the outbox with their events, a timer worker applying the SLA rules, and a
 * dispatcher delivering by SMTP and signed webhook — all of it one `createPostgresDesk` call.
 * `dispatch` and `runTimers` are one pass each (the demo shows each pass's result);
 * `desk.start()` runs both as workers until `close`, as a long-running desk would.
 */
import type { DispatchReport, Policy, TimerRunReport } from "@ticketfold/core";
import { pD } from "@ticketfold/example-policies";
import {
  createPostgresDesk,
  type PostgresDesk,
  type PostgresOutboxStore,
  pgliteDriver,
} from "@ticketfold/store-postgres";
import { monotonicFactory } from "ulid";
import { mailChannel, webhookChannel } from "./channels.js";
import type { DeskClock } from "./clock.js";
import { type IntakeOutcome, receiveMail, startSmtpIntake } from "./intake.js";
import { replyMailer } from "./reply-mailer.js";
import { openTicketNumbers, type TicketNumbers } from "./ticket-numbers.js";

export interface EmailDeskOptions {
  readonly clock: DeskClock;
  /** PGlite data directory; absent = a fresh in-memory database. */
  readonly dataDir?: string;
  readonly tenantId?: string;
  /** Where notification mail goes (an SMTP relay; in the demo, the local catcher). */
  readonly outgoingSmtp: { readonly host: string; readonly port: number };
  readonly webhook: { readonly url: string; readonly secret: string };
  readonly from?: string;
  readonly lead?: string;
  /** This instance's name in leases (unique per process). */
  readonly owner?: string;
}

export interface EmailDesk {
  readonly store: PostgresOutboxStore;
  readonly numbers: TicketNumbers;
  readonly tenantId: string;
  /** The port the SMTP intake listens on (127.0.0.1). */
  readonly intakePort: number;
  /** What became of each mail taken in, in order. */
  readonly intakeLog: IntakeOutcome[];
  /** The engine: `desk.start()` runs the timer worker and the dispatcher until `close`. */
  readonly desk: PostgresDesk;
  dispatch(): Promise<DispatchReport>;
  runTimers(): Promise<TimerRunReport>;
  close(): Promise<void>;
}

/** P-D with its team lead as everybody's manager, so SLA breaches reach somebody. */
export const deskPolicy = (lead: string): Policy => ({
  ...pD,
  notifications: { ...pD.notifications, contacts: { managers: { "*": [{ address: lead, name: "Team Lead" }] } } },
});

export const startEmailDesk = async (options: EmailDeskOptions): Promise<EmailDesk> => {
  const { clock } = options;
  const tenantId = options.tenantId ?? "acme";
  const driver = pgliteDriver(options.dataDir);
  const numbers = await openTicketNumbers(driver);
  const policy = deskPolicy(options.lead ?? "lead@desk.example");
  const mail = mailChannel({ ...options.outgoingSmtp, from: options.from ?? "support@desk.example" });
  const replies = replyMailer({ ...options.outgoingSmtp, from: options.from ?? "support@desk.example" });
  const desk = await createPostgresDesk({
    driver,
    clock: clock.now,
    policies: policy,
    channels: [mail, webhookChannel(options.webhook)],
    owner: options.owner ?? `email-desk-${process.pid}`,
    // Notices show the desk's own number, so the subject tag is one intake can read back.
    context: (state) => {
      const number = numbers.numberOf(state.tenantId ?? tenantId, state.ticketId ?? "");
      return number === undefined ? {} : { ticketNumber: number };
    },
  });
  const newId = monotonicFactory();
  const intakeLog: IntakeOutcome[] = [];
  const deps = {
    store: desk.store,
    numbers,
    tenantId,
    now: clock.now,
    newTicketId: () => newId(),
    locale: policy.notifications?.locale,
    sendReply: replies.send,
    handle: desk.handle,
  };
  const intake = await startSmtpIntake(async (raw) => intakeLog.push(await receiveMail(deps, raw)));
  return {
    store: desk.store,
    desk,
    numbers,
    tenantId,
    intakePort: intake.port,
    intakeLog,
    dispatch: desk.dispatch,
    runTimers: desk.runTimers,
    async close() {
      await intake.close();
      await desk.close();
      mail.close();
      replies.close();
    },
  };
};
