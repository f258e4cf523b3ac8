/**
 * The business-time libraries a TypeScript developer would pick, side by side with ours in the
 * same run: moment-business-time (alone and on moment-timezone values), dayjs-business-time
 * (alone and with dayjs's timezone plugin) and opening_hours (elapsed time only).
 *
 * - Speed: ops/s of `add` and `between` on the office calendar of `calendar.ts`, on the same
 *   seeded inputs for ours and theirs, in one child process per library with TZ=Europe/Berlin
 *   (so the libraries compute the right calendar); each row's ratio is ours ÷ theirs measured
 *   in that same process, and how many of their answers equal ours.
 * - Correctness: fixed cases (lunch break, opening boundaries, deadline at an interval's end,
 *   holiday, spring-forward and fall-back in Berlin and New York), expected answers by ours and
 *   a minute walk, each library asked in a child process with TZ = the calendar's zone, then
 *   with TZ=UTC (a server). A library that does not answer within QUIET_MS is stopped and shown so.
 *
 * No goal: this measures where the libraries stand. Prints markdown tables for
 * docs/calendars.md. Run alone: `npx tsx --conditions=@ticketfold/source src/calendar-libs.ts`.
 */
import { pathToFileURL } from "node:url";
import { cases } from "./calendar-libs/cases.js";
import { OURS } from "./calendar-libs/contender.js";
import { type Answer, correctnessTable, expectedOf, type SpeedRow, speedTable } from "./calendar-libs/report.js";
import { correctnessRuns, jobsIn, SPEED_ZONE, speedContenders, zonesOf } from "./calendar-libs/runs.js";
import { type Message, runChild } from "./calendar-libs/spawn.js";

const START_MS = 60_000;
const QUIET_MS = 5_000;
const SPEED_QUIET_MS = 300_000;

const measureSpeed = async (): Promise<SpeedRow[]> => {
  const rows: SpeedRow[] = [];
  for (const library of speedContenders) {
    const outcome = await runChild({
      tz: SPEED_ZONE,
      args: ["speed", library],
      startMs: START_MS,
      quietMs: SPEED_QUIET_MS,
      onMessage: (m) => {
        if (m.done === undefined) rows.push({ library, ...m } as unknown as SpeedRow);
      },
    });
    if (outcome.hung) throw new Error(`calendar-libs: ${library} gave no speed figure in ${SPEED_QUIET_MS / 1000} s`);
  }
  return [...rows].sort((a, b) => a.op.localeCompare(b.op) || a.span.localeCompare(b.span));
};

/** Asks every job of a run in each of its process zones; restarts a child after a job that hung. */
const askCases = async (run: number): Promise<Map<string, Answer>> => {
  const answers = new Map<string, Answer>();
  for (const zone of zonesOf(correctnessRuns[run]!)) {
    const jobs = jobsIn(correctnessRuns[run]!, zone);
    const keyOf = (k: number) => `${jobs[k]!.caseIndex}|${jobs[k]!.contender}`;
    const record = (m: Message) => {
      if (typeof m.job === "number") answers.set(keyOf(m.job), m as unknown as Answer);
    };
    for (let from = 0; from < jobs.length; ) {
      const outcome = await runChild({
        tz: zone,
        args: ["cases", String(run), zone, String(from)],
        startMs: START_MS,
        quietMs: QUIET_MS,
        onMessage: record,
      });
      if (!outcome.hung) break;
      const stuck = outcome.after?.start;
      if (typeof stuck !== "number") throw new Error(`calendar-libs: a child (TZ=${zone}) did not start`);
      answers.set(keyOf(stuck), { hung: QUIET_MS });
      from = stuck + 1;
    }
  }
  return answers;
};

export async function benchCalendarLibs(): Promise<string[]> {
  const speed = await measureSpeed();
  const lines = [
    `calendar-libs: speed, TZ=${SPEED_ZONE} in each library's process; office calendar of calendar.ts, same seeded inputs for ours and theirs`,
    ...speedTable(speed),
  ];
  for (const [i, run] of correctnessRuns.entries()) {
    const answers = await askCases(i);
    for (const [c, theCase] of cases.entries()) {
      const ours = answers.get(`${c}|${OURS}`);
      if (ours !== undefined && !("answer" in ours && ours.answer === expectedOf(theCase))) {
        throw new Error(`calendar-libs: ours answered ${JSON.stringify(ours)} to "${theCase.what}" (${run.title})`);
      }
    }
    lines.push(
      "",
      `calendar-libs: correctness, ${run.title}`,
      ...correctnessTable(cases, run.contenders, (c, n) => answers.get(`${c}|${n}`)),
    );
  }
  return lines;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const l of await benchCalendarLibs()) console.log(l);
}
