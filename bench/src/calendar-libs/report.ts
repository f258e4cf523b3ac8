/**
 * The expected answer of each case and the markdown tables the bench prints (they go into
 * docs/calendars.md as they are). An expected answer is ours, checked against the minute walk
 * and against the case's written `want`: if any of the three disagree the bench stops, since a
 * table against a wrong answer would be worse than none.
 */
import { compileCalendar } from "@ticketfold/core";
import type { Case } from "./cases.js";
import { walkAdd, walkBetween, wallTime } from "./minute-walk.js";

const MINUTE = 60_000;

export type Answer =
  | { readonly answer: number }
  | { readonly error: string }
  | { readonly missing: string }
  | { readonly hung: number };

const zoneName = (c: Case) => c.calendar.timeZone.split("/")[1]!.replace("_", " ");

const showDuration = (ms: number): string => {
  const m = Math.round(Math.abs(ms) / MINUTE);
  const minutes = m % 60 === 0 ? "" : ` ${String(m % 60).padStart(2, "0")}m`;
  return `${ms < 0 ? "−" : ""}${Math.floor(m / 60)}h${minutes}`;
};
const showInstant = (zone: string, t: number): string => {
  const w = wallTime(zone, t);
  return `${w.day} ${w.date.slice(5)} ${w.time}`;
};
/** An answer as the calendar's wall time (`add`) or in hours and minutes (`between`). */
const show = (c: Case, value: number): string =>
  "add" in c.op ? showInstant(c.calendar.timeZone, value) : showDuration(value);

export const expectedOf = (c: Case): number => {
  const t = Date.parse(c.from);
  const ours =
    "add" in c.op
      ? compileCalendar(c.calendar).add(t, c.op.add * MINUTE)
      : compileCalendar(c.calendar).between(t, Date.parse(c.op.between));
  const walk = "add" in c.op ? walkAdd(c.calendar, t, c.op.add) : walkBetween(c.calendar, t, Date.parse(c.op.between));
  if (ours !== walk || show(c, ours) !== c.want) {
    throw new Error(
      `calendar-libs: case "${c.what}" (${c.from}): ours ${show(c, ours)}, minute walk ${show(c, walk)}, written ${c.want}`,
    );
  }
  return ours;
};

const question = (c: Case): string => {
  const from = showInstant(c.calendar.timeZone, Date.parse(c.from));
  return "add" in c.op
    ? `add ${showDuration(c.op.add * MINUTE)} to ${from}`
    : `between ${from} and ${showInstant(c.calendar.timeZone, Date.parse(c.op.between))}`;
};

const cell = (c: Case, expected: number, a: Answer | undefined): string => {
  if (a === undefined) return "?";
  if ("missing" in a) return "—";
  if ("hung" in a) return `no answer (stopped after ${a.hung / 1000} s)`;
  if ("error" in a) return `throws "${a.error}"`;
  return a.answer === expected ? "✓" : `✗ ${Number.isNaN(a.answer) ? "NaN" : show(c, a.answer)}`;
};

const row = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;

/** One markdown table: a row per case, a column per contender, then a row of scores. */
export const correctnessTable = (
  cases: readonly Case[],
  contenders: readonly string[],
  answerOf: (caseIndex: number, contender: string) => Answer | undefined,
): string[] => {
  const right = new Map(contenders.map((n) => [n, 0]));
  const cannot = new Map(contenders.map((n) => [n, 0]));
  const count = (m: Map<string, number>, n: string) => m.set(n, (m.get(n) ?? 0) + 1);
  const rows = cases.map((c, i) => {
    const expected = expectedOf(c);
    const cells = contenders.map((n) => {
      const text = cell(c, expected, answerOf(i, n));
      if (text === "✓") count(right, n);
      if (text === "—") count(cannot, n);
      return text;
    });
    return row([zoneName(c), c.what, question(c), c.want, ...cells]);
  });
  return [
    row(["zone", "case", "question", "expected", ...contenders]),
    row(["---", "---", "---", "---", ...contenders.map(() => "---")]),
    ...rows,
    row([
      "",
      "**right / asked**",
      "",
      "",
      ...contenders.map((n) => {
        const asked = cases.length - (cannot.get(n) ?? 0);
        return `**${right.get(n)}/${asked}**${asked < cases.length ? ` (${cases.length - asked} —)` : ""}`;
      }),
    ]),
  ];
};

export interface SpeedRow {
  readonly library: string;
  readonly span: string;
  readonly op: string;
  readonly n?: number;
  readonly agree?: number;
  readonly ours?: number;
  readonly theirs?: number;
  readonly missing?: string;
}

const opsPerSecond = (r: number): string =>
  r >= 1e6 ? `${(r / 1e6).toFixed(2)} M` : r >= 1e4 ? `${(r / 1e3).toFixed(0)} k` : r.toFixed(0);

export const speedTable = (rows: readonly SpeedRow[]): string[] => [
  row(["operation", "spans", "library", "their ops/s", "ours ops/s", "ours ÷ theirs", "same answer as ours"]),
  row(["---", "---", "---", "---:", "---:", "---:", "---:"]),
  ...rows.map((r) =>
    r.missing !== undefined || r.ours === undefined || r.theirs === undefined
      ? row([r.op, r.span, r.library, "—", "", "", r.missing ?? ""])
      : row([
          r.op,
          r.span,
          r.library,
          opsPerSecond(r.theirs),
          opsPerSecond(r.ours),
          `${Math.round(r.ours / r.theirs).toLocaleString("en-US")}×`,
          `${r.agree}/${r.n}`,
        ]),
  ),
];
