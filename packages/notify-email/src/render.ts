/**
 * Rendering templates: `{name}` placeholders and `{?name}…{/name}` sections over the intent's
 * data, plain text and HTML. Values are inserted once and never re-scanned, so a customer who
 * types `{link}` in a comment gets those characters, not a link. In HTML every value is
 * escaped; instants are shown in the notice's language and the channel's time zone.
 */
import type { Locale, NotificationData } from "@ticketfold/core";
import { metricLabels } from "./templates/index.js";

const SECTION = /\{\?([A-Za-z]+)\}([\s\S]*?)\{\/\1\}/g;
const PLACEHOLDER = /\{([A-Za-z]+)\}/g;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** Fills a template; `escapeValue` is applied to every inserted value (HTML escaping for HTML). */
export const renderTemplate = (
  template: string,
  values: Readonly<Record<string, string>>,
  escapeValue: (s: string) => string = (s) => s,
): string =>
  template
    .replace(SECTION, (_whole, name: string, inner: string) => ((values[name] ?? "") !== "" ? inner : ""))
    .replace(PLACEHOLDER, (_whole, name: string) => escapeValue(values[name] ?? ""));

/** The data as shown to a reader: instants formatted for the locale, metric names translated. */
export const displayValues = (data: NotificationData, locale: Locale, timeZone: string): Record<string, string> => {
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone });
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    out[key] = ISO_INSTANT.test(value) ? `${dates.format(new Date(value))} (${timeZone})` : value;
  }
  if (data.metric !== undefined) out.metric = metricLabels[locale][data.metric] ?? data.metric;
  return out;
};

/** HTML made from a rendered text body: escaped, paragraphs kept, the ticket link clickable. */
export const htmlFromText = (text: string, link: string | undefined): string => {
  const escapedLink = link !== undefined && link !== "" ? escapeHtml(link) : undefined;
  const paragraphs = escapeHtml(text)
    .split(/\n{2,}/)
    .map((p) => {
      const withLink = escapedLink ? p.split(escapedLink).join(`<a href="${escapedLink}">${escapedLink}</a>`) : p;
      return `<p>${withLink.replace(/\n/g, "<br>\n")}</p>`;
    });
  return `<!doctype html>\n<html><body>\n${paragraphs.join("\n")}\n</body></html>\n`;
};
