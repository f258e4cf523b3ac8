/**
 * What the policy laws read of a ticket, and how they say what broke: the statuses at an
 * instant under a policy, and a failure that prints the ticket's timeline.
 */
import type { CompiledPolicy, Instant, MetricName, SlaStatus } from "@ticketfold/core";
import { timeline } from "../../sla-spec/timeline.js";
import { displayZoneOf } from "../../sla-spec/zone.js";
import type { TicketRun } from "../../ticket-run/run.js";
import { showInstant } from "../../time/display.js";
import { lawBroken } from "../law.js";

export const statusUnder = (run: TicketRun, compiled: CompiledPolicy, now: Instant): SlaStatus =>
  run.engine.slaStatus(run.state, compiled, now);

export const metricsOf = (status: SlaStatus): MetricName[] => Object.keys(status) as MetricName[];

/** An error saying what broke, with the ticket's timeline (in the policy's zone). */
export const broken = (run: TicketRun, what: string): Error =>
  lawBroken(`${what}\n\n${timeline(run, displayZoneOf(run.policy))}`);

/** An instant in the policy's zone. */
export const shown = (run: TicketRun, at: Instant | null | undefined): string =>
  showInstant(at, displayZoneOf(run.policy));
