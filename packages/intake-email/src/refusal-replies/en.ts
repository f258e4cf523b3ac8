/** Refusal replies in English (the default). */
import { humanBytes } from "../human-bytes.js";
import { listTags, type RefusalReplies } from "./types.js";

const size = (n: number) => humanBytes(n, "en");

const tagReply = (tag: string) =>
  `Your mail names ticket ${tag}, but it could not be added to that ticket from your address.\n` +
  "Check the ticket number, or reply from the address that raised the ticket. To raise a new request, " +
  "send a mail without a ticket number in the subject.";

export const en: RefusalReplies = {
  closing: "\n\nThis is an automatic message from the support desk.",
  noSubject: "Your mail to the support desk",
  text: (d, showTag) => {
    switch (d.code) {
      case "MAIL_TOO_LARGE":
        return `Your mail is ${size(d.size)}; the support desk accepts mail up to ${size(d.limit)}. Please send large files another way.`;
      case "MISSING_SUBJECT":
        return "Your mail has no subject. Please send it again with a short subject that says what it is about.";
      case "MISSING_BODY":
        return "Your mail has no text. Please describe your request in the body of the mail.";
      case "BODY_TOO_LONG":
        return `Your mail's text is ${d.length} characters long; the support desk accepts up to ${d.limit}. Please shorten it or attach long logs as files.`;
      case "ATTACHMENT_TOO_LARGE":
        return d.scope === "file"
          ? `The attachment "${d.file}" is ${size(d.size)}; each file may be at most ${size(d.limit)}. Please send it another way or split it.`
          : `Together with "${d.file}" your attachments are over ${size(d.limit)}, the most one mail may carry. Please spread them over several mails.`;
      case "TOO_MANY_ATTACHMENTS":
        return `Your mail has ${d.count} attachments; one mail may carry at most ${d.limit}. Please spread them over several mails.`;
      case "AMBIGUOUS_TAG":
        return `The subject of your mail names several tickets (${listTags(d.tags, showTag)}). Please name only the one ticket your mail is about.`;
      case "UNKNOWN_TICKET":
      case "FOREIGN_TICKET":
      case "SENDER_NOT_ALLOWED":
        return tagReply(showTag(d.tag));
      case "MISSING_LOGIN":
        return (
          "Your mail was not registered: it must start with the key fields, one per line, for example\n\n" +
          "Login: <your contract number>\nPriority: <1-4>\n\nfollowed by the description of your request."
        );
      case "UNKNOWN_LOGIN":
        return `Your mail was not registered: the login "${d.login}" is not known to us. Please check the contract number in the Login line.`;
      default:
        return undefined;
    }
  },
};
