/** Placeholder: the notification part of a policy (locale, contacts, quiet hours). */
import * as t from "io-ts";

export const NotificationPolicyC = t.UnknownRecord;
