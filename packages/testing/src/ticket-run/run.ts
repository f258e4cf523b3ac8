/**
 * One ticket under one policy, driven the way an app drives it: each command is decided by the
 * engine and its events folded in, each event's notification intents taken from the core's
 * `notificationsFor`; and time-driven rules run as a scheduler runs them — at each
 * `nextWakeUp`, the commands `due` returns then, each decided and applied. A run is a value:
 * applying a command returns a new run, so scenarios can branch from a shared beginning.
 */
import {
  type CompiledPolicy,
  type DomainError,
  fold,
  type Instant,
  initialState,
  type NotificationIntent,
  notificationsFor,
  type Policy,
  type TicketCommand,
  type TicketEvent,
  type TicketState,
} from "@ticketfold/core";
import { calendarOf, coreEngine, type SlaEngine } from "./engine.js";

/** One command and what became of it. */
export interface RunEntry {
  readonly at: Instant;
  readonly command: TicketCommand;
  /** A step of the scenario, or a command the timers made due. */
  readonly by: "step" | "timers";
  readonly events: readonly TicketEvent[];
  /** The refusal, when the command was refused (the state is then unchanged). */
  readonly error: DomainError | null;
  readonly notices: readonly NotificationIntent[];
  readonly before: TicketState;
  readonly after: TicketState;
}

export interface TicketRun {
  readonly policy: Policy;
  readonly compiled: CompiledPolicy;
  readonly engine: SlaEngine;
  readonly state: TicketState;
  readonly entries: readonly RunEntry[];
  /** Every event appended, in order (the ticket's stream). */
  readonly events: readonly TicketEvent[];
  /** Compute notification intents (off in the laws and the simulator, for speed). */
  readonly notices: boolean;
}

export interface RunOptions {
  readonly engine?: SlaEngine;
  readonly compiled?: CompiledPolicy;
  readonly notices?: boolean;
}

/** A ticket with no history yet. */
export const startRun = (policy: Policy, options: RunOptions = {}): TicketRun => {
  const engine = options.engine ?? coreEngine;
  return {
    policy,
    compiled: options.compiled ?? engine.compile(policy),
    engine,
    state: initialState,
    entries: [],
    events: [],
    notices: options.notices ?? true,
  };
};

/** Decides one command and applies its events; a refusal is recorded and changes nothing. */
export const applyCommand = (run: TicketRun, command: TicketCommand, by: RunEntry["by"] = "step"): TicketRun => {
  const before = run.state;
  const decision = run.engine.decide(command, before, run.policy);
  if (decision._tag === "Left") {
    const entry = { at: command.at, command, by, events: [], error: decision.left, notices: [], before, after: before };
    return { ...run, entries: [...run.entries, entry] };
  }
  let state = before;
  const notices: NotificationIntent[] = [];
  const calendars = (name: string) => calendarOf(run.policy, name);
  decision.right.forEach((event, i) => {
    const prior = state;
    state = fold([event], prior);
    if (run.notices) {
      const eventId = `ev-${run.events.length + i + 1}`;
      notices.push(...notificationsFor(event, prior, state, run.policy, { eventId, calendars }));
    }
  });
  const entry = { at: command.at, command, by, events: decision.right, error: null, notices, before, after: state };
  return { ...run, state, entries: [...run.entries, entry], events: [...run.events, ...decision.right] };
};

/** Wake-ups one run of the timers follows at most: a loop this long is an engine that never settles. */
const MAX_WAKE_UPS = 10_000;

/**
 * Runs the timers as a scheduler would, up to and including `until`: at each wake-up (never
 * before the ticket's last event: a scheduler cannot act in the past), every command `due`
 * returns is decided and applied. Throws when a due command is refused or when the engine
 * wakes at the same instant again without a change (it would loop for ever).
 */
export const runTimers = (run: TicketRun, until: Instant): TicketRun => {
  let current = run;
  for (let round = 0; round < MAX_WAKE_UPS; round++) {
    const wake = current.engine.nextWakeUp(current.state, current.compiled);
    if (wake === null) return current;
    const now = Math.max(wake, current.state.lastEventAt ?? wake);
    if (now > until) return current;
    const commands = current.engine.due(current.state, current.compiled, now);
    if (commands.length === 0)
      throw new TimerStall(`the engine wakes at ${new Date(wake).toISOString()} but nothing is due then`, current);
    for (const command of commands) {
      const next = applyCommand(current, command, "timers");
      const entry = next.entries[next.entries.length - 1];
      if (entry?.error) throw new TimerStall(`a due ${command.type} was refused: ${entry.error.message}`, next);
      current = next;
    }
  }
  throw new TimerStall(`the timers woke ${MAX_WAKE_UPS} times before ${new Date(until).toISOString()}`, current);
};

/** The timers could not run on: what went wrong, and the run as far as it got. */
export class TimerStall extends Error {
  constructor(
    message: string,
    readonly run: TicketRun,
  ) {
    super(message);
    this.name = "TimerStall";
  }
}
