/**
 * The help desk as a service wires it, on the core's `createDesk` (through
 * `createPostgresDesk`: PostgreSQL when a connection string is given, embedded PGlite
 * otherwise): the notifying handler, the timer worker, the outbox dispatcher (SMTP and signed
 * webhooks) and the read side's runner, all started by `desk.start()`. Around it, what a service
 * adds: commands decoded at the boundary, read-your-writes for the board (the read side is
 * brought up to date before a command's answer), and a subscription to the store's log that
 * tells listeners (the board's SSE stream) which tickets changed once the read side has them.
 *
 * `settle` is for the test clock and the seeding: it runs timer passes itself until nothing is
 * due at the clock's now (a background pass holding a ticket is waited for), so a test that moves
 * the clock can wait for everything the move causes.
 */
import {
  type Actor,
  type CompiledPolicy,
  customerTicketRow,
  customerTicketView,
  type DispatchReport,
  decodeCommand,
  dispatchOutbox,
  type EscalationStatus,
  escalationStatus,
  explainSla,
  formatInstant,
  type HandlerError,
  type Instant,
  loadTicket,
  type MetricName,
  runDueTimers,
  type SlaExplanation,
  type TicketEvent,
  type TicketListFilter,
  type TicketListRow,
  type TicketQueries,
  type TicketState,
  type TimerRunReport,
} from "@ticketfold/core";
import { mailChannel, webhookChannel } from "@ticketfold/example-email-desk/channels";
import type { HttpDesk } from "@ticketfold/http";
import {
  catchUpReadSide,
  createPostgresDesk,
  ensureReadSide,
  type PostgresOutboxStore,
} from "@ticketfold/store-postgres";
import * as E from "fp-ts/lib/Either.js";
import { monotonicFactory } from "ulid";
import type { DeskClock } from "./clock.js";
import { compiledPolicy, customerById, type PolicyChoice, policyChoice, TENANT } from "./organisations.js";

export interface HelpDeskOptions {
  readonly clock: DeskClock;
  /** A PostgreSQL connection string; absent: embedded PGlite in memory. */
  readonly databaseUrl?: string;
  /** The PostgreSQL schema (default "help_desk"). */
  readonly schema?: string;
  readonly smtp: { readonly host: string; readonly port: number };
  readonly webhook: { readonly url: string; readonly secret: string };
  /** Pause of the background workers when idle (default 500 ms). */
  readonly idleMs?: number;
}

/** A ticket as the board's ticket page shows it. */
export interface TicketDetail {
  readonly row: TicketListRow;
  readonly state: TicketState;
  readonly events: readonly TicketEvent[];
  readonly escalation: EscalationStatus | null;
  readonly warnings: Readonly<Record<string, number>>;
  /** Why each metric is due when it is (`explainSla`). */
  readonly explanations: readonly SlaExplanation[];
}

export type Change = { readonly kind: "tickets"; readonly ids: readonly string[] } | { readonly kind: "clock" };

export interface HelpDesk {
  readonly clock: DeskClock;
  readonly store: PostgresOutboxStore;
  readonly queries: TicketQueries;
  readonly policies: PolicyChoice;
  readonly database: "postgresql" | "pglite";
  /**
   * The desk as `@ticketfold/http`'s handler takes it: the engine's `handle` (If-Match as the
   * expected version, Idempotency-Key as the command id), its queries and store, the desk's
   * clock; a handled command answers once the read side has it (read-your-writes).
   */
  readonly http: HttpDesk;
  /** A command as JSON from outside (decoded at this boundary), by `actor`, at the clock's now. */
  command(
    ticketId: string,
    actor: Actor,
    type: string,
    data: unknown,
    options?: { readonly commandId?: string; readonly readSide?: boolean },
  ): Promise<E.Either<HandlerError, { readonly version: number }>>;
  newTicketId(): string;
  list(filter: TicketListFilter, order?: "queue" | "opened-desc" | "updated-desc"): Promise<readonly TicketListRow[]>;
  ticket(ticketId: string): Promise<TicketDetail | null>;
  /** The portal: a customer's own tickets and their organisation's, cut to what customers see. */
  portal(customerId: string): Promise<{ mine: unknown[]; organisation: unknown[] } | null>;
  /** One ticket as its customer sees it; null when this customer may not see it. */
  portalTicket(customerId: string, ticketId: string): Promise<unknown | null>;
  /**
   * Runs timers and the dispatcher until nothing is due, then brings the read side up to date
   * (seeding leaves out the dispatcher and the read side until the end).
   */
  settle(options?: { readonly dispatch?: boolean; readonly readSide?: boolean }): Promise<{
    timers: number;
    delivered: number;
  }>;
  /** The earliest wake-up any ticket waits for (the timer table), or null. */
  nextWakeUp(): Promise<Instant | null>;
  /** Listens for changes (after the read side has them); returns the unsubscribe. */
  onChange(listener: (change: Change) => void): () => void;
  /** Tells listeners (the clock moved). */
  announce(change: Change): void;
  /** Starts the background workers and the live subscription. */
  start(): void;
  close(): Promise<void>;
}

/** Runs jobs one after another. */
const serial = () => {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job, job);
    tail = run.catch(() => {});
    return run;
  };
};

/** The warning thresholds (percent of target) of each metric of a policy. */
const warningPercents = (policy: CompiledPolicy | undefined): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const m of policy?.metrics ?? []) {
    const percents = m.warnings.flatMap((w) => ("percent" in w.threshold ? [w.threshold.percent] : []));
    if (percents.length > 0) out[m.name] = Math.min(...percents);
  }
  return out;
};

export const openHelpDesk = async (options: HelpDeskOptions): Promise<HelpDesk> => {
  const { clock } = options;
  const policies = policyChoice();
  const mail = mailChannel({ ...options.smtp, from: "support@help-desk.example" });
  const owner = `help-desk-${process.pid}`;
  const newId = monotonicFactory();
  const idleMs = options.idleMs ?? 500;
  const engine = await createPostgresDesk({
    ...(options.databaseUrl ? { pool: options.databaseUrl } : {}),
    schema: options.schema ?? "help_desk",
    policies: policies.resolver,
    channels: [mail, webhookChannel(options.webhook)],
    clock: clock.now,
    newEventId: () => newId(),
    owner,
    timers: { idleMs },
    outbox: { idleMs },
    readSidePollMs: 250,
  });
  const store = engine.store;
  const driver = store.events.driver;
  const queries = engine.queries;
  const readSide = { policies: compiledPolicy };
  const version = await ensureReadSide(store.events);
  const handlerOptions = { newEventId: () => newId() };
  const channels = [mail, webhookChannel(options.webhook)];
  const queue = serial();
  const listeners = new Set<(change: Change) => void>();
  const stop = new AbortController();
  const background: Promise<unknown>[] = [];

  const announce = (change: Change) => {
    for (const l of listeners) l(change);
  };
  // Read-your-writes: the runner keeps the read side current; a catch-up takes its turn with it.
  const catchUp = () => queue(() => catchUpReadSide(store.events, version, readSide));
  // Passes of the settling caller, next to the desk's own workers (leases keep them apart).
  const runTimers = (): Promise<TimerRunReport> =>
    runDueTimers(store.timers, store, policies.resolver, {
      ...handlerOptions,
      now: clock.now(),
      owner: `${owner}-settle`,
    });
  const dispatch = (): Promise<DispatchReport> =>
    dispatchOutbox(store.outbox, channels, { now: clock.now(), owner: `${owner}-settle` });
  /** Is some ticket due at the clock's now (in the claim's own terms)? */
  const dueNow = async (): Promise<boolean> => {
    const table = `"${store.events.schema.name}".timers`;
    const { rows } = await driver.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${table} WHERE due_at <= (timestamptz 'epoch' + ($1)::float8 * interval '1 millisecond')`,
      [clock.now()],
    );
    return Number(rows[0]?.n ?? 0) > 0;
  };
  const nextWakeUp = async (): Promise<Instant | null> => {
    const table = `"${store.events.schema.name}".timers`;
    const { rows } = await driver.query<{ ms: number | null }>(
      `SELECT (extract(epoch FROM min(due_at)) * 1000)::float8 AS ms FROM ${table}`,
    );
    const ms = rows[0]?.ms;
    return ms === null || ms === undefined ? null : (Number(ms) as Instant);
  };

  const command: HelpDesk["command"] = async (ticketId, actor, type, data, options = {}) => {
    const { commandId } = options;
    const decoded = decodeCommand({
      type,
      ticketId,
      tenantId: TENANT,
      at: formatInstant(clock.now()),
      actor,
      data,
    });
    if (E.isLeft(decoded)) return decoded;
    const handled = await engine.handle(decoded.right, commandId === undefined ? {} : { commandId });
    if (E.isLeft(handled)) return handled;
    if (options.readSide !== false) await catchUp();
    return E.right({ version: handled.right.version });
  };

  const list: HelpDesk["list"] = async (filter, order = "queue") => {
    const rows: TicketListRow[] = [];
    let cursor: string | null = null;
    do {
      const page = await queries.listTickets(TENANT, filter, {
        now: clock.now(),
        order,
        limit: 200,
        ...(cursor === null ? {} : { cursor }),
      });
      rows.push(...page.rows);
      cursor = page.nextCursor;
    } while (cursor !== null && rows.length < 1_000);
    return rows;
  };

  const ticket: HelpDesk["ticket"] = async (ticketId) => {
    const row = await queries.getTicket(TENANT, ticketId, clock.now()).catch(() => null);
    if (row === null) return null;
    const loaded = await loadTicket(store, TENANT, ticketId);
    const policy = compiledPolicy(row.policyId);
    const escalation = policy && policy.ladder.length > 0 ? escalationStatus(loaded.state, policy, clock.now()) : null;
    const now = clock.now();
    const explanations =
      policy === undefined
        ? []
        : (Object.keys(row.sla) as MetricName[]).flatMap((m) => explainSla(loaded.state, policy, m, now) ?? []);
    return {
      row,
      state: loaded.state,
      events: loaded.events,
      escalation,
      warnings: warningPercents(policy),
      explanations,
    };
  };

  const visibleTo = (customerId: string, row: TicketListRow): boolean => {
    const who = customerById(customerId);
    return who !== undefined && (row.requester === customerId || row.organisation === who.organisation.name);
  };

  const http: HttpDesk = {
    async handle(decoded, handleOptions) {
      const handled = await engine.handle(decoded, handleOptions);
      if (E.isRight(handled)) await catchUp();
      return handled;
    },
    queries,
    store,
    clock: clock.now,
  };
  const desk: HelpDesk = {
    clock,
    store,
    queries,
    policies,
    http,
    database: options.databaseUrl ? "postgresql" : "pglite",
    command,
    newTicketId: () => newId(),
    list,
    ticket,
    async portal(customerId) {
      const who = customerById(customerId);
      if (who === undefined) return null;
      const mine = await list({ requester: customerId }, "opened-desc");
      const organisation = await list({ organisation: who.organisation.name }, "opened-desc");
      return { mine: mine.map(customerTicketRow), organisation: organisation.map(customerTicketRow) };
    },
    async portalTicket(customerId, ticketId) {
      const row = await queries.getTicket(TENANT, ticketId, clock.now()).catch(() => null);
      if (row === null || !visibleTo(customerId, row)) return null;
      const loaded = await loadTicket(store, TENANT, ticketId);
      return customerTicketView(loaded.state, loaded.events);
    },
    async settle(options = {}) {
      let timers = 0;
      let delivered = 0;
      for (let i = 0; i < 400; i++) {
        const t = await runTimers();
        const d = options.dispatch === false ? undefined : await dispatch();
        timers += t.tickets.length;
        delivered += d?.delivered.length ?? 0;
        const pending = await dueNow();
        if (t.claimed === 0 && (d?.claimed ?? 0) === 0 && !pending) break;
        // A ticket still due that this pass did not get: the desk's own timer worker holds it.
        if (t.claimed === 0 && pending) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      if (options.readSide !== false) await catchUp();
      return { timers, delivered };
    },
    nextWakeUp,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    announce,
    start() {
      engine.start();
      // The board's live feed: the store's own subscription to its log. Each batch names the
      // tickets that changed; listeners hear of them once the read side has them.
      background.push(
        store.events
          .subscribe({
            consumer: `help-desk-board-${owner}`,
            signal: stop.signal,
            pollInterval: 250,
            handler: async (events) => {
              const ids = [...new Set(events.map((e) => e.streamId))];
              // After this batch commits (never inside it: PGlite has one connection).
              setImmediate(() => {
                catchUp().then(
                  () => announce({ kind: "tickets", ids }),
                  (error: unknown) => console.error("help desk: read side", error),
                );
              });
            },
          })
          .catch((error: unknown) => console.error("help desk: the live subscription stopped", error)),
      );
    },
    async close() {
      stop.abort();
      await Promise.allSettled(background);
      await queue(async () => undefined);
      await engine.close();
      mail.close();
    },
  };
  return desk;
};

export type { Instant };
