/**
 * The clock facts of one ticket, read from its clock log (ticket/clock.ts) in one pass into
 * flat arrays, before anything is computed: the frames and walks that follow read only
 * these. Reading a ticket this way touches its state object and one packed list of numbers;
 * reading the histories touched some forty separate objects, each a cache miss when 100,000
 * tickets are in memory, and that, not the arithmetic, was most of the SLA pass (bench/sla).
 *
 * Each SLA reader (reader.ts) owns one set of facts, reused for every ticket it reads (no
 * allocation on the hot path): it gathers a ticket, then reads its frames and clocks, before
 * gathering another. Nothing here is shared between readers.
 */
import type { Instant } from "../shared/instant.js";
import {
  clockLogOf,
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
  froms: number[];
  bits: number[];
  /** Priority changes (the opening priority first): `priorityAts[i]`, `priorities[i]`. */
  priorityCount: number;
  priorityAts: number[];
  priorities: string[];
  /** Policy changes (the opening policy first). */
  policyCount: number;
  policyAts: number[];
  reopenCount: number;
  /** The last reopen; NaN when none. */
  lastReopenAt: Instant;
  /** Customer-waiting cycles of next-reply, and the last one's start and end (NaN while open). */
  replyCycleCount: number;
  replyStart: Instant;
  replyEnd: Instant;
}

const INITIAL = 16;

// Plain arrays, not typed ones: as fast to read and write here (V8 keeps them packed, doubles
// unboxed), and far cheaper to make (a typed array allocates a buffer), so a reader made for one
// call (`slaStatus`) costs little.
/** A packed list of `n` doubles (NaN fills it as a double, so it never holds small integers only). */
const doubles = (n: number): number[] => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(Number.NaN);
  return out;
};
/** A packed list of `n` small integers. */
const smallInts = (n: number): number[] => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(0);
  return out;
};

/** An empty set of facts, for one reader. */
export const createClockFacts = (): ClockFacts => ({
  openedAt: Number.NaN,
  firstReplyAt: Number.NaN,
  planSharedAt: Number.NaN,
  spanCount: 0,
  froms: doubles(INITIAL),
  bits: smallInts(INITIAL),
  priorityCount: 0,
  priorityAts: doubles(INITIAL),
  priorities: new Array<string>(INITIAL).fill(""),
  policyCount: 0,
  policyAts: doubles(INITIAL),
  reopenCount: 0,
  lastReopenAt: Number.NaN,
  replyCycleCount: 0,
  replyStart: Number.NaN,
  replyEnd: Number.NaN,
});

/** Grows the lists to hold `n` entries of every kind. */
const reserve = (facts: ClockFacts, n: number): void => {
  if (n <= facts.froms.length) return;
  facts.froms = doubles(2 * n);
  facts.bits = smallInts(2 * n);
  facts.priorityAts = doubles(2 * n);
  facts.priorities = new Array<string>(2 * n).fill("");
  facts.policyAts = doubles(2 * n);
};

/**
 * Copies the clock facts of `t` into `facts` in one pass over its clock log (ticket/clock.ts);
 * false (facts unspecified) when the ticket has not opened (as of `asOf`).
 *
 * As of (docs/design/sla-semantics.md#as-of-readings): only the facts of events at or before
 * `asOf` are gathered (strictly before it when `before`), so the ticket is read as it stood
 * then. +∞ (the default) gathers everything.
 */
export const gatherTicket = (
  facts: ClockFacts,
  t: TicketState,
  asOf: Instant = Number.POSITIVE_INFINITY,
  before = false,
): boolean => {
  if (t.openedAt === null) return false;
  const { clock, priorities: named } = clockLogOf(t);
  const n = clock.length;
  if (n === 0) return false;
  reserve(facts, n >> 1);
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
  let named0 = 0;
  for (let i = 0; i < n; i += 2) {
    const at = clock[i] as number;
    const code = clock[i + 1] as number;
    if (at > asOf || (before && at === asOf)) {
      // Past the as-of instant: skipped (a priority change still uses up its name).
      if (code === PRIORITY_CHANGED) named0++;
      continue;
    }
    if (code < PRIORITY_CHANGED) {
      froms[spans] = at;
      bits[spans++] = code & STATUS_BITS;
      if (code >= REOPENED) {
        reopens++;
        lastReopen = at;
      }
    } else if (code === PRIORITY_CHANGED) {
      priorityAts[changes] = at;
      priorities[changes] = named[changes + named0] as string;
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
  if (spans === 0) return false;
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

/** The status bit of the gathered ticket's last span; 0 when it has none. */
export const lastStatusBit = (facts: ClockFacts): number =>
  facts.spanCount > 0 ? (facts.bits[facts.spanCount - 1] as number) : 0;
