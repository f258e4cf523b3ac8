/**
 * Ticket histories under a policy as a fast-check arbitrary: each value is a ticket run (state,
 * events, every command and what became of it) made by a life plan with the timers run as a
 * scheduler runs them, so every history is one the engine itself produces.
 */
import type { Policy } from "@ticketfold/core";
import type fc from "fast-check";
import type { TicketRun } from "../ticket-run/run.js";
import { type LiveOptions, liveTicket } from "./live.js";
import { type LifeOptions, lifePlanArb } from "./plan.js";

export const ticketLifeArb = (policy: Policy, options: LifeOptions & LiveOptions = {}): fc.Arbitrary<TicketRun> =>
  lifePlanArb(policy, options).map((plan) => liveTicket(policy, plan, options));
