/**
 * `notificationsFor`: the notification intents one event causes, decided purely from the
 * event, the ticket before and after it, and the policy. The caller supplies the event's id
 * (stores assign it), so intent ids — and the idempotency keys channels derive from them —
 * are the same however often this runs. One intent is made per rule and recipient role.
 */
import type { BusinessCalendar } from "../calendar/types.js";
import type { Locale } from "../policy/notifications.js";
import type { Policy } from "../policy/policy.js";
import type { TicketEvent } from "../ticket/events.js";
import type { TicketState } from "../ticket/state.js";
import { intentId, type NotificationIntent, type Recipient } from "./intent.js";
import { type Notice, type RuleInput, ticketData } from "./notice.js";
import { requesterRules } from "./requester-rules.js";
import { notificationSettings } from "./settings.js";
import type { CalendarLookup } from "./sla-settings.js";
import { staffRules } from "./staff-rules.js";

export interface NotificationContext {
  /** The id the store gave the event; intent ids start with it. */
  readonly eventId: string;
  /** The app's own ticket number, if it keeps one (else derived from the ticket id). */
  readonly ticketNumber?: string;
  /**
   * Compiled calendars by the names the policy uses: the quiet-hours calendar and the one the
   * auto-close timer counts on (`compileCalendar` builds them; "24x7" needs none).
   */
  readonly calendars?: CalendarLookup;
  /** The requester's own language, when the app knows it (else the policy's). */
  readonly requesterLocale?: Locale;
  /** The correlation id of the command behind the event, copied into each intent. */
  readonly correlationId?: string;
  /** The id of the command behind the event, copied into each intent. */
  readonly commandId?: string;
}

const groupByRole = (to: readonly Recipient[]): Map<string, Recipient[]> => {
  const groups = new Map<string, Recipient[]>();
  for (const r of to) groups.set(r.role, [...(groups.get(r.role) ?? []), r]);
  return groups;
};

/** Internal notes never reach a requester, whatever a rule says (defence in depth). */
const isInternalNote = (event: TicketEvent): boolean =>
  event.type === "commented" && event.data.visibility === "internal";

export const notificationsFor = (
  event: TicketEvent,
  stateBefore: TicketState,
  stateAfter: TicketState,
  policy: Policy,
  context: NotificationContext,
): NotificationIntent[] => {
  const settings = notificationSettings(policy);
  const input: RuleInput = {
    event,
    before: stateBefore,
    after: stateAfter,
    policy,
    settings,
    calendars: context.calendars,
    ticket: ticketData(event, stateAfter, policy, settings, context.ticketNumber),
  };
  const notices: Notice[] = [...requesterRules(input), ...staffRules(input)].filter(
    (n) => !settings.disabledRules.includes(n.rule) && !(n.audience === "requester" && isInternalNote(event)),
  );
  const quietHours =
    settings.quietHoursCalendar !== undefined ? context.calendars?.(settings.quietHoursCalendar) : undefined;
  const intents: NotificationIntent[] = [];
  for (const n of notices) {
    const notBefore = quietUntil(n, event.at, quietHours);
    const locale = n.audience === "requester" ? (context.requesterLocale ?? settings.locale) : settings.locale;
    for (const [role, recipients] of groupByRole(n.to)) {
      intents.push({
        id: intentId(context.eventId, n.rule, role),
        eventId: context.eventId,
        ticketId: event.ticketId,
        tenantId: event.tenantId,
        rule: n.rule,
        templateKey: n.templateKey,
        locale,
        recipients,
        audience: n.audience,
        urgent: n.urgent,
        at: event.at,
        data: n.data,
        ...(notBefore !== undefined ? { notBefore } : {}),
        ...(context.correlationId !== undefined ? { correlationId: context.correlationId } : {}),
        ...(context.commandId !== undefined ? { commandId: context.commandId } : {}),
      });
    }
  }
  return intents;
};

/** Quiet hours: a non-urgent staff notice waits for the next open instant of the calendar. */
const quietUntil = (n: Notice, at: number, calendar: BusinessCalendar | undefined): number | undefined => {
  if (calendar === undefined || n.audience !== "staff" || n.urgent) return undefined;
  const open = calendar.nextOpen(at);
  return open > at ? open : undefined;
};
