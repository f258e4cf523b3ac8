/** Builds events from the command that caused them: same ticket, tenant, instant and actor. */
import * as E from "fp-ts/lib/Either.js";
import type { TicketCommand } from "../ticket/commands.js";
import type { DomainError } from "../ticket/errors.js";
import { currentSchemaVersion, type EventOf, type TicketEvent, type TicketEventType } from "../ticket/events.js";

export const eventFrom = <K extends TicketEventType>(
  command: TicketCommand,
  type: K,
  data: EventOf<K>["data"],
): TicketEvent =>
  ({
    type,
    schemaVersion: currentSchemaVersion[type],
    ticketId: command.ticketId,
    tenantId: command.tenantId,
    at: command.at,
    actor: command.actor,
    data,
  }) as TicketEvent;

/** What a decision returns: new events, or the domain error that refused the command. */
export type Decision = E.Either<DomainError, TicketEvent[]>;

/** A decision that accepts the command with these events (none: nothing to record). */
export const ok = (...events: TicketEvent[]): Decision => E.right(events);
