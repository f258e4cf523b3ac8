/** store/ — ports only: the event store, outbox and timer queues, their errors, event records. */
export {
  ConcurrencyConflict,
  CorruptEvent,
  checkExpectedVersion,
  InvalidAppend,
  InvalidCheckpoint,
  isConcurrencyConflict,
  isCorruptEvent,
  isInvalidAppend,
  isInvalidCheckpoint,
  StoreError,
  type StoreErrorCode,
  validateAppend,
} from "./errors.js";
export {
  type AppendWithOutboxOptions,
  type ChannelOutcome,
  type ClaimedIntent,
  type ClaimedTimer,
  type ClaimRequest,
  type DeliveryAttempt,
  type DeliveryChannel,
  type OutboxEntry,
  type OutboxQueue,
  type OutboxStore,
  type Settlement,
  supportsOutbox,
  type TimerQueue,
} from "./outbox.js";
export { fromRecorded, toNewEvent } from "./records.js";
export type {
  AppendResult,
  Checkpoint,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  ReadAllResult,
  RecordedEvent,
  StreamRead,
} from "./types.js";
