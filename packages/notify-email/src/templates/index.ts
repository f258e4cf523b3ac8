/**
 * The built-in templates (English, German, Russian) and how user overrides are merged into
 * them: an override replaces only the parts it names; a key no locale knows falls back to
 * English, then to the override alone.
 */
import type { Locale } from "@ticketfold/core";
import { de, deMetrics } from "./de.js";
import { en, enMetrics } from "./en.js";
import { ru, ruMetrics } from "./ru.js";
import type { EmailTemplate, MetricLabels, TemplateOverrides, TemplateSet } from "./types.js";

export type { EmailTemplate, MetricLabels, TemplateOverrides, TemplateSet } from "./types.js";

export const defaultTemplates: Readonly<Record<Locale, TemplateSet>> = { en, de, ru };
export const metricLabels: Readonly<Record<Locale, MetricLabels>> = { en: enMetrics, de: deMetrics, ru: ruMetrics };

/** The template for `key` in `locale`, with overrides applied; `undefined` when none exists. */
export const templateFor = (
  locale: Locale,
  key: string,
  overrides: TemplateOverrides = {},
): EmailTemplate | undefined => {
  const builtIn = defaultTemplates[locale][key] ?? defaultTemplates.en[key];
  const override = overrides[locale]?.[key];
  if (builtIn === undefined) {
    return override?.subject !== undefined && override.text !== undefined
      ? {
          subject: override.subject,
          text: override.text,
          ...(override.html !== undefined ? { html: override.html } : {}),
        }
      : undefined;
  }
  return { ...builtIn, ...override } as EmailTemplate;
};
