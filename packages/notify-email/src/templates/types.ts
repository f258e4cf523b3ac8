/**
 * Mail templates: a subject and a plain-text body per template key and locale, with an
 * optional HTML body. Placeholders are `{name}` (a value of the intent's data); a section
 * `{?name}…{/name}` is shown only when `name` has a non-empty value.
 */
import type { Locale, NotificationRule } from "@ticketfold/core";

export interface EmailTemplate {
  readonly subject: string;
  readonly text: string;
  /** Optional HTML body; values are HTML-escaped. Absent: made from the text body. */
  readonly html?: string;
}

/** A complete set for one locale: every rule of the core has a template. */
export type TemplateSet = Readonly<Record<NotificationRule, EmailTemplate>> &
  Readonly<Record<string, EmailTemplate | undefined>>;

/** User overrides: any locale, any key (also keys of the app's own rules), any part. */
export type TemplateOverrides = Partial<Record<Locale, Readonly<Record<string, Partial<EmailTemplate>>>>>;

/** Display names of the SLA metrics, per locale (used for `{metric}`). */
export type MetricLabels = Readonly<Record<string, string>>;
