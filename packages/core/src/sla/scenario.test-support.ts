/**
 * Test support for SLA, escalation and timer tests: policies from JSON, business calendars in
 * UTC, and ticket histories driven through `decide` so every state is one the engine can reach.
 */
import * as E from "fp-ts/lib/Either.js";
import { compileCalendar } from "../calendar/index.js";
import type { BusinessCalendar } from "../calendar/types.js";
import { decide } from "../decide/decide.js";
import { compilePolicy } from "../policy/compile.js";
import type { CompiledPolicy } from "../policy/compiled.js";
import { decodePolicy, type Policy } from "../policy/policy.js";
import { tenantId, ticketId } from "../shared/ids.js";
import { type Instant, parseInstant } from "../shared/instant.js";
import type { TicketCommand } from "../ticket/commands.js";
import type { Actor } from "../ticket/events.js";
import { fold } from "../ticket/evolve.js";
import { initialState, type TicketState } from "../ticket/state.js";

export const at = (iso: string): Instant => {
  const ms = parseInstant(iso.endsWith("Z") ? iso : `${iso}Z`);
  if (ms === undefined) throw new Error(`bad instant ${iso}`);
  return ms;
};

export const iso = (ms: Instant | null | undefined): string | null =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString().slice(0, 16);

type Week = Partial<Record<"mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun", [string, string][]>>;

export const weekdays = (intervals: [string, string][]): Week => ({
  mon: intervals,
  tue: intervals,
  wed: intervals,
  thu: intervals,
  fri: intervals,
  sat: [],
  sun: [],
});

export const calendarDef = (id: string, week: Week, extra: { holidays?: string[]; timeZone?: string } = {}) => ({
  id,
  version: 1,
  timeZone: extra.timeZone ?? "UTC",
  week,
  ...(extra.holidays ? { holidays: extra.holidays } : {}),
});

export const businessCalendar = (id: string, week: Week, extra: { holidays?: string[]; timeZone?: string } = {}) =>
  compileCalendar(calendarDef(id, week, extra) as never) as BusinessCalendar;

export const priorities = {
  levels: [
    { id: "urgent", name: "Urgent" },
    { id: "high", name: "High" },
    { id: "normal", name: "Normal" },
    { id: "low", name: "Low" },
  ],
  default: "normal",
};

/** Decodes a JSON policy (durations as text) with the given SLA part; throws when invalid. */
export const policyFrom = (sla: unknown, extra: Record<string, unknown> = {}): Policy => {
  const decoded = decodePolicy({ id: "p", name: "test policy", priorities, sla, ...extra });
  if (E.isLeft(decoded)) throw new Error(decoded.left.message);
  return decoded.right;
};

export const compiled = (sla: unknown, extra: Record<string, unknown> = {}): CompiledPolicy => {
  const result = compilePolicy(policyFrom(sla, extra));
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
};

const TICKET = ticketId("01J0000000000000000000TEST");
const TENANT = tenantId("acme");
export const agent: Actor = { kind: "agent", id: "agent-1" };
export const customer: Actor = { kind: "requester", id: "cust-1" };
export const system: Actor = { kind: "system", id: "test" };

/** One step of a history: what happens, when, as whom. */
export type Step = readonly [when: string | Instant, what: string, arg?: string];

const commandOf = (when: Instant, what: string, arg: string | undefined): TicketCommand => {
  const base = { ticketId: TICKET, tenantId: TENANT, at: when };
  switch (what) {
    case "open":
      return {
        ...base,
        actor: customer,
        type: "open",
        data: {
          subject: "s",
          description: "d",
          category: "incident",
          channel: "web",
          requester: { id: "cust-1" },
          priority: arg ?? "normal",
        },
      } as TicketCommand;
    case "accept":
      return { ...base, actor: agent, type: "accept", data: {} };
    case "reply":
      return { ...base, actor: agent, type: "comment", data: { body: "hello" } } as TicketCommand;
    case "comment":
      return { ...base, actor: customer, type: "comment", data: { body: "more" } } as TicketCommand;
    case "await":
      return { ...base, actor: agent, type: "await-customer", data: { reason: "more-information" } };
    case "plan":
      return { ...base, actor: agent, type: "share-plan", data: { plan: "the plan" } } as TicketCommand;
    case "resolve":
      return { ...base, actor: agent, type: "resolve", data: { resolution: "done" } } as TicketCommand;
    case "reopen":
      return { ...base, actor: customer, type: "reopen", data: {} };
    case "close":
      return { ...base, actor: agent, type: "close", data: {} };
    case "priority":
      return { ...base, actor: agent, type: "change-priority", data: { priority: arg ?? "normal" } };
    case "escalate":
      return { ...base, actor: customer, type: "request-escalation", data: {} };
    default:
      throw new Error(`unknown step ${what}`);
  }
};

export const toInstant = (when: string | Instant): Instant => (typeof when === "number" ? when : at(when));

/** Applies one command; throws on a refusal (tests build legal histories). */
export const apply = (state: TicketState, policy: Policy, command: TicketCommand): TicketState => {
  const decision = decide(command, state, policy);
  if (E.isLeft(decision)) throw new Error(`${command.type} refused: ${decision.left.message}`);
  return fold(decision.right, state);
};

/** Folds a history of steps under a policy. */
export const history = (policy: Policy, steps: readonly Step[]): TicketState =>
  steps.reduce((s, [when, what, arg]) => apply(s, policy, commandOf(toInstant(when), what, arg)), initialState);

export const command = (when: string | Instant, what: string, arg?: string): TicketCommand =>
  commandOf(toInstant(when), what, arg);
