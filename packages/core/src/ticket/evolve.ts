/**
 * Evolve: how each event changes a ticket. `applyEvent` is an immer recipe (it mutates a
 * draft). `evolve` runs it under immer for one event; `fold` runs it directly on a fresh
 * state it owns — the same code, without a proxy per event — and freezes the result once
 * (freeze.ts), which is what makes folding long histories fast (bench/fold).
 */
import { type Draft, Immer } from "immer";
import type { Instant } from "../shared/instant.js";
import {
  type ClockLog,
  clockLogOf,
  copyClockLog,
  createClockLog,
  FIRST_REPLY,
  keepClockLog,
  PLAN_SHARED,
  POLICY_CHANGED,
  PRIORITY_CHANGED,
  REOPENED,
  REPLY_CYCLE_ENDED,
  REPLY_CYCLE_STARTED,
  statusCode,
  statusCodes,
} from "./clock.js";
import type { EventOf, TicketEvent } from "./events.js";
import type { TicketFields } from "./fields.js";
import { freezeState } from "./freeze.js";
import { createInitialState, initialState, olaRecordKey, slaRecordKey, type TicketState } from "./state.js";
import type { Status } from "./transitions.js";

const enter = (s: Draft<TicketState>, log: ClockLog, status: Status, at: Instant, code = statusCode(status)): void => {
  s.status = status;
  s.statusHistory.push({ status, from: at });
  log.clock.push(at, code);
};

/** What `opened` adds to the ticket fields; everything else in its data is a ticket field. */
const OPENING_ONLY: ReadonlySet<string> = new Set([
  "priority",
  "priorityDefaulted",
  "policyId",
  "policyVersion",
  "approvalRequired",
]);

/**
 * The ticket fields of an `opened` event: its data without the opening-only keys. A plain
 * copy loop, because object rest (`{ a, ...fields }`) takes V8's slow path and was a third of
 * the fold's time (bench/fold).
 */
const ticketFieldsOf = (data: EventOf<"opened">["data"]): TicketFields => {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(data)) {
    if (!OPENING_ONLY.has(key)) fields[key] = (data as Record<string, unknown>)[key];
  }
  return fields as TicketFields;
};

/**
 * The immer recipe: applies one event to a draft state, and its clock facts to the state's
 * clock log (clock.ts), which the caller owns. Exhaustive over event types.
 */
export const applyEvent = (s: Draft<TicketState>, e: TicketEvent, log: ClockLog): void => {
  s.version += 1;
  s.lastEventAt = e.at;
  switch (e.type) {
    case "opened": {
      const { priority, policyId, approvalRequired } = e.data;
      s.ticketId = e.ticketId;
      s.tenantId = e.tenantId;
      s.policyId = policyId;
      s.policyVersion = e.data.policyVersion ?? null;
      s.fields = ticketFieldsOf(e.data) as Draft<TicketFields>;
      s.priority = priority;
      s.openedAt = e.at;
      s.approval = approvalRequired ? "pending" : "not-required";
      s.priorityHistory.push({ priority, at: e.at });
      s.policyHistory.push({ policyId, at: e.at });
      log.clock.push(e.at, PRIORITY_CHANGED, e.at, POLICY_CHANGED);
      log.priorities.push(priority);
      enter(s, log, "new", e.at);
      return;
    }
    case "policy-changed":
      s.policyId = e.data.to;
      s.policyVersion = e.data.toVersion ?? null;
      s.policyHistory.push({ policyId: e.data.to, at: e.at });
      log.clock.push(e.at, POLICY_CHANGED);
      return;
    case "prioritised":
      s.priority = e.data.to;
      s.priorityHistory.push({ priority: e.data.to, at: e.at });
      log.clock.push(e.at, PRIORITY_CHANGED);
      log.priorities.push(e.data.to);
      return;
    case "accepted":
      enter(s, log, "open", e.at);
      return;
    case "assigned":
      s.assignee = e.data.assignee;
      if (e.data.group !== undefined && e.data.group !== s.group)
        s.groupHistory.push({ group: e.data.group, at: e.at });
      s.group = e.data.group ?? s.group;
      return;
    case "commented": {
      const { author, visibility } = e.data;
      if (visibility === "internal") {
        s.internalComments += 1;
        return;
      }
      s.publicComments += 1;
      const open = s.replyCycles.length > 0 && s.replyCycles[s.replyCycles.length - 1]?.end === null;
      if (author === "customer") {
        s.lastCustomerMessageAt = e.at;
        if (!open) {
          s.replyCycles.push({ start: e.at, end: null });
          log.clock.push(e.at, REPLY_CYCLE_STARTED);
        }
      } else if (author === "agent") {
        if (s.firstPublicAgentReplyAt === null) {
          s.firstPublicAgentReplyAt = e.at;
          log.clock.push(e.at, FIRST_REPLY);
        }
        s.lastPublicAgentReplyAt = e.at;
        const last = s.replyCycles[s.replyCycles.length - 1];
        if (open && last) {
          last.end = e.at;
          log.clock.push(e.at, REPLY_CYCLE_ENDED);
        }
      }
      return;
    }
    case "plan-shared":
      if (s.planSharedAt === null) {
        s.planSharedAt = e.at;
        log.clock.push(e.at, PLAN_SHARED);
      }
      return;
    case "awaiting-customer":
      s.awaitingReason = e.data.reason;
      enter(s, log, "awaiting-customer", e.at);
      return;
    case "customer-replied":
      s.awaitingReason = null;
      enter(s, log, "open", e.at);
      return;
    case "resolved":
      s.resolvedAt = e.at;
      s.awaitingReason = null;
      enter(s, log, "resolved", e.at);
      return;
    case "reopened":
      s.resolvedAt = null;
      s.closedAt = null;
      s.feedback = null;
      s.reopenedAt.push(e.at);
      enter(s, log, "open", e.at, statusCodes.open + REOPENED);
      return;
    case "closed":
      s.closedAt = e.at;
      s.awaitingReason = null;
      enter(s, log, "closed", e.at);
      return;
    case "escalation-requested":
      s.escalationRequests.push({ level: e.data.level, at: e.at });
      return;
    case "feedback-given":
      s.feedback = { rating: e.data.rating, at: e.at };
      s.ratings.push({ rating: e.data.rating, at: e.at, cycle: s.reopenedAt.length });
      return;
    case "time-logged": {
      const { minutes, billable } = e.data;
      if (billable) s.minutesBillable += minutes;
      else s.minutesUnbilled += minutes;
      s.timeEntries.push({ entry: s.version, at: e.at, agent: e.actor.id, billable, logged: minutes, minutes });
      return;
    }
    case "time-corrected": {
      const entry = s.timeEntries.find((x) => x.entry === e.data.entry);
      if (entry === undefined) return;
      entry.minutes += e.data.minutes;
      if (entry.billable) s.minutesBillable += e.data.minutes;
      else s.minutesUnbilled += e.data.minutes;
      return;
    }
    case "change-approved":
      s.approval = "approved";
      return;
    case "change-rejected":
      s.approval = "rejected";
      return;
    case "session-scheduled":
      s.sessions.push({
        start: e.data.start,
        length: e.data.length,
        ...(e.data.engineer === undefined ? {} : { engineer: e.data.engineer }),
      });
      return;
    case "sla-warning-issued":
      s.slaRecords.push(slaRecordKey(e.data.metric, e.data.cycle, `warning:${e.data.warning}`));
      return;
    case "sla-breached":
      s.slaRecords.push(slaRecordKey(e.data.metric, e.data.cycle, "breach"));
      return;
    case "ola-breached":
      s.slaRecords.push(olaRecordKey(e.data.group, e.data.cycle));
      return;
    case "escalation-level-reached":
      s.slaRecords.push(slaRecordKey(e.data.metric, e.data.cycle, `step:${e.data.step}`));
      s.escalationLevel = Math.max(s.escalationLevel, e.data.level);
      return;
    default: {
      const unreachable: never = e;
      throw new Error(`unknown event ${JSON.stringify(unreachable)}`);
    }
  }
};

/**
 * The core's own immer, which does not freeze: `produceFrom` keeps the clock log on the new
 * state before freezing it with the freezer (a frozen object takes no new property).
 */
const immer = new Immer({ autoFreeze: false });

/**
 * Applies events to a state under immer (a new state sharing what did not change), keeps the
 * new state's clock log (a copy of the old state's, extended), then deep-freezes it.
 */
const produceFrom = (from: TicketState, events: Iterable<TicketEvent>): TicketState => {
  const log = copyClockLog(clockLogOf(from));
  const next = immer.produce(from, (draft) => {
    for (const e of events) applyEvent(draft, e, log);
  });
  if (next === from) return from;
  keepClockLog(next, log);
  freezeState(next);
  return next;
};

/** Applies one event to a state, returning a new frozen state (immer). */
export const evolve = (state: TicketState, event: TicketEvent): TicketState => produceFrom(state, [event]);

/**
 * Folds a history into a state. From the initial state it writes into a fresh object it owns
 * (no proxies) and deep-freezes it once at the end; from another state it uses immer.
 * Deterministic: the same events always give an equal state.
 */
export const fold = (events: Iterable<TicketEvent>, from: TicketState = initialState): TicketState => {
  if (from !== initialState) return produceFrom(from, events);
  const s = createInitialState() as Draft<TicketState>;
  const log = createClockLog();
  for (const e of events) applyEvent(s, e, log);
  keepClockLog(s as TicketState, log);
  freezeState(s as TicketState);
  return s as TicketState;
};
