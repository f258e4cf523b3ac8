/**
 * How notices refer to a ticket: its number, the subject tag (`[#10034]`, P-D) and the link.
 *
 * A ticket's id is a ULID; events carry no human number. The app may supply one (a counter it
 * keeps per tenant) in the notification context. Without one the number is derived from the id:
 * its last 10 characters, i.e. 50 of the 80 random bits. That is stable (the same id always
 * gives the same number) and short enough for a subject; with a million tickets the chance
 * that two share a number is about 1 in 2,000, so mail intake treats a tag as a hint and the
 * thread headers (which carry the whole id) as the proof.
 */

const DERIVED_LENGTH = 10;

/** The number shown for a ticket: the app's own number, else the id's last 10 characters. */
export const ticketNumber = (ticketId: string, supplied?: string): string =>
  supplied !== undefined && supplied.trim() !== "" ? supplied.trim() : ticketId.slice(-DERIVED_LENGTH);

/** Replaces `{name}` placeholders; unknown names are left as they are. */
const fill = (template: string, values: Readonly<Record<string, string>>): string =>
  template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => values[name] ?? whole);

/** The subject tag, e.g. `[#10034]` from the default format `[#{number}]`. */
export const ticketTag = (format: string, ticketId: string, number: string): string =>
  fill(format, { number, ticketId });

/** The ticket's link from a template like `https://desk.example/t/{ticketId}`. */
export const ticketLink = (template: string, ticketId: string, number: string): string =>
  fill(template, { ticketId, number: encodeURIComponent(number) });
