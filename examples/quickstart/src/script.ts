/**
 * A ticket's life written as a script: each step waits a while, then someone sends a command.
 * Several scripts run on one timeline: every step gets its instant, all steps are merged in
 * time order and the simulated clock moves to each one, as on a desk with many tickets open.
 * A step may say it expects to be refused, with which error code; the run checks that, so the
 * demo is also a test of the rules it shows.
 */
import { type Instant, parseDuration } from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import type { Actor, Desk, Request, TicketRef } from "./desk.js";

export type Step = Request & {
  /** How long after the previous step (`20m`, `2h`, `1d`). */
  readonly after: string;
  readonly by: Actor;
  /** The error code this step must be refused with. */
  readonly refusedWith?: string;
};

export interface ScheduledStep {
  readonly at: Instant;
  readonly ticket: TicketRef;
  readonly step: Step;
}

export interface Refusal {
  readonly at: Instant;
  readonly ticket: TicketRef;
  readonly command: Request["type"];
  readonly by: Actor;
  readonly code: string;
  readonly message: string;
}

/** Gives each step of a script its instant, starting at `start`. */
export const schedule = (ticket: TicketRef, steps: readonly Step[], start: Instant): ScheduledStep[] => {
  let at = start;
  return steps.map((step) => {
    const wait = parseDuration(step.after);
    if (wait === undefined) throw new Error(`"${step.after}" is not a duration like "20m", "2h" or "1d"`);
    at += wait;
    return { at, ticket, step };
  });
};

/** Runs all steps in time order; throws when a step's outcome is not the one its script states. */
export const runSchedule = async (desk: Desk, steps: readonly ScheduledStep[]): Promise<Refusal[]> => {
  const refusals: Refusal[] = [];
  const inOrder = [...steps].sort((a, b) => a.at - b.at);
  for (const { at, ticket, step } of inOrder) {
    desk.clock.advanceTo(at);
    const result = await desk.send(ticket, step.by, step);
    if (E.isRight(result)) {
      if (step.refusedWith !== undefined) {
        throw new Error(`${step.type} was accepted, but the script expected ${step.refusedWith}`);
      }
      continue;
    }
    const { code, message } = result.left;
    if (step.refusedWith !== code) throw new Error(`${step.type} was refused unexpectedly: ${code}: ${message}`);
    refusals.push({ at, ticket, command: step.type, by: step.by, code, message });
  }
  return refusals;
};
