/**
 * The notifying command handler: the same read → fold → decide → append loop as
 * `handleCommand`, but the event ids are assigned before the append (injected `newEventId`),
 * so the notification intents of each event (`notificationsFor`, ids `eventId/rule/role`) and
 * the ticket's next wake-up (`nextWakeUp`) can be computed first and written with the events
 * in ONE append (`OutboxStore.appendWithOutbox`). A failed append writes neither; a retried
 * decision gets fresh ids, so no intent ever points at an event that was not stored.
 */
import * as E from "fp-ts/lib/Either.js";
import { decide } from "../decide/decide.js";
import type { NotificationIntent } from "../notifications/intent.js";
import { type NotificationContext, notificationsFor } from "../notifications/notifications-for.js";
import { compiledPolicyOf } from "../policy/compile.js";
import type { Policy } from "../policy/policy.js";
import type { PolicyResolver } from "../policy/resolver.js";
import type { Instant } from "../shared/instant.js";
import type { TicketCommand } from "../ticket/commands.js";
import { evolve } from "../ticket/evolve.js";
import type { TicketState } from "../ticket/state.js";
import { nextWakeUp } from "../timers/next-wake-up.js";
import {
  expectedAfterRead,
  type Handled,
  type HandlerError,
  type HandlerOptions,
  resolvePolicy,
  retryOnConflict,
} from "./handler.js";
import type { OutboxStore } from "./outbox.js";
import { loadTicket, toNewEvent } from "./tickets.js";

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

export const handleNotifying = async (
  store: OutboxStore,
  policies: PolicyResolver<Policy>,
  command: TicketCommand,
  options: NotifyingHandlerOptions,
): Promise<E.Either<HandlerError, NotifyingHandled>> =>
  retryOnConflict<NotifyingHandled>(options.maxRetries ?? 3, async () => {
    const { state, version } = await loadTicket(store, command.tenantId, command.ticketId);
    const policy = resolvePolicy(policies, state, command);
    if (E.isLeft(policy)) return policy;
    const decision = (options.decide ?? decide)(command, state, policy.right);
    if (E.isLeft(decision)) return decision;
    const events = decision.right;
    if (events.length === 0) return E.right({ events, recorded: [], version, state, intents: [] });
    // Fresh ids on every attempt, so no intent ever points at an event that was not stored.
    const intents: NotificationIntent[] = [];
    const ids: string[] = [];
    let after = state;
    for (const event of events) {
      const before = after;
      after = evolve(before, event);
      const eventId = options.newEventId();
      ids.push(eventId);
      const context = { ...options.context?.(after, policy.right), eventId };
      intents.push(...notificationsFor(event, before, after, policy.right, context));
    }
    const wakeUp = wakeUpOf(after, policy.right);
    const appended = await store.appendWithOutbox(
      command.tenantId,
      command.ticketId,
      events.map((e, i) => ({ ...toNewEvent(e), eventId: ids[i] as string })),
      { expectedVersion: expectedAfterRead(version), outbox: intents, wakeUp },
    );
    return E.right({ events, recorded: appended.events, version: appended.nextVersion, state: after, intents, wakeUp });
  });
