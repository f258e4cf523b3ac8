/**
 * What people do to a ticket, as steps of a scenario: `at("…").reply()`, `.askCustomer(…)`,
 * `.resolve()` … Each is a command without its envelope (the scenario adds the ticket, the
 * tenant and the instant). The requester and the agent are the kit's fixture people; `by(actor)`
 * names someone else. Texts have defaults, so a step only says what matters to the rule.
 */
import type { Actor, Attachment, CommandOf, Duration, TicketCommandType, TicketFields } from "@ticketfold/core";
import { agent, type NonEmptyText, requester, text } from "../fixtures/commands.js";
import { duration, instant, type When } from "../time/when.js";

/** A command without its envelope: type, actor and data. */
export type Act = {
  [K in TicketCommandType]: { type: K; actor: Actor; data: CommandOf<K>["data"] };
}[TicketCommandType];

/**
 * The fields of a ticket to open, all optional (defaults: a plain incident mailed in by the
 * requester of "example-co"). A field set to `undefined` is left out, to test a missing field;
 * `priority` may be anything, as intake may send it (a malformed one becomes the default).
 */
export type OpenFields = { readonly [K in keyof TicketFields]?: Loose<TicketFields[K]> | undefined } & {
  readonly priority?: unknown;
};

/** A field's type with non-blank text as plain strings (the step checks them when it runs). */
type Loose<T> = T extends NonEmptyText
  ? string
  : T extends readonly (infer U)[]
    ? readonly Loose<U>[]
    : T extends object
      ? { readonly [K in keyof T]: Loose<T[K]> }
      : T;

/** The fields every opened ticket has unless a step says otherwise. */
export const defaultOpenFields: TicketFields = {
  subject: text("Outlook does not start"),
  description: text("Since this morning Outlook closes right after starting."),
  category: "incident",
  channel: "email",
  organisation: "example-co",
  requester: {
    id: text(requester.id),
    name: requester.name ?? "Carla Customer",
    email: "carla@example.com",
    phone: "+1 555 0100",
  },
};

const withoutUndefined = (o: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** The acts, by whom they are done unless `by` says otherwise. */
export const acts = (who?: Actor) => {
  const as = (fallback: Actor) => who ?? fallback;
  const act = <K extends TicketCommandType>(type: K, actor: Actor, data: CommandOf<K>["data"]): Act =>
    ({ type, actor, data }) as Act;
  return {
    /** Opens the ticket (by the requester). */
    open: (fields: OpenFields = {}) =>
      act("open", as(requester), withoutUndefined({ ...defaultOpenFields, ...fields }) as CommandOf<"open">["data"]),
    /** A public reply by the agent (the first one stops a response clock). */
    reply: (body = "We are looking into it.") => act("comment", as(agent), { body: text(body) }),
    /** An internal note by the agent (never reaches the requester). */
    note: (body = "Checked the logs.") => act("comment", as(agent), { body: text(body), visibility: "internal" }),
    /** A comment by the requester (answers a question; reopens a resolved ticket), with files if given. */
    comment: (body = "Here is the log file you asked for.", attachments?: readonly Attachment[]) =>
      act(
        "comment",
        as(requester),
        attachments === undefined ? { body: text(body) } : { body: text(body), attachments: [...attachments] },
      ),
    /** The agent accepts the ticket for work (new → open). */
    accept: () => act("accept", as(agent), {}),
    /** The agent returns the ticket to the requester: it waits on the customer. */
    askCustomer: (
      question = "Please send the log file.",
      reason: "more-information" | "approval" | "third-party" | "book-session" = "more-information",
    ) => act("await-customer", as(agent), { reason, question }),
    /** The agent shares the resolution plan. */
    sharePlan: (plan = "Rebuild the mail profile in a remote session.") =>
      act("share-plan", as(agent), { plan: text(plan) }),
    /** The agent resolves the ticket. */
    resolve: (resolution = "The mail profile was rebuilt.", options: { readonly workaround?: boolean } = {}) =>
      act("resolve", as(agent), { resolution: text(resolution), ...options }),
    /** The requester reopens the ticket. */
    reopen: (reason?: string) => act("reopen", as(requester), reason === undefined ? {} : { reason }),
    /** The agent closes the ticket. */
    close: (reason?: "confirmed" | "withdrawn" | "duplicate" | "other") =>
      act("close", as(agent), reason === undefined ? {} : { reason }),
    /** The agent changes the priority. */
    changePriority: (priority: string, cause?: "manual" | "workaround") =>
      act("change-priority", as(agent), { priority, ...(cause === undefined ? {} : { cause }) }),
    /** The ticket moves to another policy (re-targeting its clocks). */
    changePolicy: (policyId: string) => act("change-policy", as(agent), { policyId }),
    /** The ticket is assigned (null: unassigned). */
    assign: (assignee: string | null, group?: string) =>
      act("assign", as(agent), { assignee, ...(group === undefined ? {} : { group }) }),
    /** The requester asks for escalation. */
    requestEscalation: (reason = "No progress on a stopped process.") =>
      act("request-escalation", as(requester), { reason }),
    /** The requester rates the resolution. */
    giveFeedback: (rating: "positive" | "neutral" | "negative", comment?: string) =>
      act("give-feedback", as(requester), { rating, ...(comment === undefined ? {} : { text: comment }) }),
    /** The agent logs time spent. */
    logTime: (minutes: number, options: { readonly outOfPlan?: boolean; readonly note?: string } = {}) =>
      act("log-time", as(agent), { minutes, ...options }),
    /**
     * The agent corrects logged entry `entry` (the stream version of its `time-logged` event)
     * by `minutes` (e.g. −30); without `minutes` the entry is reversed whole.
     */
    correctTime: (entry: number, reason: string, minutes?: number) =>
      act("correct-time", as(agent), { entry, reason: text(reason), ...(minutes === undefined ? {} : { minutes }) }),
    /** The customer's point of contact approves a change request. */
    approveChange: () => act("approve-change", as(requester), {}),
    /** The customer's point of contact rejects a change request. */
    rejectChange: (reason?: string) => act("reject-change", as(requester), reason === undefined ? {} : { reason }),
    /**
     * A working session is booked (`start` read in the scenario's zone, `length` as `"1h"` or
     * milliseconds), with `engineer` when given (else the ticket's assignee works it).
     */
    scheduleSession:
      (start: When, length: Duration | string, engineer?: string) =>
      (zone: string): Act =>
        act("schedule-session", as(agent), {
          start: instant(start, zone),
          length: duration(length),
          ...(engineer === undefined ? {} : { engineer: text(engineer) }),
        }),
    /** Any command, by type (the agent's unless `by` says otherwise). */
    command: <K extends TicketCommandType>(type: K, data: CommandOf<K>["data"]) => act(type, as(agent), data),
  };
};

export type Acts = ReturnType<typeof acts>;

/** A step of a scenario: an act at an instant, or a run of the timers up to one. */
export type Step =
  | { readonly kind: "act"; readonly at: When; readonly act: Act | ((zone: string) => Act) }
  | { readonly kind: "timers"; readonly until: When };

/** The timers run as a scheduler runs them (`nextWakeUp` → `due` → decide), up to and including `until`. */
export const timersUntil = (until: When): Step => ({ kind: "timers", until });
