/** notifications/ — the notification intents an event causes, read from the states and the policy. */
export { erasedIntent, isForgottenRecipient, isForSubjectOnly, reachableRecipients } from "./erasure.js";
export {
  type Audience,
  type EncodedNotificationIntent,
  type NotificationData,
  type NotificationIntent,
  NotificationIntentC,
  type Recipient,
} from "./intent.js";
export { type NotificationContext, notificationsFor } from "./notifications-for.js";
export type { CalendarLookup } from "./sla-settings.js";
export { ticketLink, ticketNumber, ticketTag } from "./ticket-reference.js";
