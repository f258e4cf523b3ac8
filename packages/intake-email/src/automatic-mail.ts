/**
 * Mail written by a machine: answering it (or opening a ticket whose confirmation answers it)
 * risks a loop of two robots mailing each other. Each signal below makes the mail an
 * `AUTO_SUBMITTED` refusal: no ticket, no reply. The first signal found is reported, with the
 * header that decided. Every test is a linear pass over one header value.
 *
 * - `auto-submitted`: `Auto-Submitted` other than `no` (RFC 3834 §2; the field: §5).
 * - `bounce`: `Return-Path: <>` (the null reverse-path of delivery reports, RFC 5321 §4.5.5,
 *   RFC 3834 §2), `Content-Type: multipart/report; report-type=delivery-status` (RFC 3464,
 *   RFC 6522), a sender `MAILER-DAEMON` or `postmaster`.
 * - `auto-reply`: `X-Autoreply`, `X-Autorespond` (other than `no`), `Precedence: auto_reply`,
 *   `X-Auto-Response-Suppress: All` (Exchange stamps it on its own automatic mail), any other
 *   `multipart/report` (read receipts, feedback reports).
 * - `bulk`: `Precedence: bulk` or `junk` (RFC 3834 §2).
 * - `mailing-list`: a `List-Id` or RFC 2369 `List-*` field, `Precedence: list`, a sender
 *   `LISTSERV` or `majordomo` (RFC 5230 §4.5); not for a list named in `listIds` (a list that
 *   fronts the mailbox itself).
 * - `out-of-office`: a subject starting with an out-of-office phrase (EN/DE/RU) and ending there
 *   or going on with `:`, on a mail that answers an earlier one (`In-Reply-To`, `References` or
 *   a ticket tag in the subject), unless the mail says `Auto-Submitted: no`.
 */
import type { AddressObject, HeaderLines } from "mailparser";
import { isOutOfOfficeSubject } from "./out-of-office.js";
import { cleanHeaderText, truncate } from "./sanitize.js";

export type AutomaticSignal = "auto-submitted" | "bounce" | "auto-reply" | "bulk" | "mailing-list" | "out-of-office";

export interface AutomaticMail {
  readonly signal: AutomaticSignal;
  /** The header that decided, as `name: value` (cut to 80 characters). */
  readonly header: string;
}

/** The parts of a parsed mail the checks read (mailparser's `ParsedMail` fits). */
export interface MailHead {
  readonly headerLines: HeaderLines;
  readonly from?: AddressObject | undefined;
  readonly subject?: string | undefined;
}

export interface AutomaticMailOptions {
  /** List-Ids of lists that front this mailbox; their list headers do not make mail automatic. */
  readonly listIds?: readonly string[];
  /** Whether the subject names a ticket by its tag (a sign that the mail answers one of ours). */
  readonly hasTag: boolean;
}

const LIST_FIELDS = new Set([
  "list-id",
  "list-unsubscribe",
  "list-help",
  "list-subscribe",
  "list-post",
  "list-owner",
  "list-archive",
]);

/** Every value of header `key`, unfolded and cleaned, lower-cased. */
const valuesOf = (lines: HeaderLines, key: string): string[] =>
  lines.filter((h) => h.key === key).map((h) => cleanHeaderText(h.line.slice(h.line.indexOf(":") + 1)).toLowerCase());

const found = (signal: AutomaticSignal, name: string, value: string): AutomaticMail => ({
  signal,
  header: truncate(`${name}: ${value}`, 80),
});

/** The text between the last `<` and the `>` after it (`Desk <desk.example>` → `desk.example`). */
export const listIdOf = (value: string): string => {
  const open = value.lastIndexOf("<");
  const close = open < 0 ? -1 : value.indexOf(">", open);
  return (open >= 0 && close > open ? value.slice(open + 1, close) : value).trim().toLowerCase();
};

const senderLocalPart = (from: AddressObject | undefined): string => {
  const box = from?.value[0];
  const address = (box?.address ?? "").trim().toLowerCase();
  // `From: MAILER-DAEMON` (no domain) parses as a name without an address.
  return address === "" ? cleanHeaderText(box?.name ?? "").toLowerCase() : address.slice(0, address.lastIndexOf("@"));
};

/** The `report-type` parameter of a content type (`multipart/report; report-type="delivery-status"`). */
const reportTypeOf = (contentType: string): string => {
  for (const param of contentType.split(";").slice(1)) {
    const eq = param.indexOf("=");
    if (param.slice(0, eq).trim() === "report-type")
      return param
        .slice(eq + 1)
        .trim()
        .replaceAll('"', "");
  }
  return "";
};

const firstWord = (s: string): string => s.split(/[\s;,]/, 1)[0] ?? "";

const notNo = (v: string): boolean => v !== "no" && v !== "false" && v !== "0";

/** The first sign that `mail` was written by a machine, or `undefined` for a person's mail. */
export const automaticMail = (mail: MailHead, options: AutomaticMailOptions): AutomaticMail | undefined => {
  const lines = mail.headerLines;
  const autoSubmitted = valuesOf(lines, "auto-submitted");
  const machine = autoSubmitted.find((v) => v !== "no" && !v.startsWith("no "));
  if (machine !== undefined) return found("auto-submitted", "auto-submitted", machine);

  if (valuesOf(lines, "return-path").some((v) => v.replace(/\s/g, "") === "<>")) {
    return found("bounce", "return-path", "<>");
  }
  const report = valuesOf(lines, "content-type").find((v) => v.split(";", 1)[0]?.trim() === "multipart/report");
  if (report !== undefined) {
    const reportType = reportTypeOf(report);
    const signal = reportType === "delivery-status" ? "bounce" : "auto-reply";
    return found(signal, "content-type", `multipart/report; report-type=${reportType}`);
  }
  const local = senderLocalPart(mail.from);
  if (local === "mailer-daemon" || local === "postmaster") return found("bounce", "from", local);

  for (const key of ["x-autoreply", "x-autorespond"]) {
    const value = valuesOf(lines, key).find(notNo);
    if (value !== undefined) return found("auto-reply", key, value);
  }
  const suppress = valuesOf(lines, "x-auto-response-suppress").find((v) =>
    v.split(",").some((t) => t.trim() === "all"),
  );
  if (suppress !== undefined) return found("auto-reply", "x-auto-response-suppress", suppress);
  const precedence = valuesOf(lines, "precedence").map(firstWord);
  if (precedence.includes("auto_reply")) return found("auto-reply", "precedence", "auto_reply");
  const bulk = precedence.find((p) => p === "bulk" || p === "junk");
  if (bulk !== undefined) return found("bulk", "precedence", bulk);

  const ownLists = new Set((options.listIds ?? []).map(listIdOf));
  const ownList = valuesOf(lines, "list-id").some((v) => ownLists.has(listIdOf(v)));
  if (!ownList) {
    const listField = lines.find((h) => LIST_FIELDS.has(h.key));
    if (listField !== undefined) return found("mailing-list", listField.key, valuesOf(lines, listField.key)[0] ?? "");
    if (precedence.includes("list")) return found("mailing-list", "precedence", "list");
    if (local === "listserv" || local === "majordomo") return found("mailing-list", "from", local);
  }

  const answers = options.hasTag || lines.some((h) => h.key === "in-reply-to" || h.key === "references");
  const subject = cleanHeaderText(mail.subject ?? "");
  if (answers && autoSubmitted.length === 0 && isOutOfOfficeSubject(subject)) {
    return found("out-of-office", "subject", subject);
  }
  return undefined;
};

/**
 * Whether the sender asked not to get automatic replies (`X-Auto-Response-Suppress` naming
 * `All`, `OOF` or `AutoReply`): a refusal is then not answered, though the mail may open a ticket.
 */
export const repliesSuppressed = (lines: HeaderLines): boolean =>
  valuesOf(lines, "x-auto-response-suppress").some((v) =>
    v.split(",").some((t) => ["all", "oof", "autoreply"].includes(t.trim())),
  );
