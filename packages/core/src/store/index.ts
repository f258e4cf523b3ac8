/** store/ — ports only: the event store, outbox and timer queues, ticket queries, their errors, event records. */
export {
  type AttachmentStore,
  type AttachmentUpload,
  attachmentId,
  digestOfAttachmentId,
} from "./attachments.js";
export {
  ConcurrencyConflict,
  CorruptEvent,
  checkExpectedVersion,
  InvalidAppend,
  InvalidCheckpoint,
  InvalidCursor,
  InvalidStoreInput,
  isConcurrencyConflict,
  isCorruptEvent,
  isInvalidAppend,
  isInvalidCheckpoint,
  isInvalidCursor,
  isInvalidStoreInput,
  StoreError,
  type StoreErrorCode,
  validateAppend,
} from "./errors.js";
export {
  MAX_KEY_LENGTH,
  MAX_STREAM_VERSION,
  storableAttempts,
  storableSettlement,
  validateAppendInput,
  validateClaimRequest,
  validateInstant,
  validateOutboxAppend,
  validateReadAll,
  validateStoreKey,
  validateStreamRead,
  validateTenantId,
  validateWhole,
} from "./input.js";
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
export {
  type KeyStore,
  type PersonalData,
  type PersonalDataCipher,
  type PersonalDataStore,
  type SealedValue,
  SealedValueC,
  type SubjectForgotten,
  type SubjectKey,
  supportsPersonalData,
} from "./personal-data.js";
export { fromRecorded, subjectOfTicket, toNewEvent, toTracedEvent } from "./records.js";
export { openRecords, sealEvents } from "./seal.js";
export type { SessionBookings } from "./session-bookings.js";
export { type SubjectEventExport, type SubjectExport, subjectExportOf } from "./subject-export.js";
export {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type MetricSummary,
  type SlaSummary,
  type TicketIndexEntry,
  type TicketListFilter,
  type TicketListOrder,
  type TicketListRow,
  type TicketPage,
  type TicketPageRequest,
  type TicketQueries,
} from "./ticket-queries.js";
export { causedBy, type EventTrace, traceOf } from "./trace.js";
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
