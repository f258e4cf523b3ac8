/**
 * Which process runs what. The libraries read wall times in the process time zone (`TZ`), so
 * every zone gets its own child process, started with `TZ` in its environment (set before
 * anything reads it, and gone with the process): the calendar's own zone (a Berlin desk on a
 * Berlin laptop) and UTC (the same desk's server). Ours is asked in every process: its answers
 * must not depend on the process zone, and the bench stops if they do.
 */
import { cases } from "./cases.js";
import { DAYJS, DAYJS_TZ, MOMENT, MOMENT_TZ, OPENING_HOURS, OURS } from "./contender.js";

export interface CorrectnessRun {
  readonly title: string;
  /** The process time zone, or "calendar" for each calendar's own zone (one child per zone). */
  readonly processZone: string;
  readonly contenders: readonly string[];
}

export const correctnessRuns: readonly CorrectnessRun[] = [
  {
    title: "process time zone = the calendar's zone (TZ=Europe/Berlin, TZ=America/New_York)",
    processZone: "calendar",
    contenders: [OURS, MOMENT, DAYJS, OPENING_HOURS],
  },
  {
    title: "process time zone = UTC (a server), calendars in Europe/Berlin and America/New_York",
    processZone: "UTC",
    contenders: [OURS, MOMENT, MOMENT_TZ, DAYJS, DAYJS_TZ, OPENING_HOURS],
  },
];

export interface Job {
  readonly caseIndex: number;
  readonly contender: string;
}

/** The jobs one child process works through, in order; the child is told where to start. */
export const jobsIn = (run: CorrectnessRun, zone: string): Job[] =>
  cases.flatMap((c, caseIndex) =>
    run.processZone !== "calendar" || c.calendar.timeZone === zone
      ? run.contenders.map((contender) => ({ caseIndex, contender }))
      : [],
  );

/** The process zones a run needs children for. */
export const zonesOf = (run: CorrectnessRun): string[] =>
  run.processZone === "calendar" ? [...new Set(cases.map((c) => c.calendar.timeZone))] : [run.processZone];

/** Speed is measured in the office calendar's zone, so the libraries compute the right calendar. */
export const SPEED_ZONE = "Europe/Berlin";
/** dayjs with the timezone plugin loops forever on some inputs (see the correctness table): not timed. */
export const speedContenders: readonly string[] = [MOMENT, MOMENT_TZ, DAYJS, OPENING_HOURS];
