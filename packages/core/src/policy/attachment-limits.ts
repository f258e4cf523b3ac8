/**
 * Attachment limits of a policy (P-C: "up to 5 files with a total size of up to 10 megabytes
 * … the same whether by web or by email … also when adding comments"). The core enforces them
 * on `open` and `comment` for every channel (decide/attachments.ts), and mail intake reads the
 * same limits, so one number holds on web and mail alike. Limits count per message: the files
 * of one `open` or one `comment`.
 */
import * as t from "io-ts";
import { guarded } from "../shared/decode.js";
import { withJsonSchema } from "../shared/json-schema.js";

/** A limit: a whole number from 1 up (files or bytes). */
export const LimitC = withJsonSchema(
  new t.Type<number, number, unknown>(
    "Limit",
    (u): u is number => Number.isSafeInteger(u) && (u as number) >= 1,
    (u, c) =>
      Number.isSafeInteger(u) && (u as number) >= 1
        ? t.success(u as number)
        : t.failure(u, c, `expected a whole number from 1 up, got ${JSON.stringify(u) ?? typeof u}`),
    (n) => n,
  ),
  { type: "integer", minimum: 1 },
  "Limit",
);

const MEDIA_RANGE = /^(?:\*\/\*|[a-z0-9!#$&^_.+-]+\/(?:\*|[a-z0-9!#$&^_.+-]+))$/;

/** A media type (`application/pdf`) or a range of them (`image/*`, `*\/*`), lower case. */
export const MediaRangeC = withJsonSchema(
  new t.Type<string, string, unknown>(
    "MediaRange",
    (u): u is string => typeof u === "string" && MEDIA_RANGE.test(u),
    (u, c) =>
      typeof u === "string" && MEDIA_RANGE.test(u)
        ? t.success(u)
        : t.failure(u, c, `expected a media type such as "application/pdf" or "image/*", got ${JSON.stringify(u)}`),
    (s) => s,
  ),
  { type: "string", pattern: MEDIA_RANGE.source },
  "MediaRange",
);

export const AttachmentLimitsC = t.partial({
  /** At most this many files on one message (P-C: 5). */
  maxFiles: LimitC,
  /** At most this many bytes for the files of one message together (P-C: 10 MB). */
  maxTotalBytes: LimitC,
  /** At most this many bytes for any one file. */
  maxFileBytes: LimitC,
  /** Only these media types (ranges such as `image/*` allowed); absent = any type. */
  allowedTypes: t.array(MediaRangeC),
});
// Its `decode` never throws: a getter or Proxy that throws is a failure (shared/decode.ts).
guarded(AttachmentLimitsC);
export type AttachmentLimits = t.TypeOf<typeof AttachmentLimitsC>;

/** Does a content type (parameters such as `; charset=…` ignored) fall in one of the ranges? */
export const typeAllowed = (ranges: readonly string[], contentType: string): boolean => {
  const type = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  const major = type.split("/")[0];
  return ranges.some((r) => r === "*/*" || r === type || (r.endsWith("/*") && r.slice(0, -2) === major));
};
