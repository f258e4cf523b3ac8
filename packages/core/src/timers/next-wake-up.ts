/**
 * `nextWakeUp(ticket, policy)`: the earliest instant at which time changes anything on the
 * ticket (a warning, breach, ladder step, auto-close or downgrade becomes due), or null when
 * nothing will until another event. It may lie in the past: a breach observed at a re-target
 * (S4) is due at once. A timer store keeps this instant per ticket (docs/design/event-store.md#timers).
 */

import type { CompiledPolicy } from "../policy/compiled.js";
import type { Instant } from "../shared/instant.js";
import type { TicketState } from "../ticket/state.js";
import { pendingTimers } from "./pending.js";

export const nextWakeUp = (ticket: TicketState, policy: CompiledPolicy): Instant | null => {
  let next: Instant | null = null;
  for (const p of pendingTimers(ticket, policy)) if (next === null || p.at < next) next = p.at;
  return next;
};
