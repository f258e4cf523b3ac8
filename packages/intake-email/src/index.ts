/**
 * @ticketfold/intake-email — inbound mail into ticket commands: a new ticket, or a customer
 * comment on the ticket named by the subject tag, or a refusal with a reply for the sender.
 * Replies find their ticket by thread (`In-Reply-To` / `References`) or subject tag (P-D); key
 * fields `Login:` / `Priority:` (P-C); attachment metadata and limits; automatic mail (bounces,
 * auto-replies, lists, out-of-office) is never answered; refusals in the policy's language.
 */
export { type AttachmentLimits, attachmentMetadata, type MailAttachment } from "./attachments.js";
export type { AutomaticSignal } from "./automatic-mail.js";
export { humanBytes } from "./human-bytes.js";
export { defaultKeyFieldLabels, type KeyFieldLabels, type KeyFields, readKeyFields } from "./key-fields.js";
export type { PriorityOutcome } from "./open-fields.js";
export {
  defaultIntakeLimits,
  type IntakeCustomer,
  type IntakeLimits,
  type IntakeOptions,
  type KeyFieldOptions,
  type TaggedTicket,
} from "./options.js";
export { type IntakeResult, parseInboundMail } from "./parse-inbound-mail.js";
export {
  type IntakeCallback,
  type IntakeRefusal,
  type IntakeRefusalCode,
  type IntakeReply,
  intakeRefusalCodes,
  isIntakeRefusal,
  type RefusalDetails,
} from "./refusal.js";
export { isUsableAddress, type MailSender } from "./sender.js";
export { defaultTagFormat, findSubjectTags, formatSubjectTag, type SubjectTagFormat } from "./subject-tag.js";
