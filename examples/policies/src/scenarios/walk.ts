/**
 * Scenario support: walks one ticket through a policy the way an app does — `decide`, then
 * `fold` — keeping every event and the notification intents each event causes, and runs the
 * policy's time-driven rules (`nextWakeUp` → `due` → `decide`) up to an instant. Instants are
 * written `2025-03-03T10:00Z` and read back the same way, so tables compare exact instants.
 */
import {
  type BusinessCalendar,
  type CompiledPolicy,
  compileCalendar,
  compilePolicy,
  type DomainError,
  decide,
  type EscalationStatus,
  escalationStatus,
  fold,
  formatInstant,
  type Instant,
  initialState,
  type NotificationIntent,
  nextWakeUp,
  notificationsFor,
  type Policy,
  parseInstant,
  type SlaStatus,
  slaStatus,
  type TicketCommand,
  type TicketEvent,
  type TicketId,
  type TicketState,
  tenantId,
  ticketId,
  due as timersDue,
  twentyFourSeven,
} from "@ticketfold/core";
import type { Act } from "./acts.js";

/** `decide`'s answer: `Left` with a domain error, or `Right` with the events. */
export type Decision = ReturnType<typeof decide>;

/** The domain error of a refused decision (undefined when accepted). */
export const refusal = (d: Decision): DomainError | undefined => (d._tag === "Left" ? d.left : undefined);

/** `2025-03-03T10:00Z` → epoch milliseconds; throws on a typo (tests only). */
export const at = (text: string): Instant => {
  const ms = parseInstant(text);
  if (ms === undefined) throw new Error(`not an instant: ${text}`);
  return ms;
};

/** Epoch milliseconds → `2025-03-03T10:00Z` (seconds shown only when not zero). */
export const iso = (ms: Instant | null | undefined): string | null => {
  if (ms === null || ms === undefined) return null;
  const full = formatInstant(ms);
  return full.endsWith(":00.000Z") ? `${full.slice(0, 16)}Z` : full;
};

/** A policy's calendar by the name its SLA uses ("24x7" is built in). */
export const calendarOf = (policy: Policy, name: string): BusinessCalendar | undefined => {
  if (name === "24x7") return twentyFourSeven;
  const def = policy.calendars?.[name];
  return def === undefined ? undefined : compileCalendar(def);
};

export const compiledOrThrow = (policy: Policy): CompiledPolicy => {
  const compiled = compilePolicy(policy);
  if (compiled._tag === "Left") throw new Error(`${policy.id}: ${compiled.left.message}`);
  return compiled.right;
};

const TENANT = tenantId("example-co");

/** One ticket under one policy, driven by commands at given instants. */
export class Walk {
  state: TicketState = initialState;
  readonly events: TicketEvent[] = [];
  readonly intents: NotificationIntent[] = [];
  readonly compiled: CompiledPolicy;

  constructor(
    readonly policy: Policy,
    readonly id: TicketId = ticketId("01JNX0000000000000000000AA"),
  ) {
    this.compiled = compiledOrThrow(policy);
  }

  private command(when: Instant, act: Act): TicketCommand {
    return { ...act, ticketId: this.id, tenantId: TENANT, at: when } as TicketCommand;
  }

  /** Decides a command; when accepted its events are applied (with their notifications). */
  tryAt(when: string | Instant, act: Act): Decision {
    return this.apply(this.command(typeof when === "number" ? when : at(when), act));
  }

  /** Like `tryAt`, but a refusal fails the test: the scenario expects the command to pass. */
  do(when: string, act: Act): readonly TicketEvent[] {
    const decision = this.tryAt(when, act);
    if (decision._tag === "Left") throw new Error(`${act.type} at ${when} refused: ${decision.left.message}`);
    return decision.right;
  }

  private apply(command: TicketCommand): Decision {
    const decision = decide(command, this.state, this.policy);
    if (decision._tag === "Left") return decision;
    for (const event of decision.right) {
      const before = this.state;
      this.state = fold([event], before);
      this.events.push(event);
      const eventId = `ev-${this.events.length}`;
      const calendars = (name: string) => calendarOf(this.policy, name);
      this.intents.push(...notificationsFor(event, before, this.state, this.policy, { eventId, calendars }));
    }
    return decision;
  }

  sla(when: string): SlaStatus {
    return slaStatus(this.state, this.compiled, at(when));
  }

  ladder(when: string): EscalationStatus {
    return escalationStatus(this.state, this.compiled, at(when));
  }

  wakeUp(): string | null {
    return iso(nextWakeUp(this.state, this.compiled));
  }

  /** The commands time makes due at `when`, without applying them. */
  dueAt(when: string): TicketCommand[] {
    return timersDue(this.state, this.compiled, at(when));
  }

  /**
   * Runs the timers as a scheduler would: at each wake-up up to `until`, every due command is
   * decided and applied. Returns what was applied, with the instant.
   */
  runTimers(until: string): { readonly at: string; readonly command: TicketCommand }[] {
    const done: { at: string; command: TicketCommand }[] = [];
    const end = at(until);
    for (let wake = nextWakeUp(this.state, this.compiled); wake !== null && wake <= end; ) {
      for (const command of timersDue(this.state, this.compiled, wake)) {
        const applied = this.apply(command);
        if (applied._tag === "Left") throw new Error(`due ${command.type} refused: ${applied.left.message}`);
        done.push({ at: iso(wake) ?? "", command });
      }
      const next = nextWakeUp(this.state, this.compiled);
      // A wake-up that changes nothing would loop for ever; the engine promises it does not.
      if (next !== null && next <= wake) throw new Error(`timers woke at ${iso(wake)} and again at ${iso(next)}`);
      wake = next;
    }
    return done;
  }

  /** The rules of the notification intents caused by events of `type`, in order. */
  noticesOn(type: TicketEvent["type"]): string[] {
    const ids = new Set(this.events.flatMap((e, i) => (e.type === type ? [`ev-${i + 1}`] : [])));
    return this.intents.filter((n) => ids.has(n.eventId)).map((n) => `${n.audience}:${n.rule}`);
  }
}
