/**
 * A child process of `calendar-libs.ts`, started with `TZ` set. It prints one JSON line per
 * message on stdout, nothing else:
 *
 * - `cases RUN ZONE FROM`: the correctness jobs of run RUN for process zone ZONE, from job FROM
 *   on; `{ start: k }` before job k and `{ job: k, answer }` or `{ job: k, error }` after it, so
 *   the parent can tell which job never came back (some libraries loop forever).
 * - `speed NAME`: ops/s of library NAME and of ours on the same seeded inputs, with how many of
 *   its answers equal ours.
 */
import { compileCalendar, HOUR, MINUTE } from "@ticketfold/core";
import { inputs, officeDefinition } from "../calendar.js";
import { cases } from "./cases.js";
import type { Contender } from "./contender.js";
import { contenders } from "./contenders.js";
import { correctnessRuns, jobsIn } from "./runs.js";

const say = (message: object): void => {
  process.stdout.write(`${JSON.stringify(message)}\n`);
};
const contender = (name: string): Contender => {
  const c = contenders.find((x) => x.name === name);
  if (c === undefined) throw new Error(`calendar-libs: no contender ${name}`);
  return c;
};

const runCases = (run: number, zone: string, from: number): void => {
  const jobs = jobsIn(correctnessRuns[run]!, zone);
  for (let k = from; k < jobs.length; k++) {
    const { caseIndex, contender: name } = jobs[k]!;
    const c = cases[caseIndex]!;
    const lib = contender(name);
    const op = "add" in c.op ? lib.add : lib.between;
    if (typeof op !== "function") {
      say({ job: k, missing: op.missing });
      continue;
    }
    say({ start: k });
    try {
      lib.configure(c.calendar);
      const t = Date.parse(c.from);
      const answer = "add" in c.op ? op(t, c.op.add) : op(t, Date.parse(c.op.between));
      say({ job: k, answer });
    } catch (e) {
      say({ job: k, error: e instanceof Error ? e.message : String(e) });
    }
  }
};

const INPUTS = 100;
const ROUNDS = 3;
const SPANS = [
  { span: "up to 8 business hours", max: 8 * HOUR },
  { span: "up to 30 business days", max: 30 * 8 * HOUR },
];

/** Median ops/s over `rounds` rounds, each at least `minMs` long (whole passes over the inputs). */
const rate = (n: number, pass: () => number, rounds: number, minMs: number): number => {
  const rates: number[] = [];
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    let passes = 0;
    const start = performance.now();
    do {
      sink += pass();
      passes++;
    } while (performance.now() - start < minMs);
    rates.push((n * passes) / ((performance.now() - start) / 1000));
  }
  if (Number.isNaN(sink)) throw new Error("unreachable: keeps the work observable");
  return [...rates].sort((a, b) => a - b)[Math.floor(rounds / 2)] as number;
};

const runSpeed = (name: string): void => {
  const lib = contender(name);
  const ours = compileCalendar(officeDefinition);
  lib.configure(officeDefinition);
  for (const { span, max } of SPANS) {
    const xs = inputs(INPUTS, 3, max);
    for (const op of ["add", "between"] as const) {
      const theirs = lib[op];
      if (typeof theirs !== "function") {
        say({ span, op, missing: theirs.missing });
        continue;
      }
      type Input = (typeof xs)[number];
      const oursOf = op === "add" ? (x: Input) => ours.add(x.t, x.d) : (x: Input) => ours.between(x.t, x.b);
      const theirsOf = op === "add" ? (x: Input) => theirs(x.t, x.d / MINUTE) : (x: Input) => theirs(x.t, x.b);
      const agree = xs.filter((x) => theirsOf(x) === oursOf(x)).length; // also their warm-up pass
      const sum = (f: (x: Input) => number) => () => xs.reduce((s, x) => s + f(x), 0);
      rate(xs.length, sum(oursOf), 1, 200); // our warm-up: the JIT, not the first pass, is measured
      const oursRate = rate(xs.length, sum(oursOf), 5, 50);
      const theirRate = rate(xs.length, sum(theirsOf), ROUNDS, 0);
      say({ span, op, n: xs.length, agree, ours: oursRate, theirs: theirRate });
    }
  }
};

const [mode, ...args] = process.argv.slice(2);
if (mode === "cases") runCases(Number(args[0]), args[1] ?? "", Number(args[2]));
else if (mode === "speed") runSpeed(args[0] ?? "");
else throw new Error(`calendar-libs child: unknown mode ${mode}`);
say({ done: true });
