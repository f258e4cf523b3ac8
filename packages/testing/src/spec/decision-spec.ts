/**
 * given / when / then for ticket decisions, reading like the rules they test:
 *
 *   decisionSpec(policy).given([opened]).when(resolve).then([resolved]);
 *   decisionSpec(policy).given(state).when(reopen).thenFails("REOPEN_WINDOW_EXPIRED");
 *   decisionSpec(policy).given([opened]).when(accept).thenState({ status: "open" });
 *
 * A failed expectation throws node:assert's AssertionError with a diff of expected and actual.
 * Checks run eagerly; a test body may return the chain (awaiting it resolves with nothing).
 */
import {
  decide as coreDecide,
  type DomainError,
  fold,
  type PolicyCore,
  type TicketCommand,
  type TicketEvent,
  type TicketState,
} from "@ticketfold/core";
import { assertEqual, assertMatches, fail } from "./match.js";

/** `Either<DomainError, TicketEvent[]>`, as the core's decide returns it (no fp-ts import needed here). */
export type Decision = ReturnType<typeof coreDecide>;
export type DecideFn = (command: TicketCommand, state: TicketState, policy: PolicyCore) => Decision;

export interface DecisionSpecOptions {
  /** The decision under test (default: the core's `decide`). */
  readonly decide?: DecideFn;
}

/** What a decision can be checked against; each check returns the outcome for chaining. */
export interface DecisionOutcome {
  /** The events decided are exactly these (an empty list: accepted, nothing changes). */
  then(expected: readonly TicketEvent[]): DecisionOutcome;
  /** The command is refused with this code, or an error matching these fields. */
  thenFails(expected: DomainError["code"] | Partial<DomainError>): DecisionOutcome;
  /** The state after the decided events matches these fields. */
  thenState(expected: Partial<TicketState>): DecisionOutcome;
  /** The raw decision, for checks of your own. */
  readonly decision: Decision;
  readonly before: TicketState;
}

export interface GivenSpec {
  when(command: TicketCommand): DecisionOutcome;
}

export interface DecisionSpec {
  given(history: readonly TicketEvent[] | TicketState): GivenSpec;
  /** Shorthand for a ticket with no history. */
  when(command: TicketCommand): DecisionOutcome;
}

const outcome = (before: TicketState, command: TicketCommand, decision: Decision) => {
  const self: DecisionOutcome = {
    decision,
    before,
    // biome-ignore lint/suspicious/noThenProperty: `then` is the given/when/then vocabulary; awaiting is handled below.
    then(expected) {
      // An outcome has a `then`, so `await` (or a test body returning the chain) calls it with a
      // callback: every check already ran eagerly, so it resolves at once with nothing.
      if (typeof expected === "function") {
        (expected as (value: undefined) => void)(undefined);
        return self;
      }
      if (decision._tag === "Left")
        fail(`${command.type} was refused: ${decision.left.message}`, decision.left, expected);
      else assertEqual(decision.right, expected, `events decided for ${command.type}`);
      return self;
    },
    thenFails(expected) {
      const wanted = typeof expected === "string" ? { code: expected } : expected;
      if (decision._tag === "Right") fail(`${command.type} was accepted, but should fail`, decision.right, wanted);
      else assertMatches(decision.left, wanted, `error for ${command.type}`);
      return self;
    },
    thenState(expected) {
      if (decision._tag === "Left")
        fail(`${command.type} was refused: ${decision.left.message}`, decision.left, expected);
      else assertMatches(fold(decision.right, before), expected, `state after ${command.type}`);
      return self;
    },
  };
  return self;
};

export const decisionSpec = (policy: PolicyCore, options: DecisionSpecOptions = {}): DecisionSpec => {
  const decide = options.decide ?? coreDecide;
  const given = (history: readonly TicketEvent[] | TicketState): GivenSpec => {
    const before = Array.isArray(history) ? fold(history as readonly TicketEvent[]) : (history as TicketState);
    return { when: (command) => outcome(before, command, decide(command, before, policy)) };
  };
  return { given, when: (command) => given([]).when(command) };
};
