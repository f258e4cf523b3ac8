/**
 * A notification intent: what should be told to whom, decided purely from an event. Channels
 * (mail, webhook) turn intents into deliveries. The id is deterministic — event id, rule and
 * recipient role — so a dispatcher that runs twice sends with the same idempotency key. An
 * intent links back to its cause: the event (`eventId`) and the command behind it
 * (`commandId`, `correlationId`).
 */
import * as t from "io-ts";
import { LocaleC, NotificationRuleC } from "../policy/notifications.js";
import { guarded } from "../shared/decode.js";
import { InstantC } from "../shared/instant.js";

/**
 * Recipient roles: `requester`, `organisation` (the customer's points of contact), `assignee`,
 * `group`, `manager`, or an escalation ladder role such as `head-of-support`.
 */
export const RecipientC = t.intersection([
  t.type({ role: t.string }),
  t.partial({ address: t.string, name: t.string, id: t.string }),
]);
export type Recipient = t.TypeOf<typeof RecipientC>;

export const AudienceC = t.keyof({ requester: null, staff: null });
export type Audience = t.TypeOf<typeof AudienceC>;

/** Template values: plain strings (instants as ISO-8601), rendered by the channel. */
export const NotificationDataC = t.record(t.string, t.string);
export type NotificationData = t.TypeOf<typeof NotificationDataC>;

export const NotificationIntentC = t.intersection([
  t.type({
    id: t.string,
    eventId: t.string,
    ticketId: t.string,
    tenantId: t.string,
    rule: NotificationRuleC,
    templateKey: t.string,
    locale: LocaleC,
    recipients: t.array(RecipientC),
    audience: AudienceC,
    urgent: t.boolean,
    /** When the event happened. */
    at: InstantC,
    data: NotificationDataC,
  }),
  t.partial({
    /** Quiet hours: do not deliver before this instant. */
    notBefore: InstantC,
    /** The correlation id of the command behind the event (`eventId` names the event itself). */
    correlationId: t.string,
    /** The id of the command behind the event, when it had one. */
    commandId: t.string,
  }),
]);
// Its `decode` never throws: a getter or Proxy that throws is a failure (shared/decode.ts).
guarded(NotificationIntentC);
export type NotificationIntent = t.TypeOf<typeof NotificationIntentC>;
/** The JSON form of an intent (instants as ISO strings), as written to an outbox. */
export type EncodedNotificationIntent = t.OutputOf<typeof NotificationIntentC>;

/** The deterministic id of an intent: `eventId/rule/role`. */
export const intentId = (eventId: string, rule: string, role: string): string => `${eventId}/${rule}/${role}`;
