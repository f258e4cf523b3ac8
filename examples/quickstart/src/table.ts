/** Plain-text tables with aligned columns, for console output. */

export type Row = readonly string[];

const width = (s: string): number => [...s].length;
const pad = (s: string, n: number): string => s + " ".repeat(Math.max(0, n - width(s)));

/** Renders a header and rows as aligned columns separated by two spaces, with a rule under the header. */
export const renderTable = (header: Row, rows: readonly Row[]): string => {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))));
  const line = (r: Row): string =>
    widths
      .map((w, i) => pad(r[i] ?? "", i === widths.length - 1 ? 0 : w))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header), rule, ...rows.map(line)].join("\n");
};
