/**
 * The SLA engine as the kit drives it: the core's pure functions behind one interface, so a
 * law can be run against a wrapper (a scheduler's, a cache's, or a deliberately broken one in
 * the kit's own mutation tests) exactly as against the core.
 */
import {
  type BusinessCalendar,
  type CompiledPolicy,
  compileCalendar,
  compiledPolicyOf,
  type Decision,
  decide,
  type EscalationStatus,
  escalationStatus,
  type Instant,
  nextWakeUp,
  type Policy,
  type SlaStatus,
  slaStatus,
  type TicketCommand,
  type TicketState,
  due as timersDue,
  twentyFourSeven,
} from "@ticketfold/core";

export interface SlaEngine {
  /** Compiles a policy; throws when it does not compile. */
  compile(policy: Policy): CompiledPolicy;
  decide(command: TicketCommand, state: TicketState, policy: Policy): Decision;
  slaStatus(state: TicketState, policy: CompiledPolicy, now: Instant): SlaStatus;
  escalationStatus(state: TicketState, policy: CompiledPolicy, now: Instant): EscalationStatus;
  due(state: TicketState, policy: CompiledPolicy, now: Instant): TicketCommand[];
  nextWakeUp(state: TicketState, policy: CompiledPolicy): Instant | null;
}

/** Compiles a policy or throws, naming the policy. */
export const compileOrThrow = (policy: Policy): CompiledPolicy => {
  const compiled = compiledPolicyOf(policy);
  if (compiled._tag === "Left") throw new Error(`policy ${policy.id} does not compile: ${compiled.left.message}`);
  return compiled.right;
};

/** The core's engine. */
export const coreEngine: SlaEngine = {
  compile: compileOrThrow,
  decide,
  slaStatus,
  escalationStatus,
  due: (state, policy, now) => timersDue(state, policy, now),
  nextWakeUp,
};

/** An engine with some of its functions replaced (the rest are the core's). */
export const engineWith = (changes: Partial<SlaEngine>): SlaEngine => ({ ...coreEngine, ...changes });

const compiledCalendars = new WeakMap<Policy, Map<string, BusinessCalendar>>();

/** A policy's calendar by the name its SLA uses ("24x7" is built in); undefined when it has none of that name. */
export const calendarOf = (policy: Policy, name: string): BusinessCalendar | undefined => {
  if (name === twentyFourSeven.id) return twentyFourSeven;
  const def = policy.calendars?.[name];
  if (def === undefined) return undefined;
  const byName = compiledCalendars.get(policy) ?? new Map<string, BusinessCalendar>();
  compiledCalendars.set(policy, byName);
  const calendar = byName.get(name) ?? compileCalendar(def);
  byName.set(name, calendar);
  return calendar;
};
