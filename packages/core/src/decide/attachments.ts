/**
 * The policy's attachment limits, checked on the files of one `open` or `comment` (P-C: up to
 * 5 files, 10 MB in total, whichever the channel, and also on comments). Attachments are
 * references (policy/attachment-limits.ts, ticket/fields.ts): the sizes and types checked are
 * the ones the reference states, which the storage adapter measured when it kept the bytes.
 */
import { type AttachmentLimits, typeAllowed } from "../policy/attachment-limits.js";
import type { DomainError } from "../ticket/errors.js";
import type { Attachment } from "../ticket/fields.js";

const MB = 1024 * 1024;

/** Bytes in words: `10 MB`, `512 KB`, `800 bytes`. */
const inWords = (bytes: number): string =>
  bytes >= MB && bytes % (MB / 10) === 0
    ? `${bytes / MB} MB`
    : bytes >= 1024 && bytes % 1024 === 0
      ? `${bytes / 1024} KB`
      : `${bytes} bytes`;

const sizeOk = (size: number): boolean => Number.isSafeInteger(size) && size >= 0;

/** The first limit the files break, or undefined when they keep every limit (or there are none). */
export const attachmentRefusal = (
  limits: AttachmentLimits | undefined,
  files: readonly Attachment[],
  policyId: string,
): DomainError | undefined => {
  for (const [i, f] of files.entries()) {
    if (!sizeOk(f.size))
      return {
        code: "INVALID_VALUE",
        field: `attachments[${i}].size`,
        message: `the size of ${f.name} must be a whole number of bytes, 0 or more`,
      };
  }
  if (limits === undefined || files.length === 0) return undefined;
  const { maxFiles, maxFileBytes, maxTotalBytes, allowedTypes } = limits;
  if (maxFiles !== undefined && files.length > maxFiles)
    return {
      code: "ATTACHMENT_LIMIT_EXCEEDED",
      limit: "files",
      allowed: maxFiles,
      actual: files.length,
      message: `${files.length} files attached; policy ${policyId} allows at most ${maxFiles} on one message (pack them into one archive)`,
    };
  let total = 0;
  for (const f of files) {
    if (allowedTypes !== undefined && !typeAllowed(allowedTypes, f.contentType))
      return {
        code: "ATTACHMENT_LIMIT_EXCEEDED",
        limit: "type",
        allowed: allowedTypes,
        actual: f.contentType,
        file: f.name,
        message: `${f.name} is ${f.contentType}; policy ${policyId} accepts ${allowedTypes.join(", ")}`,
      };
    if (maxFileBytes !== undefined && f.size > maxFileBytes)
      return {
        code: "ATTACHMENT_LIMIT_EXCEEDED",
        limit: "file-bytes",
        allowed: maxFileBytes,
        actual: f.size,
        file: f.name,
        message: `${f.name} has ${inWords(f.size)}; policy ${policyId} allows at most ${inWords(maxFileBytes)} a file`,
      };
    total += f.size;
    if (maxTotalBytes !== undefined && total > maxTotalBytes)
      return {
        code: "ATTACHMENT_LIMIT_EXCEEDED",
        limit: "total-bytes",
        allowed: maxTotalBytes,
        actual: files.reduce((sum, g) => sum + g.size, 0),
        file: f.name,
        message: `the files attached have ${inWords(files.reduce((sum, g) => sum + g.size, 0))} together; policy ${policyId} allows at most ${inWords(maxTotalBytes)} on one message (${f.name} crossed it)`,
      };
  }
  return undefined;
};
