/**
 * The notifying command handler: `handleCommand`'s loop (handler.ts) with another recorder.
 * The event ids are assigned before the append (injected `newEventId`), so the notification
 * intents of each event (`notificationsFor`, ids `eventId/rule/role`) and the ticket's next
 * wake-up (`nextWakeUp`) can be computed first and written with the events in ONE append
 * (`OutboxStore.appendWithOutbox`). A failed append writes neither; a retried decision gets
 * fresh ids, so no intent ever points at an event that was not stored. Intents carry the
 * command's correlation id and command id next to the event id that caused them. A command
 * handled before under its id writes nothing: no event, no intent, so no notice goes out twice.
 */
import * as E from "fp-ts/lib/Either.js";
import type { NotificationIntent } from "../notifications/intent.js";
import { type NotificationContext, notificationsFor } from "../notifications/notifications-for.js";
import { compiledPolicyOf } from "../policy/compile.js";
import type { Policy } from "../policy/policy.js";
import type { PolicyResolver } from "../policy/resolver.js";
import type { Instant } from "../shared/instant.js";
import type { OutboxStore } from "../store/outbox.js";
import { subjectOfTicket, toTracedEvent } from "../store/records.js";
import { type EventTrace, traceOf } from "../store/trace.js";
import type { TicketCommand } from "../ticket/commands.js";
import type { TicketEvent } from "../ticket/events.js";
import { evolve } from "../ticket/evolve.js";
import type { TicketState } from "../ticket/state.js";
import { nextWakeUp } from "../timers/next-wake-up.js";
import type { HandlerError } from "./decision.js";
import { expectedAfterRead, type Handled, type HandlerOptions, handleWith } from "./handler.js";

/** What the app adds to each event's notification context (ticket number, calendars, locale). */
export type ContextFor = (state: TicketState, policy: Policy) => Omit<NotificationContext, "eventId">;

export interface NotifyingHandlerOptions extends HandlerOptions {
  /** A fresh, unique event id (a ULID); the core draws no randomness. */
  readonly newEventId: () => string;
  readonly context?: ContextFor;
}

export interface NotifyingHandled extends Handled {
  /** The intents written to the outbox with the events. */
  readonly intents: readonly NotificationIntent[];
  /** The wake-up written for the ticket (undefined: nothing was appended; a replay: the one written then). */
  readonly wakeUp?: Instant | null;
}

/** A policy whose SLA cannot compile has no timers; the decision itself reports the policy error. */
const wakeUpOf = (state: TicketState, policy: Policy): Instant | null => {
  const compiled = compiledPolicyOf(policy);
  return E.isRight(compiled) ? nextWakeUp(state, compiled.right) : null;
};

/** The intents of events appended in one go, each with its event id, and the ticket after them. */
const intentsOf = (
  events: readonly TicketEvent[],
  eventIds: readonly string[],
  from: TicketState,
  policy: Policy,
  trace: EventTrace,
  options: NotifyingHandlerOptions,
): { intents: NotificationIntent[]; after: TicketState } => {
  const intents: NotificationIntent[] = [];
  const cause = {
    ...(trace.correlationId === undefined ? {} : { correlationId: trace.correlationId }),
    ...(trace.causationId === undefined ? {} : { commandId: trace.causationId }),
  };
  let after = from;
  events.forEach((event, i) => {
    const before = after;
    after = evolve(before, event);
    const context = { ...options.context?.(after, policy), ...cause, eventId: eventIds[i] as string };
    intents.push(...notificationsFor(event, before, after, policy, context));
  });
  return { intents, after };
};

/** Handles a command: its events, their notification intents and the next wake-up in one append. */
export const handleNotifying = (
  store: OutboxStore,
  policies: PolicyResolver<Policy>,
  command: TicketCommand,
  options: NotifyingHandlerOptions,
): Promise<E.Either<HandlerError, NotifyingHandled>> =>
  handleWith<Policy, NotifyingHandled>(store, policies, command, options, {
    unchanged: ({ events, version, state }) => ({ events, recorded: [], version, state, intents: [], replayed: false }),
    record: async ({ events, version, state, policy, trace }) => {
      // Fresh ids on every attempt, so no intent ever points at an event that was not stored.
      const ids = events.map(() => options.newEventId());
      const { intents, after } = intentsOf(events, ids, state, policy, trace, options);
      const wakeUp = wakeUpOf(after, policy);
      const appended = await store.appendWithOutbox(
        command.tenantId,
        command.ticketId,
        events.map((e, i) => ({ ...toTracedEvent(e, trace, subjectOfTicket(state)), eventId: ids[i] as string })),
        { expectedVersion: expectedAfterRead(version), outbox: intents, wakeUp },
      );
      const handled = { events, recorded: appended.events, version: appended.nextVersion, state: after };
      return { ...handled, intents, wakeUp, replayed: false };
    },
    // The intents the first handling wrote, made again from the stored event ids (the same ids):
    // none is written again, so nobody is told twice.
    replayed: ({ events, recorded, version, before, policy }) => {
      // The trace the first handling wrote (a retry may name another correlation id).
      const stored = recorded[0] === undefined ? E.right({}) : traceOf(recorded[0]);
      if (E.isLeft(stored)) throw stored.left;
      const trace = stored.right;
      const ids = recorded.map((r) => r.eventId);
      const { intents, after } = intentsOf(events, ids, before, policy, trace, options);
      return { events, recorded, version, state: after, intents, wakeUp: wakeUpOf(after, policy), replayed: true };
    },
  });
