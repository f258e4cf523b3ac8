/**
 * The subject tag that ties a mail to a ticket (P-D: `[#10034]`). The format is configurable
 * (Zammad-style `[Ticket#10034]`, `[ACME-42]`): a literal prefix, ASCII digits, a literal suffix.
 *
 * Tags are searched in the *decoded* subject, the text the sender saw, so a tag inside an
 * encoded word counts exactly like a plain one and passes the same tenant and sender checks.
 * Only ASCII digits match: look-alike digits or full-width brackets never name a ticket.
 *
 * Linear in the subject for every format: runs of white space are first folded to one space
 * (in the subject and in the format alike, so `\s*` matches at most one character) and the
 * digit count is capped at 20, so the work at each position is bounded by the format's own
 * length, whatever the subject holds.
 */

export interface SubjectTagFormat {
  /** Literal text before the number; matched case-insensitively. Default `[#`. */
  readonly prefix: string;
  /** Literal text after the number. Default `]`. */
  readonly suffix: string;
  /** Most digits a tag may have (bounds the lookup key), 1–20. Default 12. */
  readonly maxDigits: number;
}

export const defaultTagFormat: SubjectTagFormat = { prefix: "[#", suffix: "]", maxDigits: 12 };

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

const MAX_DIGITS = 20;

/** Every run of white space as one space: `\s*` in the pattern then never has a run to walk. */
const foldBlanks = (s: string): string => s.replace(/\s+/g, " ");

const tagPattern = (format: SubjectTagFormat): RegExp => {
  const digits = Math.min(MAX_DIGITS, Math.max(1, Math.floor(format.maxDigits) || 1));
  const prefix = escapeRegExp(foldBlanks(format.prefix));
  const suffix = escapeRegExp(foldBlanks(format.suffix));
  return new RegExp(`${prefix}\\s*([0-9]{1,${digits}})\\s*${suffix}`, "gi");
};

/** Shows a tag as it is written in subjects: `10034` → `[#10034]`. */
export const formatSubjectTag = (tag: string, format: SubjectTagFormat = defaultTagFormat): string =>
  `${format.prefix}${tag}${format.suffix}`;

/** The distinct tags in a subject, in order of appearance (`Re: [#7] Re: [#7]` names one). */
export const findSubjectTags = (subject: string, format: SubjectTagFormat = defaultTagFormat): string[] => {
  // A set, not `includes`: a subject may carry tens of thousands of tags.
  const tags = new Set<string>();
  for (const match of foldBlanks(subject).matchAll(tagPattern(format))) {
    const tag = match[1];
    if (tag !== undefined) tags.add(tag);
  }
  return [...tags];
};
