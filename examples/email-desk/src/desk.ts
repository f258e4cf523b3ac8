/**
 * The email desk, wired as an app would: tickets on the EMBEDDED PostgreSQL (PGlite; a data
 * directory keeps them across runs, none = in memory), mail intake over SMTP, P-D as the
 * policy (with a team lead who hears of SLA breaches), the notifying handler writing
 * notifications to the outbox with their events, a timer worker applying the SLA rules, and a
 * dispatcher delivering by SMTP and signed webhook. `dispatch` and `runTimers` are one pass
 * each; `runInBackground` loops them until stopped, as a long-running desk would.
 */
import {
  type DispatchReport,
  dispatchOutbox,
  handleNotifying,
  type NotifyingHandlerOptions,
  type Policy,
  runDueTimers,
  runWorkerLoop,
  singlePolicy,
  type TimerRunReport,
} from "@ticketfold/core";
import { pD } from "@ticketfold/example-policies";
import { createPostgresOutboxStore, type PostgresOutboxStore, pgliteDriver } from "@ticketfold/store-postgres";
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
  dispatch(): Promise<DispatchReport>;
  runTimers(): Promise<TimerRunReport>;
  runInBackground(signal: AbortSignal, idleMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** P-D with its team lead as everybody's manager, so SLA breaches reach somebody. */
export const deskPolicy = (lead: string): Policy => ({
  ...pD,
  notifications: { ...pD.notifications, contacts: { managers: { "*": [{ address: lead, name: "Team Lead" }] } } },
});

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done);
  });

export const startEmailDesk = async (options: EmailDeskOptions): Promise<EmailDesk> => {
  const { clock } = options;
  const tenantId = options.tenantId ?? "acme";
  const owner = options.owner ?? `email-desk-${process.pid}`;
  const driver = pgliteDriver(options.dataDir);
  const store = createPostgresOutboxStore({ driver, now: clock.now });
  await store.migrate();
  const numbers = await openTicketNumbers(driver);
  const policy = deskPolicy(options.lead ?? "lead@desk.example");
  const policies = singlePolicy(policy);
  const newId = monotonicFactory();
  const handlerOptions: NotifyingHandlerOptions = {
    newEventId: () => newId(),
    // Notices show the desk's own number, so the subject tag is one intake can read back.
    context: (state) => {
      const number = numbers.numberOf(state.tenantId ?? tenantId, state.ticketId ?? "");
      return number === undefined ? {} : { ticketNumber: number };
    },
  };
  const mail = mailChannel({ ...options.outgoingSmtp, from: options.from ?? "support@desk.example" });
  const replies = replyMailer({ ...options.outgoingSmtp, from: options.from ?? "support@desk.example" });
  const channels = [mail, webhookChannel(options.webhook)];
  const intakeLog: IntakeOutcome[] = [];
  const deps = {
    store,
    numbers,
    tenantId,
    now: clock.now,
    newTicketId: () => newId(),
    locale: policy.notifications?.locale,
    sendReply: replies.send,
    handle: (command: Parameters<typeof handleNotifying>[2]) =>
      handleNotifying(store, policies, command, handlerOptions),
  };
  const intake = await startSmtpIntake(async (raw) => intakeLog.push(await receiveMail(deps, raw)));
  const dispatch = () => dispatchOutbox(store.outbox, channels, { now: clock.now(), owner });
  const runTimers = () => runDueTimers(store.timers, store, policies, { ...handlerOptions, now: clock.now(), owner });
  return {
    store,
    numbers,
    tenantId,
    intakePort: intake.port,
    intakeLog,
    dispatch,
    runTimers,
    runInBackground: (signal, idleMs = 1_000) =>
      runWorkerLoop(async () => (await runTimers()).claimed + (await dispatch()).claimed, {
        signal,
        sleep,
        idleMs,
        // A failed pass (the database away) is logged and the loop goes on; without onError it would end the loop.
        onError: (error) => console.error("email desk: a worker pass failed", error),
      }),
    async close() {
      await intake.close();
      mail.close();
      replies.close();
      await store.close();
    },
  };
};
