/** Builds events from the command that caused them: same ticket, tenant, instant and actor. */
import type { TicketCommand } from "./commands.js";
import { currentSchemaVersion, type EventOf, type TicketEvent, type TicketEventType } from "./events.js";

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
