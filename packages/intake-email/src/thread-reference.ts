/**
 * The ticket a reply's thread names. Every notice `@ticketfold/notify-email` sends carries
 * `In-Reply-To` / `References: <ticket.{ticketId}@{domain}>`, one virtual root per ticket; a
 * mail program answering a notice copies it into the reply's `References` (RFC 5322 §3.6.4:
 * the parent's References, then the parent's Message-ID), so the ticket id travels back whole.
 *
 * Only that exact shape counts: `<ticket.` + a 26-character ULID (Crockford base 32, upper
 * case, as ticket ids are) + `@` + a domain without blanks, `<`, `>` or `@`. Anything else is
 * not a reference to a ticket. Which one decides: the first ticket id in `In-Reply-To` (the
 * direct parent), else the last one in `References` (the nearest ancestor). The id is only a
 * pointer: whether the mail may reach that ticket (tenant, sender) is decided by the caller.
 *
 * One pass over each header value: a `<` restarts the id, a `>` ends it.
 */
import type { HeaderLines } from "mailparser";

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const PREFIX = "ticket.";
const AT = PREFIX.length + 26;

/** The ticket id in one message id (without its angle brackets), if it is a thread root. */
export const ticketIdOfMessageId = (id: string): string | undefined => {
  if (!id.startsWith(PREFIX) || id.length <= AT + 1 || id[AT] !== "@") return undefined;
  const ticketId = id.slice(PREFIX.length, AT);
  if (!ULID.test(ticketId)) return undefined;
  for (let i = AT + 1; i < id.length; i++) {
    const c = id[i] as string;
    if (c === "@" || c === "<" || c === ">" || c.trim() === "") return undefined;
  }
  return ticketId;
};

/** The message ids in a header value, in order (`<a@b> <c@d>` → `a@b`, `c@d`). */
export const messageIds = (value: string): string[] => {
  const ids: string[] = [];
  let open = -1;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "<") open = i;
    else if (c === ">" && open >= 0) {
      ids.push(value.slice(open + 1, i));
      open = -1;
    }
  }
  return ids;
};

const ticketIdsIn = (lines: HeaderLines, key: string): string[] =>
  lines
    .filter((h) => h.key === key)
    .flatMap((h) => messageIds(h.line.slice(h.line.indexOf(":") + 1)))
    .flatMap((id) => ticketIdOfMessageId(id) ?? []);

/** The ticket the thread headers name, or `undefined` when they name none. */
export const threadTicketId = (lines: HeaderLines): string | undefined =>
  ticketIdsIn(lines, "in-reply-to")[0] ?? ticketIdsIn(lines, "references").at(-1);
