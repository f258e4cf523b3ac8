/**
 * Cleaning text that came from a stranger's mail before it reaches a ticket or a reply.
 * Header text (subject, names, file names) loses every control character, so CR/LF hidden in
 * an encoded word can never start a new header in a reply; body text keeps its lines and tabs
 * but loses the other control characters (NUL, escape sequences, bidi overrides).
 */

// C0 and C1 controls, DEL, the Unicode line/paragraph separators and the bidi overrides
// and isolates that can make a subject or file name read differently from what it is.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const HEADER_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]+/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const BODY_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** One line of header text: controls become a single space, runs of spaces collapse, trimmed. */
export const cleanHeaderText = (s: string): string => s.replace(HEADER_UNSAFE, " ").replace(/\s+/g, " ").trim();

/** Body text: `\n` line ends, no control characters but tab and newline, no trailing blanks. */
// Trimming line by line (not with /\s+$/m) keeps this linear on hostile runs of blanks.
export const cleanBodyText = (s: string): string =>
  s
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(BODY_UNSAFE, "")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/^\n+/, "")
    .trimEnd();

/** Cuts `s` to at most `max` characters, marking the cut. */
export const truncate = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/**
 * An attachment's name as metadata: header-clean, no directory part (a name like
 * `../../etc/passwd` keeps only `passwd`), at most 200 characters; `fallback` when nothing is left.
 */
export const cleanFileName = (raw: string | undefined, fallback: string): string => {
  const base = cleanHeaderText(raw ?? "")
    .split(/[\\/]/)
    .pop()
    ?.replace(/^\.+/, "")
    .trim();
  return base === undefined || base === "" ? fallback : truncate(base, 200);
};
