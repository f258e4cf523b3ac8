/**
 * Shows the SLA week: the tickets, an hour-by-hour view of a polling timer worker, the whole
 * week as a timer store keyed by `nextWakeUp` runs it (one row per ticket and instant where
 * something happened), and every clock at the end of the week.
 */
import type { MetricStatus, TicketEvent } from "@ticketfold/core";
import { showCounted, showWeekTime } from "./clock.js";
import type { Happening, Tick, WeekRun } from "./sla-week.js";
import { renderTable } from "./table.js";
import type { TicketView } from "./ticket-view.js";
import type { SlaWeekDemo } from "./week.js";

/** A metric in a few words: its state and the time left (or over). */
export const metricCell = (s: MetricStatus | undefined): string => {
  if (s === undefined) return "-";
  if (s.state === "met") return "met";
  if (s.state === "breached") return s.clock === "stopped" ? "breached" : `breached, ${showCounted(-s.remaining)} over`;
  return `${s.state}, ${showCounted(s.remaining)} left`;
};

const time = (at: number): string => showWeekTime(at).slice(10);
const sameDay = (a: number, b: number): boolean => showWeekTime(a).slice(0, 9) === showWeekTime(b).slice(0, 9);

/** One event in a few words. */
export const eventSummary = (e: TicketEvent): string | null => {
  switch (e.type) {
    case "opened":
      return `opened, priority ${e.data.priority}`;
    case "commented":
      return e.data.visibility === "internal" ? "internal note" : `${e.data.author === "agent" ? "reply" : "comment"}`;
    case "awaiting-customer":
      return "asks the customer";
    case "customer-replied":
    case "assigned":
      return null;
    case "closed":
      return `closed (${e.data.reason})`;
    case "prioritised":
      return `priority ${e.data.from} → ${e.data.to} (${e.data.cause})`;
    case "sla-breached":
      return `${e.data.metric} breached (deadline ${time(e.data.deadline)})`;
    case "sla-warning-issued":
      return `${e.data.metric} warning ${e.data.warning}`;
    case "escalation-level-reached":
      return `level ${e.data.level} (${e.data.roles.join(", ")})`;
    default:
      return e.type;
  }
};

const summary = (happened: readonly Happening[]): string =>
  happened
    .flatMap((h) => h.events.map(eventSummary))
    .filter((s): s is string => s !== null)
    .join("; ");

/** Who did it: the person's id, or `timers` for what the timer worker applied. */
const whoOf = (h: Happening): string => (h.due ? "timers" : h.by.id);

/** Happenings in order, each run of the same actor (and instant, when `at` is given) under one label. */
const describe = (items: readonly { readonly h: Happening; readonly at?: string }[]): string => {
  const parts: string[] = [];
  let label = "";
  for (const { h, at } of items) {
    const text = summary([h]);
    if (text === "") continue;
    const next = `${at === undefined || h.due ? "" : `${at} `}${whoOf(h)}`;
    parts.push(next === label ? text : `${next}: ${text}`);
    label = next;
  }
  return parts.join("; ");
};

const viewRow = (v: TicketView | undefined): string[] => [
  metricCell(v?.sla.response),
  metricCell(v?.sla.resolution),
  v === undefined ? "-" : String(v.escalation.level),
];

/** The polling worker's runs: one row per run and ticket, with what happened since the last run. */
export const renderHourly = (run: WeekRun): string => {
  const rows: string[][] = [];
  let since: Tick[] = [];
  for (const tick of run.ticks) {
    since.push(tick);
    if (!tick.timers) continue;
    for (const v of tick.tickets) {
      const mine = since.flatMap((t) =>
        t.happened
          .filter((h) => h.key === v.key)
          .map((h) => ({ h, at: sameDay(t.at, tick.at) ? time(t.at) : showWeekTime(t.at) })),
      );
      rows.push([time(tick.at), v.key, ...viewRow(v), describe(mine)]);
    }
    since = [];
  }
  return renderTable(["run", "ticket", "response", "resolution", "level", "since the last run"], rows);
};

/** Every instant where something happened, per ticket, with the ticket's clocks after it. */
export const renderWakeUps = (run: WeekRun): string => {
  const rows: string[][] = [];
  for (const tick of run.ticks) {
    const keys = [...new Set(tick.happened.map((h) => h.key))];
    for (const key of keys) {
      const mine = tick.happened.filter((h) => h.key === key).map((h) => ({ h }));
      const view = tick.tickets.find((v) => v.key === key);
      rows.push([showWeekTime(tick.at), key, describe(mine), ...viewRow(view)]);
    }
  }
  return renderTable(["when", "ticket", "what happened", "response", "resolution", "level"], rows);
};

/** Every metric of every ticket at the end: state, target, counted time used, deadline. */
export const renderWeekEnd = (tick: Tick): string => {
  const rows = tick.tickets.flatMap((v) =>
    Object.values(v.sla).map((s, i) => [
      i === 0 ? v.key : "",
      i === 0 ? `${v.loaded.state.status}, ${v.loaded.state.priority}` : "",
      s.metric,
      s.state,
      showCounted(s.target),
      showCounted(s.elapsed),
      showWeekTime(s.deadline),
      s.breachedAt === null ? "-" : showWeekTime(s.breachedAt),
      i === 0 ? String(v.escalation.level) : "",
    ]),
  );
  const header = ["ticket", "status", "metric", "state", "target", "used", "deadline", "breached at", "level"];
  return renderTable(header, rows);
};

/** Which ticket is which. */
export const renderWeekTickets = (last: Tick): string =>
  renderTable(
    ["ticket", "tenant/id", "policy", "subject"],
    last.tickets.map((v) => [
      v.key,
      `${v.ref.tenantId}/${v.ref.ticketId}`,
      `${v.policy.id} ${v.policy.name}`,
      v.loaded.state.fields?.subject ?? "",
    ]),
  );

/** The whole second part of the demo. */
export const renderSlaWeek = ({ hourly, week }: SlaWeekDemo): string => {
  const last = week.ticks.at(-1);
  if (last === undefined) return "the SLA week ran no step";
  return [
    "",
    "# Part 2: a working week of SLA clocks, Mon 03-03 08:00 → Fri 03-07 18:00 (UTC)",
    "Clocks count on their policy's calendar: P-C 24x7; P-D Mon–Fri 09–17 Berlin (08–16 UTC in March);",
    "P-E Mon–Fri 09–18. Time left is counted time. The timer worker applies what falls due as system:timers.",
    "",
    renderWeekTickets(last),
    "",
    "== Monday, a timer worker that runs every hour (its own C1 and E1) ==",
    "C1's response deadline passes at 09:30; the hourly run records the breach at 10:00, with its deadline.",
    renderHourly(hourly),
    "",
    "== The whole week, a timer worker that wakes at each ticket's nextWakeUp ==",
    renderWakeUps(week),
    "",
    `== ${showWeekTime(last.at)}: every clock ==`,
    renderWeekEnd(last),
  ].join("\n");
};
