/**
 * The notifying command handler: `handleCommand`'s loop (handler.ts) with another recorder.
 * The event ids are assigned before the append (injected `newEventId`), so the notification
 * intents of each event (`notificationsFor`, ids `eventId/rule/role`) and the ticket's next
 * wake-up (`nextWakeUp`) can be computed first and written with the events in ONE append
 * (`OutboxStore.appendWithOutbox`). A failed append writes neither; a retried decision gets
 * fresh ids, so no intent ever points at an event that was not stored.
 */
import * as E from "fp-ts/lib/Either.js";
import type { NotificationIntent } from "../notifications/intent.js";
import { type NotificationContext, notificationsFor } from "../notifications/notifications-for.js";
import { compiledPolicyOf } from "../policy/compile.js";
import type { Policy } from "../policy/policy.js";
import type { PolicyResolver } from "../policy/resolver.js";
import type { Instant } from "../shared/instant.js";
import type { OutboxStore } from "../store/outbox.js";
import { toNewEvent } from "../store/records.js";
import type { TicketCommand } from "../ticket/commands.js";
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
  /** The wake-up written for the ticket (undefined: nothing was appended). */
  readonly wakeUp?: Instant | null;
}

/** A policy whose SLA cannot compile has no timers; the decision itself reports the policy error. */
const wakeUpOf = (state: TicketState, policy: Policy): Instant | null => {
  const compiled = compiledPolicyOf(policy);
  return E.isRight(compiled) ? nextWakeUp(state, compiled.right) : null;
};

/** Handles a command: its events, their notification intents and the next wake-up in one append. */
export const handleNotifying = (
  store: OutboxStore,
  policies: PolicyResolver<Policy>,
  command: TicketCommand,
  options: NotifyingHandlerOptions,
): Promise<E.Either<HandlerError, NotifyingHandled>> =>
  handleWith<Policy, NotifyingHandled>(store, policies, command, options, {
    unchanged: ({ events, version, state }) => ({ events, recorded: [], version, state, intents: [] }),
    record: async ({ events, version, state, policy }) => {
      // Fresh ids on every attempt, so no intent ever points at an event that was not stored.
      const intents: NotificationIntent[] = [];
      const ids: string[] = [];
      let after = state;
      for (const event of events) {
        const before = after;
        after = evolve(before, event);
        const eventId = options.newEventId();
        ids.push(eventId);
        const context = { ...options.context?.(after, policy), eventId };
        intents.push(...notificationsFor(event, before, after, policy, context));
      }
      const wakeUp = wakeUpOf(after, policy);
      const appended = await store.appendWithOutbox(
        command.tenantId,
        command.ticketId,
        events.map((e, i) => ({ ...toNewEvent(e), eventId: ids[i] as string })),
        { expectedVersion: expectedAfterRead(version), outbox: intents, wakeUp },
      );
      return { events, recorded: appended.events, version: appended.nextVersion, state: after, intents, wakeUp };
    },
  });
