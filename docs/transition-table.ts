/**
 * Prints the ticket lifecycle's transition table (core `transitionTable`) and the default
 * permissions table (core `defaultPermissions`) as markdown, for docs/concepts.md.
 * docs/docs.test.ts checks that the doc holds exactly this output, so the doc cannot drift
 * from the code. Regenerate with:
 *   npx tsx docs/transition-table.ts
 */
import { pathToFileURL } from "node:url";
import { defaultPermissions } from "../packages/core/src/decide/permissions.js";
import { relationships } from "../packages/core/src/ticket/relationships.js";
import { type Rule, transitionTable } from "../packages/core/src/ticket/transitions.js";

export const TRANSITIONS_START = "<!-- transitions:start -->";
export const TRANSITIONS_END = "<!-- transitions:end -->";

const code = (s: string): string => `\`${s}\``;

/** The table: one row per action, in the order of `transitionTable`. */
export const transitionTableMarkdown = (): string => {
  const rows = Object.entries(transitionTable as Record<string, Rule>).map(([action, rule]) => {
    const to = rule.to === undefined ? "(unchanged)" : code(rule.to);
    return `| ${code(action)} | ${rule.from.map(code).join(", ")} | ${to} | ${rule.by.join(", ")} |`;
  });
  return ["| action | accepted when the ticket is | moves it to | who may |", "|---|---|---|---|", ...rows].join("\n");
};

/** Who may, by relationship to the ticket: one row per action of `defaultPermissions`, ✓ where allowed. */
export const permissionTableMarkdown = (): string => {
  const header = `| action | ${relationships.join(" | ")} |`;
  const rule = `|---|${relationships.map(() => "---").join("|")}|`;
  const rows = Object.entries(defaultPermissions).map(
    ([action, allowed]) =>
      `| ${code(action)} | ${relationships.map((r) => ((allowed as readonly string[]).includes(r) ? "✓" : "")).join(" | ")} |`,
  );
  return [header, rule, ...rows].join("\n");
};

/**
 * A markdown table with its layout removed (cell padding, length of the header rule), so a
 * table compares equal however a formatter aligned it.
 */
export const normaliseTable = (markdown: string): string =>
  markdown
    .trim()
    .split("\n")
    .map((line) =>
      line
        .trim()
        .replace(/\s*\|\s*/g, "|")
        .replace(/\|:?-+:?(?=\|)/g, "|---"),
    )
    .join("\n");

/**
 * The text between `<!-- name:start -->` and `<!-- name:end -->` in a markdown document
 * (default: the transition table's), or undefined when they are missing.
 */
export const betweenMarkers = (markdown: string, name = "transitions"): string | undefined => {
  const startMarker = `<!-- ${name}:start -->`;
  const start = markdown.indexOf(startMarker);
  const end = markdown.indexOf(`<!-- ${name}:end -->`);
  if (start < 0 || end < start) return undefined;
  return markdown.slice(start + startMarker.length, end).trim();
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(transitionTableMarkdown());
  console.log();
  console.log(permissionTableMarkdown());
}
