/**
 * Expectations on what happened: the notices the last step caused and to whom (`notified`),
 * the commands a run of the timers applied (`timersFired`), the events the last step appended
 * (`appended`), and the ticket's state (`ticketState`).
 */
import type { Audience, NotificationIntent, TicketEvent, TicketState } from "@ticketfold/core";
import type { When } from "../time/when.js";
import { type CommandMatch, commandShapes } from "./clock-expectations.js";
import type { Expectation } from "./expectation.js";
import { compare } from "./match.js";

/** A notice: `"requester:ticket-resolved"` (audience:rule), or the fields to compare (`to`: the recipients' addresses). */
export type NoticeMatch =
  | `${Audience}:${string}`
  | {
      readonly rule?: NotificationIntent["rule"];
      readonly audience?: Audience;
      readonly to?: readonly string[];
      readonly roles?: readonly string[];
      readonly locale?: NotificationIntent["locale"];
      readonly templateKey?: string;
      readonly urgent?: boolean;
      readonly notBefore?: When;
      readonly data?: { readonly [key: string]: string };
    };

export interface NoticeFilter {
  /** Only notices for this audience. */
  readonly audience?: Audience;
  /** Only notices of these rules. */
  readonly rule?: NotificationIntent["rule"] | readonly NotificationIntent["rule"][];
  /** `"last-step"` (default): what the last step caused; `"all"`: every notice so far. */
  readonly during?: "last-step" | "all";
}

const noticeShape = (n: NotificationIntent, expected: NoticeMatch | undefined): unknown =>
  typeof expected === "string" || expected === undefined
    ? `${n.audience}:${n.rule}`
    : {
        rule: n.rule,
        audience: n.audience,
        to: n.recipients.flatMap((r) => (r.address === undefined ? [] : [r.address])),
        roles: n.recipients.map((r) => r.role),
        locale: n.locale,
        templateKey: n.templateKey,
        urgent: n.urgent,
        notBefore: n.notBefore ?? null,
        data: n.data,
      };

/** The notices (notification intents), in order, the last step caused — or, with `during: "all"`, every one so far. */
export const notified = (expected: readonly NoticeMatch[], filter: NoticeFilter = {}): Expectation => {
  const rules = filter.rule === undefined ? undefined : ([] as string[]).concat(filter.rule);
  const scope = filter.during === "all" ? "so far" : "by the last step";
  const which = [filter.audience, rules?.join(", ")].filter((x) => x !== undefined).join(" ");
  return {
    describe: () => `the notices ${which === "" ? "" : `(${which}) `}${scope}`,
    check: (view) => {
      const entries = filter.during === "all" ? view.run.entries : view.last;
      const notices = entries
        .flatMap((e) => e.notices)
        .filter(
          (n) =>
            (filter.audience === undefined || n.audience === filter.audience) &&
            (rules === undefined || rules.includes(n.rule)),
        );
      return compare(
        notices.map((n, i) => noticeShape(n, expected[i])),
        expected,
        view.zone,
      );
    },
  };
};

/** The commands the last run of the timers applied, as `{ at, type, ...data }` (optionally only some types). */
export const timersFired = (
  expected: readonly (CommandMatch & { readonly at?: When })[],
  only?: readonly CommandMatch["type"][],
): Expectation => ({
  describe: () => `the commands the timers applied${only ? ` (${only.join(", ")})` : ""}`,
  check: (view) => {
    const fired = view.last.filter((e) => e.by === "timers");
    const shapes = commandShapes(
      fired.map((e) => e.command),
      only as string[] | undefined,
    );
    const ats = fired.filter((e) => only === undefined || only.includes(e.command.type)).map((e) => e.at);
    return compare(
      shapes.map((s, i) => ({ at: ats[i], ...s })),
      expected,
      view.zone,
    );
  },
});

/** A partial event: only the fields named are compared. */
export type EventMatch = {
  readonly type?: TicketEvent["type"];
  readonly data?: { readonly [key: string]: unknown };
} & {
  readonly [key: string]: unknown;
};

/** The events the last step appended, in order. */
export const appended = (expected: readonly EventMatch[]): Expectation => ({
  describe: () => "the events the last step appended",
  check: (view) =>
    compare(
      view.last.flatMap((e) => e.events),
      expected,
      view.zone,
    ),
});

/** A partial ticket state; instants and durations may be written as text. */
export type StateMatch = { readonly [K in keyof TicketState]?: unknown };

/** The ticket's state after the last step: only the fields named are compared. */
export const ticketState = (expected: StateMatch): Expectation => ({
  describe: () => "the ticket's state",
  check: (view) => compare(view.run.state, expected, view.zone),
});
