/**
 * Calendar benchmark: `add` and `between` on a Europe/Berlin office calendar (Mon–Fri 09–12 +
 * 13–18, 15 holidays a year) for spans up to 30 business days, against a naive minute-stepping
 * walk (`isOpen` asked once per minute) over the same inputs in the same run.
 * Goal: ≥ 1,000,000 ops/s for each, and ≥ 100× the naive walk.
 *
 * Run alone: `npx tsx --conditions=@ticketfold/source src/calendar.ts` (from bench/).
 */
import { pathToFileURL } from "node:url";
import { type BusinessCalendar, compileCalendar, HOUR, MINUTE, type WeeklyCalendarDef } from "@ticketfold/core";

const GOAL_RATE = 1_000_000;
const GOAL_RATIO = 100;
const FAST_INPUTS = 100_000;
const NAIVE_INPUTS = 100;
const ROUNDS = 5;
const SPAN = 30 * 8 * HOUR; // 30 business days of 8 open hours

/** The office calendar, as data: `calendar-libs.ts` expresses the same one in other libraries. */
export const officeDefinition: WeeklyCalendarDef = {
  id: "office",
  version: 1,
  timeZone: "Europe/Berlin",
  week: Object.fromEntries(
    ["mon", "tue", "wed", "thu", "fri"].map((d) => [
      d,
      [
        ["09:00", "12:00"],
        ["13:00", "18:00"],
      ],
    ]),
  ),
  holidays: [
    ...["01-01", "05-01", "10-03", "12-24", "12-25", "12-26", "12-31"],
    ...["2024-01-06", "2024-03-29", "2024-04-01", "2024-05-09", "2024-05-20", "2024-05-30", "2024-08-15", "2024-11-01"],
    ...["2025-01-06", "2025-04-18", "2025-04-21", "2025-05-29", "2025-06-09", "2025-06-19", "2025-08-15", "2025-11-01"],
    ...["2026-01-06", "2026-04-03", "2026-04-06", "2026-05-14", "2026-05-25", "2026-06-04", "2026-08-15", "2026-11-01"],
  ],
};
const office = compileCalendar(officeDefinition);

/** A seeded generator (mulberry32), so every run measures the same inputs. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
};

export const inputs = (n: number, seed: number, span = SPAN) => {
  const next = random(seed);
  const from = Date.UTC(2024, 0, 1);
  const minutes = (Date.UTC(2026, 10, 1) - from) / MINUTE;
  return Array.from({ length: n }, () => {
    const t = from + Math.floor(next() * minutes) * MINUTE;
    const d = (1 + Math.floor((next() * span) / MINUTE)) * MINUTE;
    return { t, d, b: office.add(t, d) + Math.floor(next() * 600) * MINUTE };
  });
};

/** The naive walk: one `isOpen` per minute (minute-aligned inputs). */
const naiveAdd = (cal: BusinessCalendar, t: number, d: number): number => {
  let left = d / MINUTE;
  for (let m = t; ; m += MINUTE) if (cal.isOpen(m) && --left === 0) return m + MINUTE;
};
const naiveBetween = (cal: BusinessCalendar, a: number, b: number): number => {
  let n = 0;
  for (let m = a; m < b; m += MINUTE) if (cal.isOpen(m)) n++;
  return n * MINUTE;
};

type Input = { t: number; d: number; b: number };
const opsPerSecond = (xs: readonly Input[], op: (x: Input) => number): number => {
  const rates: number[] = [];
  let sink = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const start = performance.now();
    for (const x of xs) sink += op(x);
    rates.push(xs.length / ((performance.now() - start) / 1000));
  }
  if (Number.isNaN(sink)) throw new Error("unreachable: keeps the work observable");
  return [...rates].sort((a, b) => a - b)[Math.floor(ROUNDS / 2)] as number;
};

const line = (name: string, fast: number, naive: number): string => {
  const ratio = fast / naive;
  const verdict = fast >= GOAL_RATE && ratio >= GOAL_RATIO ? "goal met" : "GOAL MISSED";
  return `calendar: ${name.padEnd(7)} ${(fast / 1e6).toFixed(2)} M ops/s; naive ${naive.toFixed(0)} ops/s; ratio ${ratio.toFixed(0)}× (goal ≥ ${GOAL_RATE / 1e6} M ops/s, ≥ ${GOAL_RATIO}×): ${verdict}`;
};

export async function benchCalendar(): Promise<string[]> {
  const fast = inputs(FAST_INPUTS, 1);
  const slow = inputs(NAIVE_INPUTS, 2);
  for (const x of slow) {
    if (
      naiveAdd(office, x.t, x.d) !== office.add(x.t, x.d) ||
      naiveBetween(office, x.t, x.b) !== office.between(x.t, x.b)
    ) {
      throw new Error(`calendar and naive walk disagree at ${new Date(x.t).toISOString()}`);
    }
  }
  const add = opsPerSecond(fast, (x) => office.add(x.t, x.d));
  const between = opsPerSecond(fast, (x) => office.between(x.t, x.b));
  const naiveAddRate = opsPerSecond(slow, (x) => naiveAdd(office, x.t, x.d));
  const naiveBetweenRate = opsPerSecond(slow, (x) => naiveBetween(office, x.t, x.b));
  return [
    `calendar: Europe/Berlin Mon–Fri 09–12 + 13–18, 15 holidays/year; spans up to 30 business days`,
    line("add", add, naiveAddRate),
    line("between", between, naiveBetweenRate),
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const l of await benchCalendar()) console.log(l);
}
