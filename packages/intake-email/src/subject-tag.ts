/**
 * The subject tag that ties a mail to a ticket (P-D: `[#10034]`). The format is configurable
 * (Zammad-style `[Ticket#10034]`, `[ACME-42]`): a literal prefix, ASCII digits, a literal suffix.
 *
 * Tags are searched in the *decoded* subject, the text the sender saw, so a tag inside an
 * encoded word counts exactly like a plain one and passes the same tenant and sender checks.
 * Only ASCII digits match: look-alike digits or full-width brackets never name a ticket.
 */

export interface SubjectTagFormat {
  /** Literal text before the number; matched case-insensitively. Default `[#`. */
  readonly prefix: string;
  /** Literal text after the number. Default `]`. */
  readonly suffix: string;
  /** Most digits a tag may have (bounds the lookup key). Default 12. */
  readonly maxDigits: number;
}

export const defaultTagFormat: SubjectTagFormat = { prefix: "[#", suffix: "]", maxDigits: 12 };

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

const tagPattern = (format: SubjectTagFormat): RegExp =>
  new RegExp(
    `${escapeRegExp(format.prefix)}\\s*([0-9]{1,${Math.max(1, Math.floor(format.maxDigits))}})\\s*${escapeRegExp(format.suffix)}`,
    "gi",
  );

/** Shows a tag as it is written in subjects: `10034` → `[#10034]`. */
export const formatSubjectTag = (tag: string, format: SubjectTagFormat = defaultTagFormat): string =>
  `${format.prefix}${tag}${format.suffix}`;

/** The distinct tags in a subject, in order of appearance (`Re: [#7] Re: [#7]` names one). */
export const findSubjectTags = (subject: string, format: SubjectTagFormat = defaultTagFormat): string[] => {
  const tags: string[] = [];
  for (const match of subject.matchAll(tagPattern(format))) {
    const tag = match[1];
    if (tag !== undefined && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
};
