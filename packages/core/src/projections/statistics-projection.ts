/**
 * Statistics kept in memory: consumes recorded events like the work queue projection, keeps
 * each ticket's state, and folds every step into the statistics with the pure reducer (the
 * state before a `policy-changed` event is read under the policy it was under). It keeps each
 * ticket's facts too, for the reports (SLA durations per period, CSAT, billable time).
 */
import * as E from "fp-ts/lib/Either.js";
import type { CorruptEvent } from "../store/errors.js";
import type { RecordedEvent } from "../store/types.js";
import type { TicketState } from "../ticket/state.js";
import { type BillingRow, billingReport } from "./billing-report.js";
import { type CsatRow, csatReport } from "./csat-report.js";
import type { ProjectionError } from "./errors.js";
import { type ReportQuery, type SlaReport, slaReport } from "./sla-report.js";
import { emptyStatistics, NO_FACTS, reduceStatistics, type Statistics } from "./statistics.js";
import { type TicketFacts, ticketFacts } from "./ticket-facts.js";
import { type PolicyLookup, policyOfTicket, stepTicket, ticketKey } from "./ticket-steps.js";

export class StatisticsProjection {
  readonly #policies: PolicyLookup;
  readonly #states = new Map<string, TicketState>();
  readonly #facts = new Map<string, TicketFacts>();
  #stats: Statistics = emptyStatistics;

  /** @deprecated Use `createStatisticsProjection(policies)`; `new` keeps working until 1.0. */
  constructor(policies: PolicyLookup) {
    this.#policies = policies;
  }

  /** Applies one event. On an error nothing changes: fix the cause and apply it again. */
  apply(recorded: RecordedEvent): E.Either<CorruptEvent | ProjectionError, void> {
    const key = ticketKey(recorded.tenantId, recorded.streamId);
    const step = stepTicket(this.#states.get(key), recorded);
    if (E.isLeft(step)) return step;
    if (step.right === null) return E.right(undefined);
    const { event, before, after } = step.right;
    const pa = policyOfTicket(after, this.#policies);
    if (E.isLeft(pa)) return pa;
    const pb = policyOfTicket(before, this.#policies);
    if (E.isLeft(pb)) return pb;
    this.#states.set(key, after);
    if (pa.right === null) return E.right(undefined);
    this.#stats = reduceStatistics(this.#stats, event, before, after, {
      before: pb.right ?? pa.right,
      after: pa.right,
    });
    if (!NO_FACTS.has(event.type) || !this.#facts.has(key)) {
      const facts = ticketFacts(after, pa.right);
      if (facts === null) this.#facts.delete(key);
      else this.#facts.set(key, facts);
    }
    return E.right(undefined);
  }

  /** Applies events in order, stopping at the first error. */
  applyAll(events: Iterable<RecordedEvent>): E.Either<CorruptEvent | ProjectionError, void> {
    for (const e of events) {
      const done = this.apply(e);
      if (E.isLeft(done)) return done;
    }
    return E.right(undefined);
  }

  get statistics(): Statistics {
    return this.#stats;
  }

  /** Every ticket's current facts (ticket-facts.ts). */
  facts(): IterableIterator<TicketFacts> {
    return this.#facts.values();
  }

  /** SLA durations and attainment per period, and the breached cycles (sla-report.ts). */
  slaReport(q: ReportQuery): SlaReport {
    return slaReport(this.#facts.values(), q);
  }

  /** Ratings per period (csat-report.ts). */
  csatReport(q: ReportQuery): CsatRow[] {
    return csatReport(this.#facts.values(), q);
  }

  /** Billable time per month, agent and category, corrections netted (billing-report.ts). */
  billingReport(q: Omit<ReportQuery, "period">): BillingRow[] {
    return billingReport(this.#facts.values(), q);
  }
}

/** Statistics kept in memory, over the policies it looks tickets' policies up in. */
export const createStatisticsProjection = (policies: PolicyLookup): StatisticsProjection =>
  new StatisticsProjection(policies);
