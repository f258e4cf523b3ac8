/**
 * The fair baseline: a hand-written mutable loop that builds the SAME state the core's `fold`
 * builds (the timelines SLA needs, and the clock log, in a private field as the core holds
 * it), into plain unfrozen objects, with no immer and
 * no shared recipe. The benchmark checks that both give deep-equal states before timing, so
 * the ratio measures only what the library adds: its generic recipe and the deep freeze.
 */
import type { TicketEvent, TicketState } from "@ticketfold/core";

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };
// The clock log's codes (core ticket/clock.ts), written out as a hand loop would.
const [NEW, OPEN, AWAITING, RESOLVED, CLOSED] = [2, 4, 8, 16, 32];
const REOPENED = 64;
const PRIORITY_CHANGED = 128;
const POLICY_CHANGED = 256;
const FIRST_REPLY = 512;
const PLAN_SHARED = 1024;
const REPLY_CYCLE_STARTED = 2048;
const REPLY_CYCLE_ENDED = 4096;
const OPENING_ONLY = new Set(["priority", "priorityDefaulted", "policyId", "policyVersion", "approvalRequired"]);

type HandLog = { clock: number[]; priorities: string[] };

/** Hands back the object it is given, so the subclass's private field is added to it. */
class Stamp {
  constructor(target: object) {
    // biome-ignore lint/correctness/noConstructorReturn: returning the target is how the log is kept on it
    return target;
  }
}

/** Keeps the clock log on each state the loop built as a private field, as the core holds its own. */
class HandLogKeeper extends Stamp {
  readonly #log: HandLog;
  constructor(t: object, log: HandLog) {
    super(t);
    this.#log = log;
  }
  static kept(t: object): HandLog | undefined {
    return #log in t ? (t as HandLogKeeper).#log : undefined;
  }
}

/** The clock log the loop built for `s`. */
export const handClockLog = (s: TicketState) => HandLogKeeper.kept(s);

export const foldSameStateByHand = (events: readonly TicketEvent[]): TicketState => {
  const clock: number[] = [];
  const clockPriorities: string[] = [];
  const s: Mutable<TicketState> = {
    version: 0,
    ticketId: null,
    tenantId: null,
    policyId: null,
    policyVersion: null,
    status: "none",
    fields: null,
    priority: null,
    openedAt: null,
    lastEventAt: null,
    statusHistory: [],
    priorityHistory: [],
    policyHistory: [],
    assignee: null,
    group: null,
    groupHistory: [],
    awaitingReason: null,
    firstPublicAgentReplyAt: null,
    lastPublicAgentReplyAt: null,
    lastCustomerMessageAt: null,
    planSharedAt: null,
    resolvedAt: null,
    closedAt: null,
    reopenedAt: [],
    replyCycles: [],
    approval: "not-required",
    minutesBillable: 0,
    minutesUnbilled: 0,
    feedback: null,
    ratings: [],
    timeEntries: [],
    escalationRequests: [],
    escalationLevel: 0,
    slaRecords: [],
    publicComments: 0,
    internalComments: 0,
    sessions: [],
  };
  for (const e of events) {
    s.version++;
    s.lastEventAt = e.at;
    switch (e.type) {
      case "opened": {
        const d = e.data as unknown as Record<string, unknown>;
        const fields: Record<string, unknown> = {};
        for (const k in d) if (!OPENING_ONLY.has(k)) fields[k] = d[k];
        s.ticketId = e.ticketId;
        s.tenantId = e.tenantId;
        s.policyId = e.data.policyId;
        s.policyVersion = e.data.policyVersion ?? null;
        s.fields = fields as unknown as TicketState["fields"];
        s.priority = e.data.priority;
        s.openedAt = e.at;
        s.approval = e.data.approvalRequired ? "pending" : "not-required";
        s.priorityHistory.push({ priority: e.data.priority, at: e.at });
        s.policyHistory.push({ policyId: e.data.policyId, at: e.at });
        clock.push(e.at, PRIORITY_CHANGED, e.at, POLICY_CHANGED);
        clockPriorities.push(e.data.priority);
        s.status = "new";
        s.statusHistory.push({ status: "new", from: e.at });
        clock.push(e.at, NEW);
        break;
      }
      case "prioritised":
        s.priority = e.data.to;
        s.priorityHistory.push({ priority: e.data.to, at: e.at });
        clock.push(e.at, PRIORITY_CHANGED);
        clockPriorities.push(e.data.to);
        break;
      case "accepted":
        s.status = "open";
        s.statusHistory.push({ status: "open", from: e.at });
        clock.push(e.at, OPEN);
        break;
      case "assigned":
        s.assignee = e.data.assignee;
        if (e.data.group !== undefined && e.data.group !== s.group)
          s.groupHistory.push({ group: e.data.group, at: e.at });
        if (e.data.group !== undefined) s.group = e.data.group;
        break;
      case "commented": {
        if (e.data.visibility === "internal") {
          s.internalComments++;
          break;
        }
        s.publicComments++;
        const last = s.replyCycles[s.replyCycles.length - 1];
        const open = last !== undefined && last.end === null;
        if (e.data.author === "customer") {
          s.lastCustomerMessageAt = e.at;
          if (!open) {
            s.replyCycles.push({ start: e.at, end: null });
            clock.push(e.at, REPLY_CYCLE_STARTED);
          }
        } else if (e.data.author === "agent") {
          if (s.firstPublicAgentReplyAt === null) {
            s.firstPublicAgentReplyAt = e.at;
            clock.push(e.at, FIRST_REPLY);
          }
          s.lastPublicAgentReplyAt = e.at;
          if (open) {
            s.replyCycles[s.replyCycles.length - 1] = { start: last.start, end: e.at };
            clock.push(e.at, REPLY_CYCLE_ENDED);
          }
        }
        break;
      }
      case "plan-shared":
        if (s.planSharedAt === null) {
          s.planSharedAt = e.at;
          clock.push(e.at, PLAN_SHARED);
        }
        break;
      case "awaiting-customer":
        s.awaitingReason = e.data.reason;
        s.status = "awaiting-customer";
        s.statusHistory.push({ status: "awaiting-customer", from: e.at });
        clock.push(e.at, AWAITING);
        break;
      case "customer-replied":
        s.awaitingReason = null;
        s.status = "open";
        s.statusHistory.push({ status: "open", from: e.at });
        clock.push(e.at, OPEN);
        break;
      case "resolved":
        s.resolvedAt = e.at;
        s.awaitingReason = null;
        s.status = "resolved";
        s.statusHistory.push({ status: "resolved", from: e.at });
        clock.push(e.at, RESOLVED);
        break;
      case "reopened":
        s.resolvedAt = null;
        s.closedAt = null;
        s.feedback = null;
        s.reopenedAt.push(e.at);
        s.status = "open";
        s.statusHistory.push({ status: "open", from: e.at });
        clock.push(e.at, OPEN + REOPENED);
        break;
      case "closed":
        s.closedAt = e.at;
        s.awaitingReason = null;
        s.status = "closed";
        s.statusHistory.push({ status: "closed", from: e.at });
        clock.push(e.at, CLOSED);
        break;
      case "feedback-given":
        s.feedback = { rating: e.data.rating, at: e.at };
        s.ratings.push({ rating: e.data.rating, at: e.at, cycle: s.reopenedAt.length });
        break;
      case "time-logged": {
        const { minutes, billable } = e.data;
        if (billable) s.minutesBillable += minutes;
        else s.minutesUnbilled += minutes;
        s.timeEntries.push({ entry: s.version, at: e.at, agent: e.actor.id, billable, logged: minutes, minutes });
        break;
      }
      default:
        // The benchmark's histories use only the events above; the agreement check fails if not.
        throw new Error(`baseline does not handle ${e.type}`);
    }
  }
  new HandLogKeeper(s, { clock, priorities: clockPriorities });
  return s as TicketState;
};
