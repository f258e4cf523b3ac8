/**
 * Two judgements made about a parsed mail with this mailbox's options: whether a machine wrote
 * it (then it is refused without a reply), and whom a refusal may answer, in which language.
 */
import * as E from "fp-ts/lib/Either.js";
import type { ParsedMail } from "mailparser";
import { automaticMail, repliesSuppressed } from "./automatic-mail.js";
import type { IntakeOptions } from "./options.js";
import type { RefusalContext } from "./refusal-texts.js";
import { cleanHeaderText } from "./sanitize.js";
import { senderOf } from "./sender.js";
import { defaultTagFormat, findSubjectTags, formatSubjectTag } from "./subject-tag.js";

/** The first sign that a machine wrote the mail (see `automaticMail`), with this mailbox's options. */
export const automaticOf = (mail: ParsedMail, options: IntakeOptions) => {
  const tagFormat = { ...defaultTagFormat, ...options.tagFormat };
  const hasTag = findSubjectTags(cleanHeaderText(mail.subject ?? ""), tagFormat).length > 0;
  return automaticMail(mail, { hasTag, ...(options.listIds === undefined ? {} : { listIds: options.listIds }) });
};

/**
 * Whom a refusal may answer: the mail's one From address, unless the mail is automatic (a
 * refused oversized mail is judged by its header block) or asks for no automatic replies.
 */
export const contextOf = (mail: ParsedMail | undefined, options: IntakeOptions): RefusalContext => {
  const tagFormat = { ...defaultTagFormat, ...options.tagFormat };
  const showTag = (tag: string) => formatSubjectTag(tag, tagFormat);
  const locale = options.locale ?? "en";
  if (mail === undefined) return { showTag, locale };
  const sender = senderOf(mail.from, mail.headerLines);
  const quiet = repliesSuppressed(mail.headerLines) || automaticOf(mail, options) !== undefined;
  return {
    showTag,
    locale,
    replyTo: E.isRight(sender) && !quiet ? sender.right.address : undefined,
    subject: cleanHeaderText(mail.subject ?? ""),
  };
};
