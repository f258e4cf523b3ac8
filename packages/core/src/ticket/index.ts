/** ticket/ — the model: events, commands, fields, transitions, state, evolve and fold, codecs, upcasters, errors. */
export { type ClockLog, clockLogOf, createClockLog } from "./clock.js";
export { decodeCommand, decodeEvent, encodeEvent } from "./codec.js";
export {
  type CommandOf,
  commandCodecs,
  commandTypes,
  type EncodedTicketCommand,
  type TicketCommand,
  type TicketCommandType,
} from "./commands.js";
export { type DomainError, type DomainErrorCode, isDomainError, type NotPermitted } from "./errors.js";
export {
  type Actor,
  currentSchemaVersion,
  type EncodedTicketEvent,
  type EventOf,
  eventTypes,
  type MetricName,
  type TicketEvent,
  type TicketEventType,
} from "./events.js";
export { applyEvent, evolve, fold } from "./evolve.js";
export type { Attachment, Category, Channel, Intake, Requester, TicketFields } from "./fields.js";
export {
  ERASED,
  type Erased,
  isErased,
  type PersonalPath,
  personalActorName,
  personalFields,
  personalPathsOf,
  subjectOfRecord,
} from "./personal-fields.js";
export { type Relationship, relationships } from "./relationships.js";
export { createInitialState, initialState, type Rating, type TicketState, type TimeEntry } from "./state.js";
export {
  type Action,
  type ActorKind,
  type Rule,
  type Status,
  type StatusOrNone,
  statuses,
  transitionTable,
} from "./transitions.js";
