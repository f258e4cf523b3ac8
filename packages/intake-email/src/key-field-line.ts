/**
 * One P-C key-field line (`Login: C-1001`, `  priority :2`) split into label and value by a
 * linear scan. It replaces the pattern `^\s*([^:\n]{1,40}?)\s*:[ \t]*(.*)$`, which accepted the
 * same lines but backtracked quadratically on a long run of blanks with no colon after it
 * (8,000 spaces then `x` took seconds, a 100 KB line minutes, and blocked the event loop).
 * The old pattern's meaning is kept exactly, and a property test holds the two equal:
 * - the label is the text before the line's first colon, without surrounding white space
 *   (JavaScript's `\s`, the set `trim` removes), at most 40 characters; a line starting with
 *   its colon has no label;
 * - the value is the text after the colon; a value holding a line terminator other than
 *   `\n` (CR, U+2028, U+2029, which `.` does not match) makes the line no key field.
 */

const MAX_LABEL = 40;

export interface KeyFieldLine {
  /** The label, trimmed (may be empty when only blanks precede the colon). */
  readonly label: string;
  /** The value after the colon, leading spaces and tabs removed. */
  readonly value: string;
}

const isLineTerminator = (c: number): boolean => c === 0x0d || c === 0x2028 || c === 0x2029;

/** Reads `line` (no `\n` in it) as `label: value`; `undefined` when it is no key-field line. */
export const keyFieldLine = (line: string): KeyFieldLine | undefined => {
  const colon = line.indexOf(":");
  if (colon <= 0) return undefined;
  const label = line.slice(0, colon).trim();
  if (label.length > MAX_LABEL) return undefined;
  let start = colon + 1;
  while (start < line.length && (line[start] === " " || line[start] === "\t")) start++;
  for (let i = start; i < line.length; i++) if (isLineTerminator(line.charCodeAt(i))) return undefined;
  return { label, value: line.slice(start) };
};
