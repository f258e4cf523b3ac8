/**
 * The desk's one clock. Handler, timer worker, dispatcher, read side and board all read it,
 * never the system's. Live mode follows the wall clock; test mode stands still at a given
 * instant and moves only when told (the e2e tests and screenshots move it past deadlines).
 * While the week is seeded the clock is set by hand, then released.
 */
import { type Instant, parseInstant } from "@ticketfold/core";

export interface DeskClock {
  now(): Instant;
  /** True while the clock moves only when told. */
  readonly frozen: boolean;
  /** Moves the clock forward by `ms` (test mode and seeding); time never runs backwards. */
  advance(ms: number): Instant;
  /** Sets the clock by hand (seeding the past week, before the desk serves anybody). */
  set(at: Instant): void;
  /** Live mode: from here on the clock follows the wall clock again. */
  release(): void;
}

export const parseStart = (text: string): Instant => {
  const at = parseInstant(text);
  if (at === undefined) throw new Error(`"${text}" is not an ISO-8601 instant (e.g. 2026-03-06T14:00:00Z)`);
  return at;
};

/**
 * `frozenAt`: a test clock standing at that instant; absent: the wall clock (`wall`), held at
 * whatever `set` says until `release`.
 */
export const deskClock = (options: { readonly frozenAt?: Instant; readonly wall?: () => number } = {}): DeskClock => {
  const wall = options.wall ?? Date.now;
  const frozen = options.frozenAt !== undefined;
  let held: number | undefined = options.frozenAt;
  let offset = 0;
  const now = (): Instant => (held ?? wall() + offset) as Instant;
  return {
    now,
    frozen,
    advance(ms) {
      if (!(ms >= 0)) throw new Error("the clock cannot move backwards");
      if (held !== undefined) held += ms;
      else offset += ms;
      return now();
    },
    set(at) {
      held = at;
    },
    release() {
      if (frozen || held === undefined) return;
      offset = held - wall();
      held = undefined;
    },
  };
};
