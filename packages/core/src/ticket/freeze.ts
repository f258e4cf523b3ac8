/**
 * The freezer: a folded state is deep-frozen once, at the end of `fold` (evolve.ts), as immer
 * would freeze it, but knowing the state's shape. Written out because immer's generic `freeze`
 * dominated the fold's profile (bench/fold).
 */
import type { TicketState } from "./state.js";

/**
 * Deep-freezes a plain data tree in place (objects and arrays, as immer's deep freeze does,
 * stopping at values already frozen), without immer's look at every value's archetype
 * through several calls.
 */
const deepFreeze = (value: unknown): void => {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
  } else {
    for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
  }
};

/** Freezes a list of flat entries (`{ status, from }`, `{ priority, at }`, …) and the list. */
const freezeEntries = (list: readonly unknown[]): void => {
  for (let i = 0; i < list.length; i++) Object.freeze(list[i]);
  Object.freeze(list);
};

/**
 * Deep-freezes a folded state. It knows the state's shape, so it skips the generic walk over
 * the 30-odd scalar fields (the generic walk was half of the fold's time, bench/fold); the
 * ticket fields, which come from event data of any depth, get the generic walk. fold.test.ts
 * checks the result is deeply frozen, so a list added to the state and missed here fails it.
 */
export const freezeState = (s: TicketState): void => {
  deepFreeze(s.fields);
  freezeEntries(s.statusHistory);
  freezeEntries(s.priorityHistory);
  freezeEntries(s.policyHistory);
  freezeEntries(s.replyCycles);
  freezeEntries(s.escalationRequests);
  freezeEntries(s.sessions);
  freezeEntries(s.ratings);
  freezeEntries(s.timeEntries);
  freezeEntries(s.groupHistory);
  Object.freeze(s.reopenedAt);
  Object.freeze(s.slaRecords);
  if (s.feedback !== null) Object.freeze(s.feedback);
  Object.freeze(s);
};
