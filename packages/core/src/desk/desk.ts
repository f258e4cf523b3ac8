/**
 * `createDesk`: one call wires a complete engine over the store ports — the notifying command
 * handler (events, their notification intents and the ticket's next wake-up in one append), the
 * timer worker (breaches, escalation ladder, auto-close), the outbox dispatcher (notifications
 * through the app's channels) and the read side (the ticket list). A command handled through
 * the desk is all it takes: once the workers run, its SLA timers fire and its notices go out.
 *
 * Pure like the rest of the core: the clock, the wait between polls and the id source are
 * injected (`clock`, `sleep`, `newEventId`); the adapter packages pass the system's
 * (`createInMemoryDesk`, `createPostgresDesk`). Each worker starts alone or with the others
 * (`start({ timers: true, outbox: false, readSide: false })`), so a deployment may run the
 * handler in its web processes and the workers in one process of their own.
 *
 * Errors are never swallowed. A failed pass, a ticket the timer worker could not work and a
 * notice that became a dead letter go to `onError`, and the worker goes on. Without `onError`
 * the first of them stops the workers it started and rejects their `done` promise.
 */
import * as E from "fp-ts/lib/Either.js";
import type { Authorize } from "../decide/authorize.js";
import type { HandlerError } from "../handling/decision.js";
import { type ContextFor, handleNotifying, type NotifyingHandled } from "../handling/notifying-handler.js";
import { compiledPolicyOf } from "../policy/compile.js";
import type { Policy } from "../policy/policy.js";
import type { PolicyResolver } from "../policy/resolver.js";
import type { PolicyLookup } from "../projections/ticket-steps.js";
import type { DecodeIssue } from "../shared/decode.js";
import { COMMAND_ID_RULE, CommandIdC } from "../shared/ids.js";
import { formatInstant, type Instant } from "../shared/instant.js";
import type { DeliveryChannel, OutboxQueue, OutboxStore, TimerQueue } from "../store/outbox.js";
import type { SessionBookings } from "../store/session-bookings.js";
import type { TicketQueries } from "../store/ticket-queries.js";
import { decodeCommand } from "../ticket/codec.js";
import { commandCodecs, type EncodedTicketCommand, type TicketCommand } from "../ticket/commands.js";
import type { DomainError } from "../ticket/errors.js";
import { type DispatchReport, dispatchOutbox, type RetryBackoff } from "../workers/outbox-dispatch.js";
import { runDueTimers, type TimerRunReport } from "../workers/timer-worker.js";
import { runWorkerLoop } from "../workers/worker-loop.js";
import { type DeskPersonalData, deskPersonalData, type ReadModelPurge } from "./personal-data.js";

/** A store a desk runs on: events, outbox and wake-ups written together, and the two queues. */
export interface DeskStore extends OutboxStore {
  readonly outbox: OutboxQueue;
  readonly timers: TimerQueue;
}

/**
 * The part of an `AbortSignal` the desk uses (the core is typed without DOM or Node globals; a
 * real `AbortSignal` fits).
 */
export interface DeskSignal {
  readonly aborted: boolean;
  addEventListener(type: "abort", listener: () => void): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

/** Keeps a read model current until `signal` aborts (PostgreSQL: `runReadSide`); rejects on a failure. */
export type ReadSideRunner = (signal: DeskSignal) => Promise<void>;

/** The desk's workers. */
export type DeskWorker = "timers" | "outbox" | "readSide";

/** Where a reported error happened. */
export interface DeskErrorContext {
  readonly worker: DeskWorker;
  readonly tenantId?: string;
  readonly ticketId?: string;
  /** The notification intent, for a dead letter. */
  readonly intentId?: string;
}

/** A ticket the timer worker could not work, or a notice no channel would take: reported, with what and where. */
export class DeskWorkerError extends Error {
  readonly code: "TIMER_FAILED" | "DELIVERY_FAILED";
  constructor(
    code: "TIMER_FAILED" | "DELIVERY_FAILED",
    message: string,
    readonly context: DeskErrorContext,
  ) {
    super(message);
    this.name = "DeskWorkerError";
    this.code = code;
  }
}

/** Told about every failure of a worker; the worker goes on. */
export type DeskErrorHandler = (error: unknown, context: DeskErrorContext) => void;

/** A polling worker's timing: the pause when idle, its leases and its batch. */
export interface DeskPolling {
  /** Pause after an empty or failed pass, in ms (default 1 s). */
  readonly idleMs?: number;
  /** How long a claim holds before another worker may take the row (default 60 s). */
  readonly leaseMs?: number;
  /** Rows per pass (default 50). */
  readonly limit?: number;
}

export interface DeskOptions {
  readonly store: DeskStore;
  readonly policies: PolicyResolver<Policy>;
  /** The ways out the outbox dispatcher delivers through (none: the dispatcher does not start). */
  readonly channels?: readonly DeliveryChannel[];
  /** The read model the desk answers queries from (`createInMemoryTicketQueries`, `createPostgresTicketQueries`). */
  readonly queries: TicketQueries;
  /**
   * The engineers' bookings across tickets (`createInMemorySessionBookings`,
   * `createPostgresSessionBookings`): a `schedule-session` over a session its engineer has on
   * another ticket is refused (`SESSION_CONFLICT`). Absent: only the ticket's own sessions count.
   */
  readonly sessionBookings?: SessionBookings;
  /** What keeps `queries` current, when something must run for it (PostgreSQL); absent: nothing to run. */
  readonly readSide?: ReadSideRunner;
  /** Now: stamps commands without an `at`, and drives the timers and the dispatcher. */
  readonly clock: () => Instant;
  /** Resolves after `ms`, or early when `signal` aborts. */
  readonly sleep: (ms: number, signal: DeskSignal) => Promise<void>;
  /** A fresh, unique event id (a ULID). */
  readonly newEventId: () => string;
  /** This process's name in leases (default `desk-` and a fresh id): unique per process. */
  readonly owner?: string;
  /** What the app adds to each notification's context (ticket number, locale, …). */
  readonly context?: ContextFor;
  /** Who may do what (default: the core's `defaultAuthorize`). */
  readonly authorize?: Authorize;
  /** Retries of a command after a concurrency conflict (default 3). */
  readonly maxRetries?: number;
  readonly timers?: DeskPolling & {
    /** A ticket that failed is looked at again after this, in ms (default 5 min). */
    readonly retryMs?: number;
  };
  readonly outbox?: DeskPolling & {
    /** Attempts before a notice becomes a dead letter (default 8). */
    readonly maxAttempts?: number;
    readonly backoff?: RetryBackoff;
  };
  /** Pause before the read side is run again after it failed, in ms (default 1 s). */
  readonly readSideRetryMs?: number;
  /**
   * Told about every failure of a worker (a failed pass, a ticket the timer worker could not
   * work, a dead letter), which then goes on. Without it, the first failure stops the workers
   * of that `start` and rejects their `done`.
   */
  readonly onError?: DeskErrorHandler;
  /** Stops every worker when it aborts (as `stop()`). */
  readonly signal?: DeskSignal;
  /** Drops the read model's copies of a forgotten subject (`forget`); a PostgreSQL store purges its read side itself. */
  readonly purgeReadModel?: ReadModelPurge;
}

/**
 * A command as the desk takes it: typed (`TicketCommand`), or as JSON (`EncodedTicketCommand`:
 * plain strings, instants as ISO text), which the desk decodes (`INVALID_COMMAND` names each bad
 * path). Either way `at` may be left out (the desk's clock stamps it), and so may a `data`
 * with no required field (`accept`, `close`, …).
 */
export type DeskCommand = DeskForm<TicketCommand, Instant> | DeskForm<EncodedTicketCommand, string | Instant>;

/** A command's form as the desk takes it: `at` optional, and `data` too when every field of it is. */
type DeskForm<Union, At> = Union extends { readonly data: infer D }
  ? Omit<Union, "at" | "data"> & { readonly at?: At } & ({} extends D ? { readonly data?: D } : { readonly data: D })
  : never;

export interface DeskHandleOptions {
  /** The ticket's version the caller last saw (`If-Match`): another is `CONCURRENCY_CONFLICT`; 0 = must not exist. */
  readonly expectedVersion?: number;
  /**
   * The idempotency key (`Idempotency-Key`): handled again, the command records nothing new.
   * Like `correlationId`, 1–128 printable ASCII characters (else `INVALID_COMMAND`, naming it).
   */
  readonly commandId?: string;
  /** The request or conversation the command belongs to. */
  readonly correlationId?: string;
  /** Aborted before the command is handled: it is not handled (the promise rejects with the reason). */
  readonly signal?: DeskSignal & { readonly reason?: unknown };
}

/** Which workers to start (absent ones: all the desk has, see `Desk.start`). */
export interface DeskStartOptions {
  readonly timers?: boolean;
  readonly outbox?: boolean;
  readonly readSide?: boolean;
  /** Stops these workers when it aborts. */
  readonly signal?: DeskSignal;
}

/** Workers started together. */
export interface DeskWorkers {
  /** The workers started. */
  readonly workers: readonly DeskWorker[];
  /** Settles when all of them have stopped; rejects with the failure that stopped them (no `onError`). */
  readonly done: Promise<void>;
  /**
   * Stops them: each finishes the pass in hand (claimed rows worked and released), then ends.
   * Settles as `done` does.
   */
  stop(): Promise<void>;
}

export interface Desk extends DeskPersonalData {
  /**
   * Handles a command: its events, their notification intents and the ticket's next wake-up
   * in one append. A command in its JSON form is decoded first. Refusals are values (`Left`); a
   * store failure is thrown.
   */
  handle(command: DeskCommand, options?: DeskHandleOptions): Promise<E.Either<HandlerError, NotifyingHandled>>;
  /** The read model: tickets of a tenant, filtered and paged, with their live SLA. */
  readonly queries: TicketQueries;
  readonly store: DeskStore;
  readonly policies: PolicyResolver<Policy>;
  /** The desk's now. */
  readonly clock: () => Instant;
  /**
   * Starts workers: by default every one the desk has (the dispatcher only with channels, the
   * read side only with a runner); name some to start only those. A worker already running
   * is refused (`Error`), so one process never runs two of the same.
   */
  start(which?: DeskStartOptions): DeskWorkers;
  /**
   * One timer pass now, at the desk's clock, whether or not the timer worker runs: for tests,
   * demos and schedulers (a cron job) that run passes themselves. Its report lists the tickets
   * that failed (`tickets[].error`); they are not given to `onError`.
   */
  runTimers(): Promise<TimerRunReport>;
  /**
   * One outbox pass now, at the desk's clock (its report lists dead letters; not given to
   * `onError`). A desk without channels refuses (`Error`): nothing could take the notices.
   */
  dispatch(): Promise<DispatchReport>;
  /** Stops every running worker, gracefully; settles when all have ended (rejects as their `done`). */
  stop(): Promise<void>;
  /** The workers running now. */
  running(): readonly DeskWorker[];
}

/**
 * The compiled policy of each id a resolver knows, for the read models (`createInMemoryTicketQueries`,
 * `createPostgresTicketQueries`, `runReadSide`): a policy that does not compile is unknown.
 */
export const policyLookupOf =
  (policies: PolicyResolver<Policy>): PolicyLookup =>
  (id) => {
    const policy = policies.byId(id);
    const compiled = policy === undefined ? undefined : compiledPolicyOf(policy);
    return compiled !== undefined && E.isRight(compiled) ? compiled.right : undefined;
  };

interface Stopper extends DeskSignal {
  abort(): void;
}

/** A signal the desk aborts itself (the core has no AbortController in its types). */
const createStopper = (): Stopper => {
  let aborted = false;
  const listeners = new Set<() => void>();
  return {
    get aborted() {
      return aborted;
    },
    addEventListener: (_type, listener) => {
      if (aborted) listener();
      else listeners.add(listener);
    },
    removeEventListener: (_type, listener) => {
      listeners.delete(listener);
    },
    abort: () => {
      if (aborted) return;
      aborted = true;
      for (const listener of [...listeners]) listener();
      listeners.clear();
    },
  };
};

/** Aborts `stopper` when `signal` does; returns the unlink. */
const follow = (signal: DeskSignal | undefined, stopper: Stopper): (() => void) => {
  if (signal === undefined) return () => {};
  const onAbort = () => stopper.abort();
  signal.addEventListener("abort", onAbort);
  if (signal.aborted) stopper.abort();
  return () => signal.removeEventListener("abort", onAbort);
};

const abortReason = (signal: { readonly reason?: unknown }): unknown =>
  signal.reason ?? Object.assign(new Error("the command was aborted before it was handled"), { name: "AbortError" });

/** A typed command as it is; anything else decoded from its JSON form (`at` as ISO text). */
const commandOf = (given: {
  readonly type: string;
  readonly at: string | Instant;
}): E.Either<DomainError, TicketCommand> => {
  const codec = Object.hasOwn(commandCodecs, given.type)
    ? commandCodecs[given.type as keyof typeof commandCodecs]
    : undefined;
  if (codec?.is(given)) return E.right(given as TicketCommand);
  return decodeCommand({ ...given, at: typeof given.at === "number" ? formatInstant(given.at) : given.at });
};

/** The handle options a command cannot carry: a malformed id or version is `INVALID_COMMAND`, naming it. */
const invalidHandleOptions = (o: DeskHandleOptions): DomainError | undefined => {
  const issues: DecodeIssue[] = [];
  for (const key of ["commandId", "correlationId"] as const) {
    const value = o[key];
    if (value !== undefined && !CommandIdC.is(value))
      issues.push({
        path: `options.${key}`,
        expected: COMMAND_ID_RULE,
        message: `options.${key}: ${JSON.stringify(value)} is not ${COMMAND_ID_RULE}`,
      });
  }
  const v = o.expectedVersion;
  if (v !== undefined && !(Number.isSafeInteger(v) && v >= 0))
    issues.push({
      path: "options.expectedVersion",
      expected: "a whole number ≥ 0",
      message: `options.expectedVersion: ${String(v)} is not a whole number ≥ 0`,
    });
  if (issues.length === 0) return undefined;
  return { code: "INVALID_COMMAND", issues, message: `invalid command: ${issues.map((i) => i.message).join("; ")}` };
};

export const createDesk = (options: DeskOptions): Desk => {
  const { store, policies, queries, clock } = options;
  const channels = options.channels ?? [];
  const owner = options.owner ?? `desk-${options.newEventId()}`;
  const handlerOptions = {
    newEventId: options.newEventId,
    ...(options.context === undefined ? {} : { context: options.context }),
    ...(options.authorize === undefined ? {} : { authorize: options.authorize }),
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
    ...(options.sessionBookings === undefined ? {} : { sessionBookings: options.sessionBookings }),
  };
  const running = new Map<DeskWorker, DeskWorkers>();
  const all = new Set<DeskWorkers>();

  const handle: Desk["handle"] = async (given, o = {}) => {
    if (o.signal?.aborted) throw abortReason(o.signal);
    const invalid = invalidHandleOptions(o);
    if (invalid !== undefined) return E.left(invalid);
    const command = commandOf({
      ...given,
      at: given.at ?? clock(),
      ...(o.commandId === undefined ? {} : { commandId: o.commandId }),
      ...(o.correlationId === undefined ? {} : { correlationId: o.correlationId }),
    });
    if (E.isLeft(command)) return command;
    return handleNotifying(store, policies, command.right, {
      ...handlerOptions,
      ...(o.expectedVersion === undefined ? {} : { expectedVersion: o.expectedVersion }),
    });
  };

  const runTimers = (): Promise<TimerRunReport> => {
    const t = options.timers ?? {};
    return runDueTimers(store.timers, store, policies, {
      ...handlerOptions,
      now: clock(),
      owner: `${owner}/timers`,
      ...(t.leaseMs === undefined ? {} : { leaseMs: t.leaseMs }),
      ...(t.limit === undefined ? {} : { limit: t.limit }),
      ...(t.retryMs === undefined ? {} : { retryMs: t.retryMs }),
    });
  };

  const noChannels = "the desk has no channels: the outbox dispatcher has nothing to deliver through";
  const dispatch = async (): Promise<DispatchReport> => {
    // With no channel every entry would count as delivered, to nobody.
    if (channels.length === 0) throw new Error(noChannels);
    const o = options.outbox ?? {};
    return dispatchOutbox(store.outbox, channels, {
      now: clock(),
      owner: `${owner}/outbox`,
      ...(o.leaseMs === undefined ? {} : { leaseMs: o.leaseMs }),
      ...(o.limit === undefined ? {} : { limit: o.limit }),
      ...(o.maxAttempts === undefined ? {} : { maxAttempts: o.maxAttempts }),
      ...(o.backoff === undefined ? {} : { backoff: o.backoff }),
    });
  };

  /** The loop of one worker: `pass` answers how many rows it handled and reports row failures itself. */
  const loopOf = (
    worker: DeskWorker,
    signal: Stopper,
    report: (error: unknown, context: DeskErrorContext) => void,
  ): Promise<void> => {
    const loop = (pass: () => Promise<number>, idleMs: number | undefined) =>
      runWorkerLoop(pass, {
        signal,
        sleep: options.sleep,
        ...(idleMs === undefined ? {} : { idleMs }),
        onError: (error) => report(error, { worker }),
      });
    if (worker === "timers") {
      return loop(async () => {
        const run = await runTimers();
        for (const ticket of run.tickets) {
          if (ticket.error === undefined) continue;
          const context = { worker, tenantId: ticket.tenantId, ticketId: ticket.ticketId };
          const message = `timers: ticket ${ticket.tenantId}/${ticket.ticketId} failed: ${ticket.error}`;
          report(new DeskWorkerError("TIMER_FAILED", message, context), context);
        }
        return run.claimed;
      }, options.timers?.idleMs);
    }
    if (worker === "outbox") {
      return loop(async () => {
        const run = await dispatch();
        for (const intentId of run.dead) {
          const context = { worker, intentId };
          const message = `outbox: notice ${intentId} is a dead letter (see the outbox's attempt log)`;
          report(new DeskWorkerError("DELIVERY_FAILED", message, context), context);
        }
        return run.claimed;
      }, options.outbox?.idleMs);
    }
    const readSide = options.readSide as ReadSideRunner;
    return loop(async () => {
      await readSide(signal);
      return 0;
    }, options.readSideRetryMs);
  };

  const start: Desk["start"] = (which = {}) => {
    const named = which.timers !== undefined || which.outbox !== undefined || which.readSide !== undefined;
    const wanted = (w: DeskWorker, available: boolean): boolean => (named ? which[w] === true : available);
    const workers = (["timers", "outbox", "readSide"] as const).filter((w) =>
      wanted(w, w === "timers" || (w === "outbox" ? channels.length > 0 : options.readSide !== undefined)),
    );
    if (workers.includes("outbox") && channels.length === 0) throw new Error(noChannels);
    if (workers.includes("readSide") && options.readSide === undefined)
      throw new Error("the desk has no read-side runner: its queries keep themselves current");
    const busy = workers.filter((w) => running.has(w));
    if (busy.length > 0) throw new Error(`already running: ${busy.join(", ")}`);

    const stopper = createStopper();
    const unlink = [follow(options.signal, stopper), follow(which.signal, stopper)];
    let failure: { readonly error: unknown } | undefined;
    const report: DeskErrorHandler =
      options.onError ??
      ((error) => {
        // No handler: the first failure stops these workers and becomes `done`'s rejection.
        failure ??= { error };
        stopper.abort();
      });
    const loops = workers.map((w) =>
      loopOf(w, stopper, report).catch((error: unknown) => {
        // An onError that throws ends its worker; the others stop too, and `done` says why.
        failure ??= { error };
        stopper.abort();
      }),
    );
    const done = Promise.all(loops).then(() => {
      for (const u of unlink) u();
      for (const w of workers) if (running.get(w) === handle_) running.delete(w);
      all.delete(handle_);
      if (failure !== undefined) throw failure.error;
    });
    const handle_: DeskWorkers = {
      workers,
      done,
      stop: () => {
        stopper.abort();
        return done;
      },
    };
    for (const w of workers) running.set(w, handle_);
    all.add(handle_);
    return handle_;
  };

  return {
    ...deskPersonalData(store, clock, options.purgeReadModel),
    handle,
    queries,
    store,
    policies,
    clock,
    start,
    runTimers,
    dispatch,
    stop: async () => {
      await Promise.all([...all].map((w) => w.stop()));
    },
    running: () => [...running.keys()],
  };
};
