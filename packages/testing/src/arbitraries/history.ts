/**
 * Valid command sequences. Random command drafts are run through the core's `decide` in
 * order, at strictly increasing instants; the accepted ones form the history (their events,
 * folded, give a real ticket), the refused ones are kept apart. So every history is one the
 * domain itself would have produced.
 */
import {
  type DomainError,
  decide,
  evolve,
  initialState,
  type PolicyCore,
  type TenantId,
  type TicketCommand,
  type TicketEvent,
  type TicketId,
  type TicketState,
} from "@ticketfold/core";
import fc from "fast-check";
import { type CommandDraft, commandDraftArb, completeCommand } from "./commands.js";
import { policyPairArb } from "./policy.js";
import { instantArb, MAX_INSTANT, MIN_INSTANT, tenantIdArb, ticketIdArb } from "./primitives.js";

export interface HistoryStep {
  readonly command: TicketCommand;
  readonly before: TicketState;
  /** The events decided (empty when refused, or accepted with nothing to record). */
  readonly events: readonly TicketEvent[];
  readonly error: DomainError | null;
  readonly after: TicketState;
}

export interface History {
  /** The policies in play; the ticket starts under the first. */
  readonly policies: readonly PolicyCore[];
  readonly ticketId: TicketId;
  readonly tenantId: TenantId;
  readonly steps: readonly HistoryStep[];
  /** Commands that were accepted, in order. */
  readonly accepted: readonly TicketCommand[];
  readonly events: readonly TicketEvent[];
  readonly state: TicketState;
  /** The policy the ticket is under at the end. */
  readonly policy: PolicyCore;
}

/** The policy a command is decided under: the ticket's own, else (not opened yet) the first. */
export const policyFor = (policies: readonly PolicyCore[], state: TicketState): PolicyCore | undefined =>
  state.policyId === null ? policies[0] : policies.find((p) => p.id === state.policyId);

/** Runs commands through `decide` in order, folding the accepted events step by step. */
export const runCommands = (
  policies: readonly PolicyCore[],
  commands: readonly TicketCommand[],
  ids: { readonly ticketId: TicketId; readonly tenantId: TenantId },
): History => {
  const steps: HistoryStep[] = [];
  let state = initialState;
  for (const command of commands) {
    const policy = policyFor(policies, state) as PolicyCore;
    const decision = decide(command, state, policy);
    const before = state;
    if (decision._tag === "Left") {
      steps.push({ command, before, events: [], error: decision.left, after: state });
      continue;
    }
    for (const e of decision.right) state = evolve(state, e);
    steps.push({ command, before, events: decision.right, error: null, after: state });
  }
  const accepted = steps.filter((s) => s.error === null);
  return {
    policies,
    ...ids,
    steps,
    accepted: accepted.map((s) => s.command),
    events: accepted.flatMap((s) => s.events),
    state,
    policy: policyFor(policies, state) as PolicyCore,
  };
};

const HOUR = 3_600_000;
/** Time between commands: mostly minutes to hours, sometimes days, now and then weeks. */
export const gapArb = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 1, max: HOUR }) },
  { weight: 3, arbitrary: fc.integer({ min: HOUR, max: 72 * HOUR }) },
  { weight: 1, arbitrary: fc.integer({ min: 20 * 24 * HOUR, max: 40 * 24 * HOUR }) },
);

export interface HistoryOptions {
  /** Most commands after `open` (default 30). */
  readonly maxCommands?: number;
  /** The policies in play (default: two random ones). */
  readonly policies?: fc.Arbitrary<readonly PolicyCore[]>;
}

/** A history that starts with an `open` and goes on with random commands (see module note). */
export const historyArb = (options: HistoryOptions = {}): fc.Arbitrary<History> => {
  const policiesArb = options.policies ?? policyPairArb;
  return fc
    .record({
      policies: policiesArb,
      ticketId: ticketIdArb,
      tenantId: tenantIdArb,
      start: instantArb(MIN_INSTANT, MAX_INSTANT - 20 * 365 * 24 * HOUR),
    })
    .chain((base) =>
      fc
        .tuple(
          commandDraftArb(base, ["open"]),
          fc.array(fc.tuple(commandDraftArb(base), gapArb), { maxLength: options.maxCommands ?? 30, size: "max" }),
        )
        .map(([open, rest]) => {
          const drafts: [CommandDraft, number][] = [[open, 0], ...rest];
          let at = base.start;
          const commands = drafts.map(([draft, gap]) => {
            at += gap;
            return completeCommand(draft, base.ticketId, base.tenantId, at);
          });
          return runCommands(base.policies, commands, base);
        }),
    );
};

/** A ticket somewhere in its life: the state, the events that made it, and its policy. */
export const ticketArb = (
  options: HistoryOptions = {},
): fc.Arbitrary<{ state: TicketState; events: readonly TicketEvent[]; policy: PolicyCore }> =>
  historyArb(options).map((h) => ({ state: h.state, events: h.events, policy: h.policy }));
