/**
 * Attachments become metadata only (name, size, content type, SHA-256 of the content): the
 * content itself is never stored by intake. P-C limits attachment size; here each file and the
 * sum are bounded, and the refusal names the file that crossed the line and the limit.
 */
import { createHash } from "node:crypto";
import type { Attachment as CoreAttachment } from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import type { RefusalDetails } from "./refusal.js";
import { cleanFileName, cleanHeaderText, truncate } from "./sanitize.js";

export interface AttachmentLimits {
  readonly maxAttachmentBytes: number;
  readonly maxTotalAttachmentBytes: number;
  readonly maxAttachments: number;
}

/** The parts of a parsed attachment intake reads (mailparser's `Attachment` fits). */
export interface MailAttachment {
  readonly filename?: string | undefined;
  readonly contentType?: string | undefined;
  readonly content: Uint8Array;
}

const CONTENT_TYPE = /^[a-z0-9!#$&^_.+-]{1,64}\/[a-z0-9!#$&^_.+-]{1,128}$/;

const cleanContentType = (raw: string | undefined): string => {
  const type = cleanHeaderText(raw ?? "").toLowerCase();
  return CONTENT_TYPE.test(type) ? type : "application/octet-stream";
};

/** Metadata for every attachment, or the first limit it breaks. */
export const attachmentMetadata = (
  attachments: readonly MailAttachment[],
  limits: AttachmentLimits,
): E.Either<RefusalDetails, CoreAttachment[]> => {
  if (attachments.length > limits.maxAttachments) {
    return E.left({ code: "TOO_MANY_ATTACHMENTS", count: attachments.length, limit: limits.maxAttachments });
  }
  const out: CoreAttachment[] = [];
  let total = 0;
  for (const [index, attachment] of attachments.entries()) {
    const name = cleanFileName(attachment.filename, `attachment-${index + 1}`);
    const size = attachment.content.byteLength;
    if (size > limits.maxAttachmentBytes) {
      return E.left({
        code: "ATTACHMENT_TOO_LARGE",
        scope: "file",
        file: name,
        size,
        limit: limits.maxAttachmentBytes,
      });
    }
    total += size;
    if (total > limits.maxTotalAttachmentBytes) {
      return E.left({
        code: "ATTACHMENT_TOO_LARGE",
        scope: "total",
        file: name,
        size: total,
        limit: limits.maxTotalAttachmentBytes,
      });
    }
    const sha256 = createHash("sha256").update(attachment.content).digest("hex");
    out.push({ name: truncate(name, 200), size, contentType: cleanContentType(attachment.contentType), sha256 });
  }
  return E.right(out);
};
