/**
 * P-C key fields: a mail registers a ticket only when its text *starts* with the lines
 * `Login: <contract number>` and `Priority: <level>` (in any order, labels case-insensitive,
 * aliases configurable, e.g. `Логин` / `Приоритет` for Russian mail). The key-field block ends
 * at the first line that is not a key field; those lines are removed from the description.
 * When a label repeats, the first value counts. Reading is linear in the text (see
 * `keyFieldLine`): a hostile body cannot make it backtrack.
 */
import { keyFieldLine } from "./key-field-line.js";
import { cleanHeaderText, truncate } from "./sanitize.js";

export interface KeyFieldLabels {
  readonly login: readonly string[];
  readonly priority: readonly string[];
}

export const defaultKeyFieldLabels: KeyFieldLabels = { login: ["Login"], priority: ["Priority"] };

export interface KeyFields {
  readonly login?: string;
  readonly priority?: string;
  /** The text after the key-field block (leading blank lines removed). */
  readonly rest: string;
}

const kindOf = (label: string, labels: KeyFieldLabels): keyof Omit<KeyFields, "rest"> | undefined => {
  const key = label.trim().toLowerCase();
  if (labels.login.some((l) => l.toLowerCase() === key)) return "login";
  if (labels.priority.some((l) => l.toLowerCase() === key)) return "priority";
  return undefined;
};

/** Reads the key-field block at the top of `body` (already cleaned: `\n` line ends). */
export const readKeyFields = (body: string, labels: KeyFieldLabels = defaultKeyFieldLabels): KeyFields => {
  const lines = body.split("\n");
  const found: { login?: string; priority?: string } = {};
  let i = 0;
  while (i < lines.length && (lines[i] ?? "").trim() === "") i++;
  for (; i < lines.length; i++) {
    const line = keyFieldLine(lines[i] ?? "");
    const kind = line === undefined ? undefined : kindOf(line.label, labels);
    if (line === undefined || kind === undefined) break;
    const value = truncate(cleanHeaderText(line.value), 100);
    if (found[kind] === undefined && value !== "") found[kind] = value;
  }
  while (i < lines.length && (lines[i] ?? "").trim() === "") i++;
  return { ...found, rest: lines.slice(i).join("\n") };
};
