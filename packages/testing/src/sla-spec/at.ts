/**
 * `at("…")`: an instant of a scenario, from which both steps and expectations are written —
 * `at("Mon 2025-03-03 10:30").reply()` is a step, `at("Tue 2025-03-04 12:00").sla({ … })` an
 * expectation at that instant. `by(actor)` makes the next act someone else's.
 */
import type { Actor, TicketCommandType } from "@ticketfold/core";
import type { When } from "../time/when.js";
import { type Act, type Acts, acts, type Step } from "./acts.js";
import {
  type CommandMatch,
  type DeadlineExpectation,
  deadlinesAt,
  dueAt,
  type EscalationExpectation,
  escalationAt,
  type SlaExpectation,
  slaAt,
} from "./clock-expectations.js";
import type { Expectation } from "./expectation.js";

type StepsOf<A> = {
  readonly [K in keyof A]: A[K] extends (...args: infer P) => infer R ? (...args: P) => StepOf<R> : never;
};
type StepOf<R> = R extends Act ? Step : R extends (zone: string) => Act ? Step : never;

export type At = StepsOf<Acts> & {
  /** The instant as written. */
  readonly when: When;
  /** The next act is done by `actor`. */
  by(actor: Actor): At;
  /** Every SLA clock's status at this instant (only the metrics and fields named are compared). */
  sla(expected: SlaExpectation): Expectation;
  /** The deadline of each metric named, read at this instant. */
  deadlines(expected: DeadlineExpectation): Expectation;
  /** The escalation ladder at this instant. */
  escalation(expected: EscalationExpectation): Expectation;
  /** The commands `due` yields at this instant (optionally only some types). */
  due(expected: readonly CommandMatch[], only?: readonly TicketCommandType[]): Expectation;
};

/** An instant of the scenario: steps and expectations at it. */
export const at = (when: When, actor?: Actor): At => {
  const steps = Object.fromEntries(
    Object.entries(acts(actor)).map(([name, make]) => [
      name,
      (...args: unknown[]): Step => ({
        kind: "act",
        at: when,
        act: (make as (...a: unknown[]) => Act | ((zone: string) => Act))(...args),
      }),
    ]),
  ) as unknown as StepsOf<Acts>;
  return {
    ...steps,
    when,
    by: (who) => at(when, who),
    sla: (expected) => slaAt(expected, when),
    deadlines: (expected) => deadlinesAt(expected, when),
    escalation: (expected) => escalationAt(expected, when),
    due: (expected, only) => dueAt(expected, when, only),
  };
};
