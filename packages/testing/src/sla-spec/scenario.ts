/**
 * `given(policy)`: a ticket's life under a policy, told as given / when / then over time, and
 * checked as it goes:
 *
 *   given(pD)
 *     .opened({ at: "Mon 2025-03-03 10:00", priority: "normal" })
 *     .then(at("Mon 2025-03-03 11:00").askCustomer("Bitte senden Sie uns die Log-Datei."))
 *     .then(at("Tue 2025-03-04 14:00").comment("Die Log-Datei ist angehängt."))
 *     .expect(deadlines({ response: "Tue 2025-03-04 17:00", resolution: "Thu 2025-03-06 13:00" }));
 *
 * Each step is decided by the engine and applied (a refused step fails, unless `refuses` is
 * what the test says); `timersUntil` runs the policy's time-driven rules as a scheduler does.
 * A failed expectation throws node:assert's AssertionError naming what differs, in the
 * scenario's zone with UTC beside it, followed by the ticket's timeline. A scenario is a value:
 * `then` returns a new one, so tests can branch from a shared beginning.
 */
import { AssertionError } from "node:assert";
import {
  type DomainError,
  type EscalationStatus,
  type Instant,
  type NotificationIntent,
  type Policy,
  type SlaStatus,
  type TenantId,
  type TicketCommand,
  type TicketEvent,
  type TicketId,
  type TicketState,
  tenantId,
  ticketId,
} from "@ticketfold/core";
import { TICKET } from "../fixtures/commands.js";
import type { SlaEngine } from "../ticket-run/engine.js";
import { applyCommand, type RunEntry, runTimers, startRun, type TicketRun, TimerStall } from "../ticket-run/run.js";
import { showInstant } from "../time/display.js";
import { instant, type When } from "../time/when.js";
import type { OpenFields, Step } from "./acts.js";
import { at } from "./at.js";
import type { Expectation, ScenarioView } from "./expectation.js";
import { compare } from "./match.js";
import { timeline } from "./timeline.js";
import { displayZoneOf } from "./zone.js";

export interface ScenarioOptions {
  /** The zone instants are written and shown in (default: the policy's first business calendar's, else UTC). */
  readonly zone?: string;
  /** The engine under test (default: the core's). */
  readonly engine?: SlaEngine;
  readonly ticketId?: TicketId | string;
  readonly tenantId?: TenantId | string;
}

interface Context {
  readonly zone: string;
  readonly ticketId: TicketId;
  readonly tenantId: TenantId;
}

const plain = (u: unknown): unknown => (u === undefined ? u : JSON.parse(JSON.stringify(u)));

export class Scenario {
  private constructor(
    /** The ticket's run so far: state, events, every command and what became of it. */
    readonly run: TicketRun,
    private readonly context: Context,
    private readonly last: readonly RunEntry[],
    private readonly lastAt: Instant | null,
  ) {}

  /** A scenario with no ticket yet (see `given`). */
  static start(policy: Policy, options: ScenarioOptions = {}): Scenario {
    const context: Context = {
      zone: options.zone ?? displayZoneOf(policy),
      ticketId: ticketId(options.ticketId ?? TICKET),
      tenantId: tenantId(options.tenantId ?? "example-co"),
    };
    return new Scenario(startRun(policy, options.engine ? { engine: options.engine } : {}), context, [], null);
  }

  /** The zone instants are read and shown in. */
  get zone(): string {
    return this.context.zone;
  }
  get state(): TicketState {
    return this.run.state;
  }
  get events(): readonly TicketEvent[] {
    return this.run.events;
  }
  /** Every notification intent so far, in order. */
  get notices(): readonly NotificationIntent[] {
    return this.run.entries.flatMap((e) => e.notices);
  }
  /** The entries the last step added. */
  get lastStep(): readonly RunEntry[] {
    return this.last;
  }

  /** An instant as this scenario reads it (wall time in its zone). */
  instant(when: When): Instant {
    return instant(when, this.context.zone);
  }
  slaAt(when: When): SlaStatus {
    return this.run.engine.slaStatus(this.run.state, this.run.compiled, this.instant(when));
  }
  escalationAt(when: When): EscalationStatus {
    return this.run.engine.escalationStatus(this.run.state, this.run.compiled, this.instant(when));
  }
  dueAt(when: When): TicketCommand[] {
    return this.run.engine.due(this.run.state, this.run.compiled, this.instant(when));
  }
  nextWakeUp(): Instant | null {
    return this.run.engine.nextWakeUp(this.run.state, this.run.compiled);
  }
  /** The ticket's timeline, as failure messages show it. */
  timeline(): string {
    return timeline(this.run, this.context.zone);
  }

  /** Opens the ticket: shorthand for `.then(at(fields.at).open(rest))`. */
  opened(fields: OpenFields & { readonly at: When }): Scenario {
    const { at: when, ...rest } = fields;
    return this.then(at(when).open(rest));
  }

  /**
   * The next step: an act at an instant (it must be accepted), or a run of the timers.
   * (Also makes a scenario awaitable: `await` or a test body returning it resolves at once.)
   */
  // biome-ignore lint/suspicious/noThenProperty: `then` is the given/when/then vocabulary; awaiting is handled below.
  then(step: Step): Scenario {
    if (typeof step === "function") {
      (step as (value: undefined) => void)(undefined);
      return this;
    }
    if (step.kind === "timers") {
      const until = this.instant(step.until);
      try {
        const after = runTimers(this.run, until);
        return new Scenario(after, this.context, after.entries.slice(this.run.entries.length), until);
      } catch (error) {
        if (!(error instanceof TimerStall)) throw error;
        throw this.failure(
          `the timers could not run to ${showInstant(until, this.zone)}: ${error.message}`,
          undefined,
          undefined,
          error.run,
        );
      }
    }
    const next = this.decided(step);
    const entry = next.last[0];
    if (entry?.error)
      throw this.failure(
        `the step ${entry.command.type} at ${showInstant(entry.at, this.zone)} was refused: ${entry.error.code}: ${entry.error.message}`,
        entry.error,
        undefined,
        next.run,
      );
    return next;
  }

  /** The step is refused with this code, or an error with these fields (instants as text); the ticket is unchanged. */
  refuses(step: Step, expected: DomainError["code"] | { readonly [key: string]: unknown }): Scenario {
    if (step.kind !== "act") throw new Error("refuses: only an act can be refused; timers are not");
    const next = this.decided(step);
    const entry = next.last[0];
    const wanted = typeof expected === "string" ? { code: expected } : expected;
    if (entry === undefined || entry.error === null)
      throw this.failure(
        `the step ${step.act instanceof Function ? "" : step.act.type} at ${showInstant(this.instant(step.at), this.zone)} was accepted, but should be refused`,
        entry?.events,
        wanted,
        next.run,
      );
    const compared = compare(entry.error, wanted, this.zone);
    if (!compared.same)
      throw this.failure(
        `the refusal of ${entry.command.type} at ${showInstant(entry.at, this.zone)}\n${compared.differences.join("\n")}`,
        compared.actual,
        compared.expected,
        next.run,
      );
    return next;
  }

  /** Checks each expectation against the scenario as it stands; the first that fails throws. */
  expect(...expectations: Expectation[]): Scenario {
    const view = this.view();
    for (const e of expectations) {
      const compared = e.check(view);
      if (!compared.same)
        throw this.failure(
          `${e.describe(view)}\n${compared.differences.join("\n")}`,
          compared.actual,
          compared.expected,
        );
    }
    return this;
  }

  /** Runs checks of your own; an error they throw gets the ticket's timeline added to its message. */
  check(checks: (scenario: Scenario) => void): Scenario {
    try {
      checks(this);
    } catch (error) {
      if (error instanceof Error) error.message = `${error.message}\n\n${this.timeline()}`;
      throw error;
    }
    return this;
  }

  private view(): ScenarioView {
    if (this.lastAt === null) throw new Error("expect: the scenario has no step yet; open the ticket first");
    return { run: this.run, last: this.last, now: this.lastAt, zone: this.zone };
  }

  private decided(step: Extract<Step, { kind: "act" }>): Scenario {
    const when = this.instant(step.at);
    const act = typeof step.act === "function" ? step.act(this.zone) : step.act;
    const command = {
      ...act,
      ticketId: this.context.ticketId,
      tenantId: this.context.tenantId,
      at: when,
    } as TicketCommand;
    const after = applyCommand(this.run, command);
    return new Scenario(after, this.context, after.entries.slice(this.run.entries.length), when);
  }

  private failure(message: string, actual: unknown, expected: unknown, run: TicketRun = this.run): AssertionError {
    const error = new AssertionError({ actual: plain(actual), expected: plain(expected), operator: "deepStrictEqual" });
    // Set after construction: node would append its own diff to a message given to it; the
    // differences are already named, and test runners diff `actual` and `expected` themselves.
    error.message = `${message}\n\n${timeline(run, this.zone)}`;
    return error;
  }
}

/** A scenario under `policy`, before the ticket exists: open it with `.opened({ at, … })`. */
export const given = (policy: Policy, options: ScenarioOptions = {}): Scenario => Scenario.start(policy, options);
