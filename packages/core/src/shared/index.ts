/** shared/ — the bottom of the stack: instants, durations, ids, decoding with named paths, code guards. */
export { hasCode } from "./codes.js";
export { type DecodeError, type DecodeIssue, decodeWith, guarded, isDecodeError } from "./decode.js";
export { DAY, type Duration, DurationC, formatDuration, HOUR, MINUTE, parseDuration, SECOND } from "./duration.js";
export {
  COMMAND_ID_RULE,
  type CommandId,
  type CommandIdBrand,
  CommandIdC,
  commandId,
  isTenantId,
  type NonEmptyBrand,
  NonEmptyTextC,
  TENANT_ID_RULE,
  type TenantId,
  type TenantIdBrand,
  TenantIdC,
  type TicketId,
  type TicketIdBrand,
  TicketIdC,
  tenantId,
  ticketId,
} from "./ids.js";
export { formatInstant, type Instant, InstantC, parseInstant } from "./instant.js";
export { formatPath, type PathStep } from "./path.js";
export { findUnstorable, toStorableText, type Unstorable, unstorableText } from "./storable.js";
