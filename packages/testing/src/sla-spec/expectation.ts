/**
 * What an expectation is: a named check of a scenario as it stands. The scenario runs it and,
 * when it fails, throws with the differences and the ticket's timeline.
 */
import type { Instant } from "@ticketfold/core";
import type { RunEntry, TicketRun } from "../ticket-run/run.js";
import type { Compared } from "./match.js";

/** The scenario as an expectation reads it. */
export interface ScenarioView {
  readonly run: TicketRun;
  /** The entries the last step added (one command, or every command a run of the timers applied). */
  readonly last: readonly RunEntry[];
  /** The instant of the last step (a run of the timers: its end). */
  readonly now: Instant;
  /** The zone instants are read and shown in. */
  readonly zone: string;
}

export interface Expectation {
  /** What is checked, in words, given the view (`resolution deadline at Tue 2025-03-04 14:00 …`). */
  describe(view: ScenarioView): string;
  check(view: ScenarioView): Compared;
}
