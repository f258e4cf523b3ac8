/**
 * The clock facts of one ticket, read from its clock log (ticket/clock.ts) in one pass into
 * flat typed arrays, before anything is computed: the frames and walks that follow read only
 * these. Reading a ticket this way touches its state object and one packed list of numbers;
 * reading the histories touched some forty separate objects, each a cache miss when 100,000
 * tickets are in memory, and that, not the arithmetic, was most of the SLA pass (bench/sla).
 *
 * There is one set of facts, reused by every call (no allocation on the hot path): gather a
 * ticket, then read its frames and clocks, before gathering another.
 */
import type { Instant } from "../shared/instant.js";
import {
  clockOfHistories,
  FIRST_REPLY,
  PLAN_SHARED,
  POLICY_CHANGED,
  PRIORITY_CHANGED,
  REOPENED,
  REPLY_CYCLE_STARTED,
  STATUS_BITS,
} from "../ticket/clock.js";
import type { TicketState } from "../ticket/state.js";

export interface ClockFacts {
  /** The instant the ticket opened; NaN when it has not. */
  openedAt: Instant;
  /** First public agent reply; NaN when none yet. */
  firstReplyAt: Instant;
  /** First shared plan; NaN when none yet. */
  planSharedAt: Instant;
  /** Status spans: `froms[i]` and the status bit `bits[i]`, for i < `spanCount`. */
  spanCount: number;
  froms: Float64Array;
  bits: Int32Array;
  /** Priority changes (the opening priority first): `priorityAts[i]`, `priorities[i]`. */
  priorityCount: number;
  priorityAts: Float64Array;
  priorities: string[];
  /** Policy changes (the opening policy first). */
  policyCount: number;
  policyAts: Float64Array;
  reopenCount: number;
  /** The last reopen; NaN when none. */
  lastReopenAt: Instant;
  /** Customer-waiting cycles of next-reply, and the last one's start and end (NaN while open). */
  replyCycleCount: number;
  replyStart: Instant;
  replyEnd: Instant;
}

const INITIAL = 16;

/** The facts of the ticket gathered last. */
export const facts: ClockFacts = {
  openedAt: Number.NaN,
  firstReplyAt: Number.NaN,
  planSharedAt: Number.NaN,
  spanCount: 0,
  froms: new Float64Array(INITIAL),
  bits: new Int32Array(INITIAL),
  priorityCount: 0,
  priorityAts: new Float64Array(INITIAL),
  priorities: new Array<string>(INITIAL).fill(""),
  policyCount: 0,
  policyAts: new Float64Array(INITIAL),
  reopenCount: 0,
  lastReopenAt: Number.NaN,
  replyCycleCount: 0,
  replyStart: Number.NaN,
  replyEnd: Number.NaN,
};

/** Grows the lists to hold `n` entries of every kind. */
const reserve = (n: number): void => {
  if (n <= facts.froms.length) return;
  facts.froms = new Float64Array(2 * n);
  facts.bits = new Int32Array(2 * n);
  facts.priorityAts = new Float64Array(2 * n);
  facts.priorities = new Array<string>(2 * n).fill("");
  facts.policyAts = new Float64Array(2 * n);
};

/**
 * Copies the clock facts of `t` into `facts` in one pass over its clock log (ticket/clock.ts);
 * false (facts unspecified) when the ticket has not opened.
 */
export const gatherTicket = (t: TicketState): boolean => {
  let clock = t.clock;
  let named = t.clockPriorities;
  if (clock === undefined || clock.length === 0) {
    // Not written by the fold (a state made by hand, or by a version without the log).
    if (t.openedAt === null) return false;
    ({ clock, clockPriorities: named } = clockOfHistories(t));
  }
  const n = clock.length;
  reserve(n >> 1);
  const { froms, bits, priorityAts, priorities, policyAts } = facts;
  let spans = 0;
  let changes = 0;
  let policies = 0;
  let reopens = 0;
  let cycles = 0;
  let firstReply = Number.NaN;
  let plan = Number.NaN;
  let lastReopen = Number.NaN;
  let replyStart = Number.NaN;
  let replyEnd = Number.NaN;
  for (let i = 0; i < n; i += 2) {
    const at = clock[i] as number;
    const code = clock[i + 1] as number;
    if (code < PRIORITY_CHANGED) {
      froms[spans] = at;
      bits[spans++] = code & STATUS_BITS;
      if (code >= REOPENED) {
        reopens++;
        lastReopen = at;
      }
    } else if (code === PRIORITY_CHANGED) {
      priorityAts[changes] = at;
      priorities[changes] = named[changes] as string;
      changes++;
    } else if (code === POLICY_CHANGED) policyAts[policies++] = at;
    else if (code === FIRST_REPLY) firstReply = at;
    else if (code === PLAN_SHARED) plan = at;
    else if (code === REPLY_CYCLE_STARTED) {
      cycles++;
      replyStart = at;
      replyEnd = Number.NaN;
    } else replyEnd = at;
  }
  facts.openedAt = froms[0] as number;
  facts.firstReplyAt = firstReply;
  facts.planSharedAt = plan;
  facts.spanCount = spans;
  facts.priorityCount = changes;
  facts.policyCount = policies;
  facts.reopenCount = reopens;
  facts.lastReopenAt = lastReopen;
  facts.replyCycleCount = cycles;
  facts.replyStart = replyStart;
  facts.replyEnd = replyEnd;
  return true;
};

/** The status bit of the ticket's last span; 0 when it has none. */
export const lastStatusBit = (): number => (facts.spanCount > 0 ? (facts.bits[facts.spanCount - 1] as number) : 0);
