/**
 * Ticket state: what the fold of a ticket's events keeps. Beyond the current fields it keeps
 * the timelines SLA computation needs: status intervals, priority changes with their instants,
 * the first public agent reply, reopen instants and reply cycles. The SLA engine's packed copy
 * of those timelines (the clock log, clock.ts) is not part of it: the core holds it privately.
 */
import type { Instant } from "../shared/instant.js";
import type { MetricName } from "./events.js";
import type { TicketFields } from "./fields.js";
import type { StatusOrNone } from "./transitions.js";

export interface StatusSpan {
  readonly status: StatusOrNone;
  /** The instant the ticket entered this status; it lasts until the next span's `from`. */
  readonly from: Instant;
}

export interface PriorityChange {
  readonly priority: string;
  readonly at: Instant;
}

/** A customer-waiting cycle of the optional next-reply metric. */
export interface ReplyCycle {
  readonly start: Instant;
  readonly end: Instant | null;
}

/**
 * A logged time entry: `entry` is the stream version of its `time-logged` event; `minutes`
 * is what it counts after its corrections (`logged` as first logged).
 */
export interface TimeEntry {
  readonly entry: number;
  readonly at: Instant;
  readonly agent: string;
  readonly billable: boolean;
  readonly logged: number;
  readonly minutes: number;
}

/** A customer's rating of one resolution cycle (cycle 0 until the first reopen, then 1, …). */
export interface Rating {
  readonly rating: string;
  readonly at: Instant;
  readonly cycle: number;
}

export type Approval = "not-required" | "pending" | "approved" | "rejected";

export interface TicketState {
  /** Number of events folded (the stream version). */
  readonly version: number;
  readonly ticketId: string | null;
  readonly tenantId: string | null;
  readonly policyId: string | null;
  /**
   * The version of the policy the ticket is judged under, pinned when it opened or its policy
   * changed; null on tickets opened before versions were recorded (judged under the version the
   * resolver holds now).
   */
  readonly policyVersion: number | null;
  readonly status: StatusOrNone;
  readonly fields: TicketFields | null;
  readonly priority: string | null;
  readonly openedAt: Instant | null;
  readonly lastEventAt: Instant | null;
  readonly statusHistory: readonly StatusSpan[];
  readonly priorityHistory: readonly PriorityChange[];
  /** Policy changes with their instants (re-targeting). */
  readonly policyHistory: readonly { readonly policyId: string; readonly at: Instant }[];
  readonly assignee: string | null;
  readonly group: string | null;
  /** Each hand-over to a group, in order (OLA clocks: policy `sla.olas`). */
  readonly groupHistory: readonly { readonly group: string; readonly at: Instant }[];
  readonly awaitingReason: string | null;
  readonly firstPublicAgentReplyAt: Instant | null;
  readonly lastPublicAgentReplyAt: Instant | null;
  readonly lastCustomerMessageAt: Instant | null;
  readonly planSharedAt: Instant | null;
  readonly resolvedAt: Instant | null;
  readonly closedAt: Instant | null;
  readonly reopenedAt: readonly Instant[];
  readonly replyCycles: readonly ReplyCycle[];
  readonly approval: Approval;
  readonly minutesBillable: number;
  readonly minutesUnbilled: number;
  readonly feedback: { readonly rating: string; readonly at: Instant } | null;
  /** Every rating given, one per resolution cycle (a reopen starts a new cycle). */
  readonly ratings: readonly Rating[];
  /** Logged time entries with their corrections netted in. */
  readonly timeEntries: readonly TimeEntry[];
  readonly escalationRequests: readonly { readonly level: number; readonly at: Instant }[];
  /** Highest escalation level reached by the ladder (0 = none). */
  readonly escalationLevel: number;
  /** Keys of SLA warnings, breaches and ladder steps already recorded (`response/0/breach`). */
  readonly slaRecords: readonly string[];
  readonly publicComments: number;
  readonly internalComments: number;
  /** Booked working sessions, with the engineer when one was named (or the ticket was assigned). */
  readonly sessions: readonly TicketSession[];
}

/** A booked working session of the ticket. */
export interface TicketSession {
  readonly start: Instant;
  readonly length: number;
  readonly engineer?: string;
}

/** The key under which an SLA fact is recorded, so recording it twice is a no-op. */
export const slaRecordKey = (metric: MetricName, cycle: number, what: string): string => `${metric}/${cycle}/${what}`;

/** The key under which a group's OLA breach is recorded (`ola:tier-2/0/breach`), once per hand-over. */
export const olaRecordKey = (group: string, cycle: number): string => `ola:${group}/${cycle}/breach`;

/** A fresh, unshared, mutable initial state (the fold writes into it directly). */
export const createInitialState = (): TicketState => ({
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
});

/** The frozen initial state (the state of a ticket with no events). */
export const initialState: TicketState = Object.freeze(createInitialState());
