/**
 * The delivery contract: the vitest suites every `OutboxStore` adapter runs with its
 * `OutboxQueue` and `TimerQueue` (in-memory, PostgreSQL, PGlite, and a third party's), and the
 * fixtures they use. Call both at the top level of a test file with a harness that returns an
 * EMPTY store each time:
 *
 *   describeOutboxContract("my store", harness);
 *   describeTimerContract("my store", harness);
 *   describeDeskContract("my store", deskHarness); // createDesk on the store, its workers running
 *
 * ESM only (vitest cannot be required from CommonJS): `@ticketfold/testing/delivery-contract`.
 */

export {
  type DeskHarness,
  type DeskHarnessOptions,
  describeDeskContract,
  deskLifePolicy,
  HEAD,
  manualClock,
} from "./desk.js";
export { describeDeskErasureContract, type ErasureHarness } from "./erasure.js";
export {
  acceptCommand,
  countingIds,
  deskPolicies,
  deskPolicy,
  LEAD,
  openCommand,
  REQUESTER,
  type RecordingChannel,
  recordingChannel,
  resolveCommand,
  T0,
  TENANT,
  TICKET,
  ticketNo,
} from "./fixtures.js";
export { type DeliveryHarness, describeOutboxContract, intentAt, LEASE, openFixtureTicket } from "./outbox.js";
export { describeTimerContract } from "./timers.js";
