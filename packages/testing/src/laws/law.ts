/**
 * A law: a named fast-check property about a subject (a policy, a calendar), run with
 * `fc.check` so every law runs and reports, not just the first to fail. A law can be skipped
 * with a reason (a known bug being fixed elsewhere): the report says so, it is never silent.
 * A failing law's report has fast-check's seed and path (to replay it), the counterexample as
 * the law prints it (a ticket's timeline, a calendar and instant), and what broke.
 */
import fc from "fast-check";

export interface Law<T = unknown> {
  /** A stable id, to skip or select a law (`due-idempotent`). */
  readonly id: string;
  /** The law in words. */
  readonly name: string;
  readonly arbitrary: fc.Arbitrary<T>;
  /** Throws, saying what broke, when the law does not hold for `value`. */
  holds(value: T): void;
  /** Why the law is not run (it is reported as skipped). */
  readonly skip?: string;
}

export interface LawRunOptions {
  /** Runs per law (default: fast-check's global setting, 100 unless configured). */
  readonly numRuns?: number;
  /** The seed, to replay a failure. */
  readonly seed?: number;
  /** The path printed with a failure, with its seed, to replay exactly that case. */
  readonly path?: string;
}

export interface LawOutcome {
  readonly id: string;
  readonly name: string;
  readonly status: "passed" | "failed" | "skipped";
  /** Cases run. */
  readonly runs: number;
  /** The skip reason. */
  readonly reason?: string;
  /** fast-check's report of a failure: seed, path, counterexample, the error. */
  readonly report?: string;
  readonly seed?: number;
  readonly path?: string;
  readonly counterexample?: unknown;
  readonly error?: unknown;
}

/** Runs one law (or reports it skipped). */
export const runLaw = <T>(law: Law<T>, options: LawRunOptions = {}): LawOutcome => {
  if (law.skip !== undefined) return { id: law.id, name: law.name, status: "skipped", runs: 0, reason: law.skip };
  const params: fc.Parameters<[T]> = {
    // The error says what broke, with the ticket's timeline: it belongs in the report.
    includeErrorInReport: true,
    ...(options.numRuns === undefined ? {} : { numRuns: options.numRuns }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.path === undefined ? {} : { path: options.path }),
  };
  const details = fc.check(
    fc.property(law.arbitrary, (value) => {
      law.holds(value);
    }),
    params,
  );
  if (!details.failed) return { id: law.id, name: law.name, status: "passed", runs: details.numRuns };
  return {
    id: law.id,
    name: law.name,
    status: "failed",
    runs: details.numRuns,
    report: fc.defaultReportMessage(details) ?? "failed",
    seed: details.seed,
    ...(details.counterexamplePath === null ? {} : { path: details.counterexamplePath }),
    counterexample: details.counterexample?.[0],
    error: details.errorInstance,
  };
};

export interface LawReport {
  /** What the laws were checked against (`policy p-c`). */
  readonly subject: string;
  readonly outcomes: readonly LawOutcome[];
  readonly failed: readonly LawOutcome[];
  readonly skipped: readonly LawOutcome[];
}

/** One law's failure, or a whole report's, as an Error whose message says what broke. */
export class LawsFailed extends Error {
  constructor(readonly report: LawReport) {
    super(describeFailures(report));
    this.name = "LawsFailed";
  }
}

const indent = (text: string, by = "    "): string =>
  text
    .split("\n")
    .map((l) => by + l)
    .join("\n");

/** The failures (and skips) of a report, for a person. */
export const describeFailures = (report: LawReport): string => {
  const lines = [
    `${report.failed.length} of ${report.outcomes.length} laws fail for ${report.subject}` +
      (report.skipped.length > 0 ? ` (${report.skipped.length} skipped)` : ""),
  ];
  for (const o of report.failed) lines.push(`✗ ${o.id}: ${o.name}`, indent(o.report ?? "failed"));
  for (const o of report.skipped) lines.push(`- ${o.id} skipped: ${o.reason}`);
  return lines.join("\n");
};

/** Runs every law; returns the report, or throws `LawsFailed` when any fails. */
export const checkLaws = (subject: string, laws: readonly Law[], options: LawRunOptions = {}): LawReport => {
  const outcomes = laws.map((law) => runLaw(law, options));
  const report: LawReport = {
    subject,
    outcomes,
    failed: outcomes.filter((o) => o.status === "failed"),
    skipped: outcomes.filter((o) => o.status === "skipped"),
  };
  if (report.failed.length > 0) throw new LawsFailed(report);
  return report;
};

/** Runs one law; throws `LawsFailed` with its report when it fails (for a test per law). */
export const assertLaw = <T>(law: Law<T>, options: LawRunOptions = {}): LawOutcome => {
  const outcome = runLaw(law, options);
  if (outcome.status === "failed")
    throw new LawsFailed({ subject: law.id, outcomes: [outcome], failed: [outcome], skipped: [] });
  return outcome;
};

/**
 * A law's verdict: the message says what broke and where; the kit's stack frames would say
 * nothing more, so the report (which prints the stack) shows the message alone.
 */
export const lawBroken = (message: string): Error => {
  const error = new Error(message);
  error.stack = `Error: ${message}`;
  return error;
};
