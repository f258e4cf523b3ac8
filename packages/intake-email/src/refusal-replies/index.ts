/** Refusal replies by language: the policy's `notifications.locale` picks one. */
import type { Locale } from "@ticketfold/core";
import { de } from "./de.js";
import { en } from "./en.js";
import { ru } from "./ru.js";
import type { RefusalReplies } from "./types.js";

export type { RefusalReplies } from "./types.js";

export const refusalReplies: Readonly<Record<Locale, RefusalReplies>> = { en, de, ru };
