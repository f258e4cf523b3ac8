/**
 * The command handler: read → fold → decide → record with the expected version. On a
 * concurrency conflict it re-reads and decides again, a bounded number of times, then gives up
 * with the conflict as a value. Domain errors come back as values; infrastructure failures
 * (a lost connection, a corrupt stored event) are thrown.
 *
 * One loop (`handleWith`) serves every handler; what differs is how a decision is recorded
 * (a `Recorder`): `handleCommand` appends the events, `handleNotifying` (notifying-handler.ts)
 * appends them with their notification intents and the ticket's next wake-up.
 *
 * A command with a `commandId` is handled at most once per ticket (idempotency.ts): handled
 * again, it appends nothing and returns what the first handling returned, with `replayed: true`.
 */
import * as E from "fp-ts/lib/Either.js";
import type { Authorize } from "../decide/authorize.js";
import { decide } from "../decide/decide.js";
import type { Policy } from "../policy/policy.js";
import type { PolicyResolver } from "../policy/resolver.js";
import { type ConcurrencyConflict, isConcurrencyConflict } from "../store/errors.js";
import { subjectOfTicket, toTracedEvent } from "../store/records.js";
import type { SessionBookings } from "../store/session-bookings.js";
import type { EventStore, ExpectedVersion, RecordedEvent } from "../store/types.js";
import type { TicketCommand } from "../ticket/commands.js";
import type { TicketEvent } from "../ticket/events.js";
import { fold } from "../ticket/evolve.js";
import type { TicketState } from "../ticket/state.js";
import { type Decided, type DecideFn, type HandlerError, type Replayed, readAndDecide } from "./decision.js";

export interface Handled {
  readonly events: readonly TicketEvent[];
  readonly recorded: readonly RecordedEvent[];
  readonly version: number;
  readonly state: TicketState;
  /**
   * True when the command's id was handled before: nothing was appended, and the rest is what
   * the first handling returned (its events and records, the version and state after them).
   */
  readonly replayed: boolean;
}

export interface HandlerOptions {
  /** Retries after a conflict (default 3). */
  readonly maxRetries?: number;
  /** The decision to use; defaults to the core's `decide`. */
  readonly decide?: DecideFn;
  /**
   * Who may do what: the core's `decide` asks this rule instead of `defaultAuthorize`. A
   * custom `decide` is not given it: pass it there yourself.
   */
  readonly authorize?: Authorize;
  /**
   * The stream version the caller last saw (an HTTP `If-Match`): when the ticket is at another
   * version the command is refused with `CONCURRENCY_CONFLICT` (as a value, not retried), so a
   * client never acts on a ticket it has not seen. 0 = the ticket must not exist yet. A command
   * handled before under its id is answered as before whatever the version (a replay).
   */
  readonly expectedVersion?: number;
  /**
   * The engineers' bookings across tickets: asked before a `schedule-session` is decided, so a
   * session over one its engineer has on another ticket is `SESSION_CONFLICT`. Absent: only
   * the ticket's own sessions are checked.
   */
  readonly sessionBookings?: SessionBookings;
}

/**
 * How a handler records a decision: the result when there is nothing to write (no events), the
 * write itself, which throws `ConcurrencyConflict` when the stream moved since the read, and the
 * result of a command handled before under its id (nothing is written).
 */
export interface Recorder<P extends Policy, R> {
  readonly unchanged: (decided: Decided<P>) => R;
  readonly record: (decided: Decided<P>) => Promise<R>;
  readonly replayed: (replayed: Replayed<P>) => R;
}

/**
 * Runs one read → decide → record attempt, and again after a concurrency conflict (it re-reads
 * the stream), at most `maxRetries` more times; then the last conflict is the result. Any other
 * failure is thrown.
 */
export const retryOnConflict = async <R>(
  maxRetries: number,
  attempt: () => Promise<E.Either<HandlerError, R>>,
): Promise<E.Either<HandlerError, R>> => {
  let lastConflict: ConcurrencyConflict | undefined;
  for (let n = 0; n <= maxRetries; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isConcurrencyConflict(error)) throw error;
      lastConflict = error;
    }
  }
  return E.left(lastConflict as ConcurrencyConflict);
};

/** The expected version for appending after reading a stream at `version`. */
export const expectedAfterRead = (version: number): ExpectedVersion => (version === 0 ? "no_stream" : version);

/** The core's `decide` with the given rule of who may (the default when none). */
const decidingWith =
  (authorize: Authorize | undefined): DecideFn =>
  (command, state, policy, context = {}) =>
    decide(command, state, policy, {
      ...(authorize === undefined ? {} : { authorize }),
      ...(context.bookings === undefined ? {} : { bookings: context.bookings }),
    });

/** The one handler loop: read, resolve, decide, record; again after a conflict. */
export const handleWith = <P extends Policy, R>(
  store: EventStore,
  policies: PolicyResolver<P>,
  command: TicketCommand,
  options: HandlerOptions,
  recorder: Recorder<P, R>,
): Promise<E.Either<HandlerError, R>> =>
  retryOnConflict<R>(options.maxRetries ?? 3, async () => {
    const decideWith = options.decide ?? decidingWith(options.authorize);
    const decided = await readAndDecide(
      store,
      policies,
      command,
      decideWith,
      options.expectedVersion,
      options.sessionBookings,
    );
    if (E.isLeft(decided)) return decided;
    const d = decided.right;
    if (d.kind === "replayed") return E.right(recorder.replayed(d));
    return E.right(d.events.length === 0 ? recorder.unchanged(d) : await recorder.record(d));
  });

/** Handles a command: its events are appended to the ticket's stream. */
export const handleCommand = <P extends Policy>(
  store: EventStore,
  policies: PolicyResolver<P>,
  command: TicketCommand,
  options: HandlerOptions = {},
): Promise<E.Either<HandlerError, Handled>> =>
  handleWith<P, Handled>(store, policies, command, options, {
    unchanged: ({ events, version, state }) => ({ events, recorded: [], version, state, replayed: false }),
    record: async ({ events, version, state, trace }) => {
      const records = events.map((e) => toTracedEvent(e, trace, subjectOfTicket(state)));
      const appended = await store.appendToStream(command.tenantId, command.ticketId, records, {
        expectedVersion: expectedAfterRead(version),
      });
      const after = fold(events, state);
      return { events, recorded: appended.events, version: appended.nextVersion, state: after, replayed: false };
    },
    replayed: ({ events, recorded, version, state }) => ({ events, recorded, version, state, replayed: true }),
  });
