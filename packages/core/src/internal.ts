/**
 * @ticketfold/core/internal — the few internals that the benchmarks (bench/) build on, and
 * nothing an application needs. They may change in any release, without a major version:
 * depend on `@ticketfold/core` instead wherever you can.
 *
 * - `createInitialState` and `applyEvent` let the fold benchmark write events into one mutable
 *   state, as `fold` does inside, to compare the fold against a hand-written baseline;
 *   `createClockLog` is the clock log `applyEvent` writes beside the state, and `clockLogOf` reads
 *   a folded state's log (the core holds it privately: it is no field of `TicketState`), so the
 *   benchmark can check its baseline builds the same log.
 */

export {
  /** The immer recipe of `evolve`: applies one event to a draft state, in place. @category internal */
  applyEvent,
  /** A state's clock log: the one its fold wrote, or the one its histories describe. @category internal */
  clockLogOf,
  /** A fresh clock log for `applyEvent` to write. @category internal */
  createClockLog,
  /** A fresh, unshared, mutable initial state (the fold writes into it directly). @category internal */
  createInitialState,
} from "./ticket/index.js";
