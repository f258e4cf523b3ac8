/**
 * @ticketfold/core — the pure support-ticket domain. No clock, randomness or I/O: `now` and
 * ids are arguments, and everything is a value that can be replayed.
 *
 * The public API, grouped by the folders of the stack (docs/README.md draws it): each group
 * comes from that folder's `index.ts`, and every import inside the core points down it.
 * Benchmarks' internals come from `@ticketfold/core/internal` (internal.ts), which promises
 * nothing across versions.
 */

export {
  /** A calendar that is always open (24×7), with an id and version. @category calendar */
  type AlwaysOpenCalendarDef,
  /** A bookable slot: start and end. @category calendar */
  type BookableSlot,
  /** A compiled business calendar: counts open time between instants and adds it. @category calendar */
  type BusinessCalendar,
  /** Slots on a grid that fit wholly in open time (P-A: bookable working sessions). @category calendar */
  bookableSlots,
  /** A calendar definition as policies write it (weekly hours or always open). @category calendar */
  type CalendarDef,
  /** Codec of a calendar definition. @category calendar */
  CalendarDefC,
  /** Compiles a decoded calendar definition. @category calendar */
  compileCalendar,
  /** Decodes and compiles a calendar from JSON; the error names each bad path. @category calendar */
  decodeCalendar,
  /** A holiday: a date (`"2025-12-25"`, `"12-25"`) or a rule. @category calendar */
  type Holiday,
  /** A holiday of a year: its local date and name. @category calendar */
  type HolidayDate,
  /** A holiday rule: a fixed date, the nth weekday of a month, or relative to Easter. @category calendar */
  type HolidayRule,
  /** The holidays a weekly calendar keeps in a year, as dates with their names. @category calendar */
  holidaysIn,
  /** A wall time on the first business day after an instant's date (P-B: "next business day 08:00"). @category calendar */
  nextBusinessDayAt,
  /** The built-in always-open calendar, "24x7". @category calendar */
  twentyFourSeven,
  /** Wall-clock opening hours of a day: `["09:00", "17:00"]`. @category calendar */
  type WallInterval,
  /** A weekday key: `mon` … `sun`. @category calendar */
  type Weekday,
  /** A weekly calendar: time zone, opening hours per weekday, holidays, overrides. @category calendar */
  type WeeklyCalendarDef,
  /** Codec of a weekly calendar definition. @category calendar */
  WeeklyCalendarDefC,
} from "./calendar/index.js";
export {
  /** An authorisation rule: may this actor issue this command on this ticket? @category decide */
  type Authorize,
  /** Every rule must let the command through; the first refusal answers. @category decide */
  allOf,
  /** An authorisation rule from a permissions table. @category decide */
  authorizeBy,
  /** How one metric's deadline would move under a policy change (old → new). @category decide */
  type DeadlineMove,
  /** Options of `decide`: the authorisation rule. @category decide */
  type DecideOptions,
  /** The decider shape. @category decide */
  type Decider,
  /** What a decision returns. @category decide */
  type Decision,
  /** Decides a command against a ticket's state under its policy: events or a DomainError. @category decide */
  decide,
  /** The core's authorisation rule: `defaultPermissions` by the actor's relationships to the ticket. @category decide */
  defaultAuthorize,
  /** Who may do what by default: command → relationships to the ticket. @category decide */
  defaultPermissions,
  /** Builds an event from the command that caused it. @category decide */
  eventFrom,
  /** Builds a NOT_PERMITTED refusal naming who, what and why (for an app's own rule). @category decide */
  notPermitted,
  /** What a permission is asked for: a command type, or `internal-comment`. @category decide */
  type PermissionAction,
  /** A permissions table: action → the relationships that may. @category decide */
  type Permissions,
  /** What `previewPolicyChange` returns: the event it would record, and each metric's deadline move. @category decide */
  type PolicyChangePreview,
  /** Why a policy change cannot be previewed: the ticket refuses it, or a policy does not compile. @category decide */
  type PreviewError,
  /** Dry run of `change-policy` at `now`: per metric, the deadline before and after; records nothing. @category decide */
  previewPolicyChange,
  /** How an actor stands to a ticket: requester, point of contact, organisation member, … @category decide */
  relationshipsOf,
  /** A session an engineer has booked on a ticket, from start to end. @category decide */
  type SessionBooking,
  /** Who works a session: the command's engineer, else the ticket's assignee. @category decide */
  sessionEngineer,
  /** The ticket's decider. @category decide */
  type TicketDecider,
  /** decide, evolve and the initial state in one value, bound to a policy. @category decide */
  ticketDecider,
} from "./decide/index.js";
export {
  /** One call, a complete engine: handle commands; timers, outbox and read side as startable workers. @category desk */
  createDesk,
  /** What `createDesk` returns: `handle`, `queries`, `start`/`stop` of its workers. @category desk */
  type Desk,
  /** A command as the desk takes it: `at` may be left out (the desk's clock stamps it). @category desk */
  type DeskCommand,
  /** Where a reported worker error happened: the worker, and the ticket or notice. @category desk */
  type DeskErrorContext,
  /** Told about every failure of a desk's workers. @category desk */
  type DeskErrorHandler,
  /** Options of `desk.handle`: expected version, command id, correlation id, abort signal. @category desk */
  type DeskHandleOptions,
  /** What `createDesk` takes: store, policies, channels, queries, clock, sleep, ids, error hook. @category desk */
  type DeskOptions,
  /** The desk's `forget` and `exportSubject` (GDPR erasure and access). @category desk */
  type DeskPersonalData,
  /** A polling worker's idle pause, lease and batch. @category desk */
  type DeskPolling,
  /** The part of an AbortSignal the desk reads. @category desk */
  type DeskSignal,
  /** Which workers `desk.start` starts. @category desk */
  type DeskStartOptions,
  /** A store a desk runs on: an OutboxStore with its outbox and timer queues. @category desk */
  type DeskStore,
  /** A desk's worker: `timers`, `outbox` or `readSide`. @category desk */
  type DeskWorker,
  /** A ticket the timer worker could not work (`TIMER_FAILED`) or a dead letter (`DELIVERY_FAILED`). @category desk */
  DeskWorkerError,
  /** Workers started together: `done`, `stop`. @category desk */
  type DeskWorkers,
  /** The compiled policy of each id a resolver knows, for the read models. @category desk */
  policyLookupOf,
  /** Drops a read model's copies of a forgotten subject. @category desk */
  type ReadModelPurge,
  /** Keeps a read model current until its signal aborts. @category desk */
  type ReadSideRunner,
} from "./desk/index.js";
export {
  /** The ladder at a moment. @category escalation */
  type EscalationStatus,
  /** The escalation ladder at `now`: level, reached steps, next step, roles. @category escalation */
  escalationStatus,
  /** When one ladder step is reached. @category escalation */
  type StepReach,
} from "./escalation/index.js";
export {
  /** A command id the ticket's stream holds for another command. @category handling */
  type CommandIdReused,
  /** What the app adds to each event's notification context. @category handling */
  type ContextFor,
  /** What the handler read for a decision besides the ticket (the engineer's bookings). @category handling */
  type DecideContext,
  /** A decision to use instead of the core's `decide`. @category handling */
  type DecideFn,
  /** What a handled command appended and the state after it. @category handling */
  type Handled,
  /** A handler's refusal: a domain error, a conflict, a reused command id, or an unknown policy. @category handling */
  type HandlerError,
  /** Retries and the decision a handler uses. @category handling */
  type HandlerOptions,
  /** Handles a command: read, decide, append; retries on conflict. @category handling */
  handleCommand,
  /** Handles a command and writes its notification intents and wake-up in the same append. @category handling */
  handleNotifying,
  /** A loaded ticket: state, version, events. @category handling */
  type LoadedTicket,
  /** Reads and folds a ticket. @category handling */
  loadTicket,
  /** What a handled notifying command also wrote. @category handling */
  type NotifyingHandled,
  /** The notifying handler's options: event ids and notification context. @category handling */
  type NotifyingHandlerOptions,
} from "./handling/index.js";
export {
  /** Who an intent is for: the requester or staff. @category notifications */
  type Audience,
  /** Finds a compiled calendar by the name a policy uses. @category notifications */
  type CalendarLookup,
  /** A notification intent's JSON form. @category notifications */
  type EncodedNotificationIntent,
  /** A notice of a forgotten subject's ticket with its personal values erased. @category notifications */
  erasedIntent,
  /** Whether a recipient is the forgotten subject. @category notifications */
  isForgottenRecipient,
  /** Whether a notice was for the requester alone (not sent once they are forgotten). @category notifications */
  isForSubjectOnly,
  /** What the app adds to each event's notifications: event id, number, calendars, locale. @category notifications */
  type NotificationContext,
  /** The template values of an intent. @category notifications */
  type NotificationData,
  /** A notice to deliver: rule, template, recipients, data, idempotency id. @category notifications */
  type NotificationIntent,
  /** Codec of a notification intent (outbox rows, webhook payloads). @category notifications */
  NotificationIntentC,
  /** The notification intents an event causes. @category notifications */
  notificationsFor,
  /** A recipient: role, address, name. @category notifications */
  type Recipient,
  /** The recipients a notice may still go to (no erased address). @category notifications */
  reachableRecipients,
  /** A link to a ticket from a template. @category notifications */
  ticketLink,
  /** A ticket's number as notices show it. @category notifications */
  ticketNumber,
  /** A ticket's subject tag (`[#123]`). @category notifications */
  ticketTag,
} from "./notifications/index.js";
export {
  /** Attachment limits of a policy: files, total and per-file bytes, media types (P-C). @category policy */
  type AttachmentLimits,
  /** Codec of attachment limits. @category policy */
  AttachmentLimitsC,
  /** A compiled policy: what the SLA, escalation and timers read. @category policy */
  type CompiledPolicy,
  /** Somebody a notice can be sent to. @category policy */
  type Contact,
  /** The contacts behind each role. @category policy */
  type Contacts,
  /** A service contract: id, organisation, validity dates, its policy (P-C). @category policy */
  type Contract,
  /** Codec of one contract. @category policy */
  ContractC,
  /** The result of `selectContract`: the valid contract, or none and the customer's others. @category policy */
  type ContractChoice,
  /** Who a ticket is for, as far as contracts go. @category policy */
  type ContractCustomer,
  /** Two contracts with one id for overlapping periods (a load error). @category policy */
  type ContractOverlap,
  /** The contracts of a selection: time zone, list, what happens outside them. @category policy */
  type Contracts,
  /** Codec of a selection's contracts. @category policy */
  ContractsC,
  /** `compilePolicy`, once per policy value. @category policy */
  compiledPolicyOf,
  /** Compiles a policy: calendars resolved, defaults filled in, checked. @category policy */
  compilePolicy,
  /** Every overlap among contracts with the same id. @category policy */
  contractOverlaps,
  /** A policy's customer tiers, first served first (default `["vip"]`). @category policy */
  customerTiersOf,
  /** The tier scale when a policy names none: `["vip"]`. @category policy */
  DEFAULT_CUSTOMER_TIERS,
  /** A priority downgrade after customer silence (P-C). @category policy */
  type DowngradeOnSilence,
  /** Decodes a policy from JSON; the error names each bad path. @category policy */
  decodePolicy,
  /** Decodes a policy selection from JSON. @category policy */
  decodePolicySelection,
  /** A policy's JSON form. @category policy */
  type EncodedPolicy,
  /** The close of the business day a clock started at an instant is due on (after hours or past a cutoff: the next one). @category policy */
  endOfBusinessDay,
  /** The level whose id or name (or only id) matches (case-insensitive); strict. @category policy */
  findPriority,
  /** P-A's share of users affected → priority. @category policy */
  type ImpactRules,
  /** Guard: is this an SlaPolicyError? @category policy */
  isSlaPolicyError,
  /** A step of the escalation ladder: metric, threshold, level, roles. @category policy */
  type LadderStep,
  /** A language notices are written in. @category policy */
  type Locale,
  /** Loads a policy from JSON: strict decode, every reference checked, compiled; or every error with its path. @category policy */
  loadPolicy,
  /** One metric's clock: targets per priority, calendar, pauses, stops, warnings. @category policy */
  type MetricPolicy,
  /** The notification part of a policy: locale, references, contacts, quiet hours. @category policy */
  type NotificationPolicy,
  /** A notification rule a policy may switch off. @category policy */
  type NotificationRule,
  /** Every notification rule. @category policy */
  notificationRules,
  /** An OLA: a support group's internal targets per priority, on its calendar (`sla.olas`). @category policy */
  type Ola,
  /** The whole policy: lifecycle, calendars, SLA, notifications. @category policy */
  type Policy,
  /** Codec of the whole policy. @category policy */
  PolicyC,
  /** The lifecycle part of a policy: id, name, priorities, workflow. @category policy */
  type PolicyCore,
  /** Codec of the lifecycle part of a policy. @category policy */
  PolicyCoreC,
  /** One thing wrong with a policy `loadPolicy` was given: code, path, message. @category policy */
  type PolicyLoadError,
  /** What pins a ticket to its policy: id and version. @category policy */
  type PolicyPin,
  /** Finds a ticket's policy: by id and pinned version, or by rule for a new ticket. @category policy */
  type PolicyResolver,
  /** Rules that choose a new ticket's policy, and the default. @category policy */
  type PolicySelection,
  /** Codec of a policy selection. @category policy */
  PolicySelectionC,
  /** One level of a priority scale. @category policy */
  type PriorityLevel,
  /** A policy's priority scale: levels (most urgent first), default, impact rules. @category policy */
  type PriorityScale,
  /** Codec of a priority scale. @category policy */
  PriorityScaleC,
  /** What a priority written as text may be: `ids` or `ids-or-names`. @category policy */
  type PriorityValues,
  /** The policy version a ticket is pinned to, from a resolver; undefined when the resolver lost it. @category policy */
  pinnedPolicy,
  /** A policy's version: its `version`, 1 when absent. @category policy */
  policyVersionOf,
  /** The priority for `affected` of `total` users (P-A), if the scale has impact rules. @category policy */
  priorityForImpact,
  /** A priority's rank: 0 is the most urgent, -1 not on the scale. @category policy */
  priorityRank,
  /** An intake field a policy can make mandatory. @category policy */
  type RequirableField,
  /** A mail's `Priority:` key field, as the scale's `keyFieldValues` allows; else the default. @category policy */
  resolveKeyFieldPriority,
  /** Lenient intake: the matching level, or the default when missing or malformed. @category policy */
  resolvePriority,
  /** An optional ticket field a selection rule can ask about. @category policy */
  type SelectableField,
  /** A selection that names a policy it was not given. @category policy */
  type SelectionError,
  /** The fields selection looks at. @category policy */
  type SelectionFields,
  /** The policy of a new ticket, or its refusal (no valid contract). @category policy */
  type SelectionOutcome,
  /** One selection rule. @category policy */
  type SelectionRule,
  /** The SLA part of a policy: metrics, warnings, ladder, time rules. @category policy */
  type SlaPolicy,
  /** Why a policy does not compile: an unknown calendar or a senseless value. @category policy */
  type SlaPolicyError,
  /** An event that can stop a clock. @category policy */
  type StopEvent,
  /** The customer's contract valid at an instant, in the contracts' time zone. @category policy */
  selectContract,
  /** Chooses a new ticket's policy by contract and rules at an instant. @category policy */
  selectForNewTicket,
  /** A resolver from policies and a selection. @category policy */
  selectingResolver,
  /** The policy id for a new ticket's fields: first matching rule, else the default. @category policy */
  selectPolicyId,
  /** A resolver for a desk with one policy (and the earlier versions tickets are pinned to). @category policy */
  singlePolicy,
  /** A target: a duration, one with its own calendar, or a point in time (end of the business day, next business day at HH:MM). @category policy */
  type Target,
  /** A point-in-time target: `end-of-business-day` (optional cutoff) or `next-business-day-at`. @category policy */
  type TargetRule,
  /** Where a ladder step is reached, relative to its metric's target. @category policy */
  type Threshold,
  /** Time-driven rules: auto-closes, downgrade on silence. @category policy */
  type TimeRules,
  /** The instant a point-in-time target falls due for a clock started at an instant. @category policy */
  targetRuleDeadline,
  /** Place of a customer tier on a policy's scale; 0 is served first. @category policy */
  tierRank,
  /** Does a content type fall in one of the media ranges (`image/*`)? @category policy */
  typeAllowed,
  /** A warning: a percent of the target used, or a time before the deadline. @category policy */
  type Warning,
  /** Workflow rules: required fields, approvals, billable categories, reopen window. @category policy */
  type Workflow,
} from "./policy/index.js";
export {
  /** SLA attainment of one metric. @category projections */
  type AttainmentRow,
  /** Billable and unbilled minutes of a month, agent and category. @category projections */
  type BillingRow,
  /** One breached SLA cycle: deadline, breach instant, counted time past the target. @category projections */
  type BreachedCycle,
  /** Billable time per month, agent and category, corrections netted. @category projections */
  billingReport,
  /** Ratings of one period: distribution, average, response rate. @category projections */
  type CsatRow,
  /** Who did an event, as a customer sees it (no staff ids). @category projections */
  type CustomerActor,
  /** The fields each customer-visible event type shows. @category projections */
  type CustomerEventData,
  /** One event of a ticket's customer history. @category projections */
  type CustomerHistoryItem,
  /** One customer's statistics. @category projections */
  type CustomerStatistics,
  /** The intake fields a customer gave. @category projections */
  type CustomerTicketFields,
  /** A list row as a customer may see it (P-D organisation view). @category projections */
  type CustomerTicketRow,
  /** The customer-safe view of a ticket, for portals. @category projections */
  type CustomerTicketView,
  /** The order of bookings: start, then ticket id. @category projections */
  compareBookings,
  /** The comparator of entries in one list order. @category projections */
  compareTicketList,
  /** The queue order (P-B: VIP, priority, deadline). @category projections */
  compareWorkQueue,
  /** The engineers' bookings kept in memory over recorded events. @category projections */
  createSessionBookingsProjection,
  /** A new live SLA index: open tickets' clocks kept current per event, ordered by deadline. @category projections */
  createSlaIndex,
  /** Statistics kept in memory over recorded events. @category projections */
  createStatisticsProjection,
  /** The ticket list kept in memory over recorded events. @category projections */
  createTicketIndexProjection,
  /** The work queue kept in memory over recorded events. @category projections */
  createWorkQueueProjection,
  /** Customer satisfaction per period. @category projections */
  csatReport,
  /** A ticket's events as its customer may see them. @category projections */
  customerHistory,
  /** One customer's statistics. @category projections */
  customerStatistics,
  /** A list row cut to what a customer may see. @category projections */
  customerTicketRow,
  /** The customer-safe view of a ticket from its state and events. @category projections */
  customerTicketView,
  /** Percentiles of a list of durations. @category projections */
  type DurationSummary,
  /** A booking with the engineer it holds. @category projections */
  type EngineerBooking,
  /** A gap in a stream's versions. @category projections */
  EventOutOfOrder,
  /** Statistics of nothing. @category projections */
  emptyStatistics,
  /** Is a ticket breached at `now`, from its stored entry? @category projections */
  isBreachedAt,
  /** Guard by code. @category projections */
  isEventOutOfOrder,
  /** Is an entry past a deadline at `now`? @category projections */
  isOverdue,
  /** The ISO week (`2025-W13`) of a day number. @category projections */
  isoWeekOf,
  /** Guard by code. @category projections */
  isUnknownPolicy,
  /** One stopped SLA cycle with the SLA's counted time. @category projections */
  type MetricOutcome,
  /** Does a ticket list entry pass a filter at `now`? @category projections */
  matchesTicketListFilter,
  /** Finds a compiled policy by id. @category projections */
  type PolicyLookup,
  /** A projection failure with a stable code. @category projections */
  ProjectionError,
  /** The code of a projection error. @category projections */
  type ProjectionErrorCode,
  /** A page and its next cursor from rows fetched after the cursor. @category projections */
  pageOfFetched,
  /** The nearest-rank percentile of sorted durations. @category projections */
  percentile,
  /** The day, ISO week or month of an instant in a time zone. @category projections */
  periodOf,
  /** An opened ticket's compiled policy, or UnknownPolicy. @category projections */
  policyOfTicket,
  /** The entries matching a filter, in queue order. @category projections */
  queryWorkQueue,
  /** A rating value. @category projections */
  type RatingValue,
  /** day, week or month. @category projections */
  type ReportPeriod,
  /** Which tickets and period a report covers. @category projections */
  type ReportQuery,
  /** A resolution and its cycle. @category projections */
  type ResolvedCycle,
  /** Reads one ticket's customer view from an event store. @category projections */
  readCustomerTicketView,
  /** The reducer: statistics after one event. @category projections */
  reduceStatistics,
  /** The time zone reports bucket a policy's tickets in. @category projections */
  reportTimeZone,
  /** Replaces a ticket's contribution (a store folding a batch per ticket). @category projections */
  restateTicket,
  /** The engineers' bookings in memory: fed recorded events, asked for overlaps (`createSessionBookingsProjection`). @category projections */
  SessionBookingsProjection,
  /** A ticket's nearest running deadline, as the live SLA index orders them. @category projections */
  type SlaDeadline,
  /** The live SLA index: statuses at any `now` without re-reading tickets, deadlines by nearness (`createSlaIndex`). @category projections */
  SlaIndex,
  /** SLA rows per metric and period, and the breached cycles. @category projections */
  type SlaReport,
  /** One metric and period: met, breached, duration percentiles. @category projections */
  type SlaReportRow,
  /** Statistics per tenant and customer. @category projections */
  type Statistics,
  /** Per-customer statistics as a projection over recorded events (make one with `createStatisticsProjection`). @category projections */
  StatisticsProjection,
  /** The policy of each side of a step. @category projections */
  type StepPolicies,
  /** The bookings a ticket holds: its sessions with an engineer, none once closed. @category projections */
  sessionBookingsOf,
  /** The SLA report: durations from the SLA clocks, per period, and breached cycles. @category projections */
  slaReport,
  /** A ticket's live SLA summary at an instant. @category projections */
  slaSummary,
  /** Applies one recorded event to a ticket's state. @category projections */
  stepTicket,
  /** Percentiles of a list of durations. @category projections */
  summariseDurations,
  /** What statistics count of one ticket. @category projections */
  type TicketFacts,
  /** The ticket list in memory: entries, states, list queries with live SLA rows. @category projections */
  TicketIndexProjection,
  /** A row's sort key in one list order (what a cursor carries). @category projections */
  type TicketListKey,
  /** A checked, normalised list query. @category projections */
  type TicketListQuery,
  /** A ticket's step: the event, and the state before and after. @category projections */
  type TicketStep,
  /** Every customer's statistics of a tenant. @category projections */
  tenantStatistics,
  /** What statistics count of one ticket, or null. @category projections */
  ticketFacts,
  /** A ticket's ticket-list entry, or null when it is not opened. @category projections */
  ticketIndexEntry,
  /** A ticket's key in a projection: `tenant/ticketId`. @category projections */
  ticketKey,
  /** Checks and normalises a list query (adapters share it). @category projections */
  ticketListQuery,
  /** A list row: an entry with live SLA as of `now`. @category projections */
  ticketListRow,
  /** The reference page of a list query over entries. @category projections */
  ticketPageOf,
  /** A ticket under a policy the projection does not know. @category projections */
  UnknownPolicy,
  /** Checks `getTicket`'s arguments (adapters share it). @category projections */
  validateTicketLookup,
  /** A ticket in the work queue. @category projections */
  type WorkQueueEntry,
  /** Filters of a work-queue query. @category projections */
  type WorkQueueFilter,
  /** The work queue as a projection over recorded events (make one with `createWorkQueueProjection`). @category projections */
  WorkQueueProjection,
  /** A ticket's work-queue entry, or null when it is not queued. @category projections */
  workQueueEntry,
} from "./projections/index.js";
export {
  /** The command id rule in words, for error messages. @category shared */
  COMMAND_ID_RULE,
  /** A command id (idempotency key) or correlation id, branded. @category shared */
  type CommandId,
  /** The brand of a command id. @category shared */
  type CommandIdBrand,
  /** Codec of a command id: 1–128 printable ASCII characters. @category shared */
  CommandIdC,
  /** Brands a string as a command id; throws when it is malformed. @category shared */
  commandId,
  /** One day (24 hours) in milliseconds. @category shared */
  DAY,
  /** A decoding failure: what was decoded and every bad path. @category shared */
  type DecodeError,
  /** One bad path of a decoding failure: path, what was expected, a message. @category shared */
  type DecodeIssue,
  /** A length of time in milliseconds. @category shared */
  type Duration,
  /** Codec of a duration: `"4h"`, `"1h30m"`, `"2d"` outside, milliseconds inside. @category shared */
  DurationC,
  /** Turns a codec into a decoder whose errors name each bad path. @category shared */
  decodeWith,
  /** Where in a value the first text PostgreSQL cannot store sits (U+0000, a lone surrogate). @category shared */
  findUnstorable,
  /** Writes milliseconds in the same notation, largest units first (`1h30m`). @category shared */
  formatDuration,
  /** Writes an instant as an ISO-8601 string (UTC). @category shared */
  formatInstant,
  /** Writes a path in the one notation of every error: `sla.metrics.response.targets["1"]`, `ladder[0]`. @category shared */
  formatPath,
  /** Makes a codec's `decode` answer a failure, never throw, when the value throws back. @category shared */
  guarded,
  /** One hour in milliseconds. @category shared */
  HOUR,
  /** Guard by an error's stable `code` (never `instanceof`). @category shared */
  hasCode,
  /** Milliseconds since the Unix epoch, UTC: the core's only notion of time. @category shared */
  type Instant,
  /** Codec of an instant: an ISO-8601 string outside, milliseconds inside. @category shared */
  InstantC,
  /** Guard: is this a DecodeError? @category shared */
  isDecodeError,
  /** Guard: is this a well-formed tenant id? @category shared */
  isTenantId,
  /** One minute in milliseconds. @category shared */
  MINUTE,
  /** The brand of text that is not blank. @category shared */
  type NonEmptyBrand,
  /** Codec of text that is not blank. @category shared */
  NonEmptyTextC,
  /** Parses `4h`, `90m`, `1h30m` into milliseconds; undefined when it is not a duration. @category shared */
  parseDuration,
  /** Parses an ISO-8601 instant; undefined when it is not one. @category shared */
  parseInstant,
  /** One second in milliseconds. @category shared */
  SECOND,
  /** The tenant id rule in words, for error messages. @category shared */
  TENANT_ID_RULE,
  /** A tenant's id, branded. @category shared */
  type TenantId,
  /** The brand of a tenant id. @category shared */
  type TenantIdBrand,
  /** Codec of a tenant id. @category shared */
  TenantIdC,
  /** A ticket's id (a ULID), branded. @category shared */
  type TicketId,
  /** The brand of a ticket id (named so that inferred types stay nameable). @category shared */
  type TicketIdBrand,
  /** Codec of a ticket id. @category shared */
  TicketIdC,
  /** Brands a string as a tenant id; throws when it is malformed. @category shared */
  tenantId,
  /** Brands a string as a ticket id; throws when it is not a ULID. @category shared */
  ticketId,
  /** The text with what PostgreSQL cannot store replaced by U+FFFD (for logs of what happened). @category shared */
  toStorableText,
  /** A value's first unstorable text, with its path. @category shared */
  type Unstorable,
  /** Why a text cannot be stored, or undefined when it can. @category shared */
  unstorableText,
} from "./shared/index.js";
export {
  /** A ticket's clocks read at its last event as plain data a row can keep (statuses, clock-log size, nearest deadline). @category sla */
  type ClockReading,
  /** Reads a ticket's clocks at its last event as a `ClockReading` (null before it opens). @category sla */
  clockReading,
  /** A reader of SLA clocks that reuses its scratch from ticket to ticket (for many tickets). @category sla */
  createSlaReader,
  /** "Why is this due at X?": one metric's counted, paused and out-of-hours periods, holidays skipped, re-targets, as data. @category sla */
  explainSla,
  /** One metric's status at a later `now` from its reading at `at`: one `calendar.between` for a running clock. @category sla */
  liveMetricStatusAt,
  /** running · paused · met · breached. @category sla */
  type MetricState,
  /** One metric's status: state, target, elapsed, remaining, deadline, … @category sla */
  type MetricStatus,
  /** An OLA clock's status: group, cycle (hand-over), state, target, elapsed, deadline, breach. @category sla */
  type OlaStatus,
  /** One group's OLA clock at `now` (the latest hand-over to the group). @category sla */
  olaClock,
  /** Every OLA clock of a ticket at `now`, by group. @category sla */
  olaStatus,
  /** The calendar a reading counts on under a policy (its target's), for `liveMetricStatusAt`. @category sla */
  readingCalendar,
  /** What `explainSla` returns: the clock's timeline, the deadline it gives, policy and calendar versions. @category sla */
  type SlaExplanation,
  /** A stretch of a clock's timeline: counted, paused or out of hours (holidays named), maybe projected. @category sla */
  type SlaPeriod,
  /** counted · paused · out-of-hours. @category sla */
  type SlaPeriodKind,
  /** Reads SLA clocks of one ticket at a time: `status`, `statusAsOf`. @category sla */
  type SlaReader,
  /** A priority or policy change that applied to a clock, and its effect. @category sla */
  type SlaRetarget,
  /** The status of each metric a ticket has. @category sla */
  type SlaStatus,
  /** Every SLA metric's status at `now`. @category sla */
  slaStatus,
  /** Every SLA metric's status as the ticket stood at an instant (its later events unread). @category sla */
  slaStatusAsOf,
} from "./sla/index.js";

export {
  /** The result of an append. @category store */
  type AppendResult,
  /** Options of `appendWithOutbox`. @category store */
  type AppendWithOutboxOptions,
  /** The attachment storage port: bytes kept by their SHA-256, references handed back. @category store */
  type AttachmentStore,
  /** A file to keep in an attachment store. @category store */
  type AttachmentUpload,
  /** The id an attachment store gives bytes with a SHA-256 digest (`sha256:<hex>`). @category store */
  attachmentId,
  /** What a channel answers for one intent. @category store */
  type ChannelOutcome,
  /** A position in the global log, opaque. @category store */
  type Checkpoint,
  /** An outbox entry a dispatcher holds. @category store */
  type ClaimedIntent,
  /** A ticket whose wake-up is due, held by a timer worker. @category store */
  type ClaimedTimer,
  /** Who claims, for how long, how many, at `now`. @category store */
  type ClaimRequest,
  /** The stream moved since it was read. @category store */
  ConcurrencyConflict,
  /** A stored event that cannot be decoded, named by tenant, stream and version. @category store */
  CorruptEvent,
  /** Checks an expected version the way every adapter must. @category store */
  checkExpectedVersion,
  /** Rows per page when a list request names none. @category store */
  DEFAULT_PAGE_SIZE,
  /** One channel's try at one intent. @category store */
  type DeliveryAttempt,
  /** A way out (mail, webhook) for notification intents. @category store */
  type DeliveryChannel,
  /** The SHA-256 digest in an attachment id. @category store */
  digestOfAttachmentId,
  /** The event store port every adapter implements. @category store */
  type EventStore,
  /** Which command caused an event and the conversation it belongs to (record metadata). @category store */
  type EventTrace,
  /** What an append expects of the stream. @category store */
  type ExpectedVersion,
  /** A record back to a ticket event, or CorruptEvent. @category store */
  fromRecorded,
  /** An append with bad arguments. @category store */
  InvalidAppend,
  /** A checkpoint this store never issued. @category store */
  InvalidCheckpoint,
  /** A page cursor this query did not issue. @category store */
  InvalidCursor,
  /** An input a store refuses before writing (bad tenant, id, text, version, limit), naming its path. @category store */
  InvalidStoreInput,
  /** Guard by code. @category store */
  isConcurrencyConflict,
  /** Guard by code. @category store */
  isCorruptEvent,
  /** Guard by code. @category store */
  isInvalidAppend,
  /** Guard by code. @category store */
  isInvalidCheckpoint,
  /** Guard by code. @category store */
  isInvalidCursor,
  /** Guard by code. @category store */
  isInvalidStoreInput,
  /** The subject keys of crypto-shredding: make, find, forget (adapters implement it). @category store */
  type KeyStore,
  /** The longest id or key a store takes. @category store */
  MAX_KEY_LENGTH,
  /** The most rows one list page may ask for. @category store */
  MAX_PAGE_SIZE,
  /** The highest stream version a store takes (PostgreSQL's integer). @category store */
  MAX_STREAM_VERSION,
  /** One SLA metric's live figures in a list row. @category store */
  type MetricSummary,
  /** An event to append. @category store */
  type NewEvent,
  /** An outbox entry as adapters show it. @category store */
  type OutboxEntry,
  /** The outbox queue port: claim and settle under leases. @category store */
  type OutboxQueue,
  /** A store that appends events, outbox entries and a wake-up in one transaction. @category store */
  type OutboxStore,
  /** Opens sealed personal values of records; `[erased]` where the key is gone. Never throws. @category store */
  openRecords,
  /** Crypto-shredding turned on: a key store and a cipher. @category store */
  type PersonalData,
  /** Seals and opens one personal text under a subject key (adapters: AES-256-GCM). @category store */
  type PersonalDataCipher,
  /** A store that forgets and exports data subjects. @category store */
  type PersonalDataStore,
  /** Options of `readAll`. @category store */
  type ReadAllOptions,
  /** The result of `readAll`. @category store */
  type ReadAllResult,
  /** A stored event with its stream, version and position. @category store */
  type RecordedEvent,
  /** A sealed personal value as stored. @category store */
  type SealedValue,
  /** io-ts codec of a sealed personal value. @category store */
  SealedValueC,
  /** The bookings port: an engineer's sessions across a tenant's tickets. @category store */
  type SessionBookings,
  /** How a claimed entry ends: delivered, retry, dead. @category store */
  type Settlement,
  /** A ticket's live SLA metrics by name. @category store */
  type SlaSummary,
  /** A store failure with a stable code. @category store */
  StoreError,
  /** The code of a store error. @category store */
  type StoreErrorCode,
  /** The result of reading a stream. @category store */
  type StreamRead,
  /** What a subject's access request returns, ticket by ticket. @category store */
  type SubjectEventExport,
  /** Everything held about a data subject (GDPR access). @category store */
  type SubjectExport,
  /** The audit fact of an erasure: tenant, subject id, instant. @category store */
  type SubjectForgotten,
  /** A subject's key: id, version, material. @category store */
  type SubjectKey,
  /** Seals the personal values of events to append under their subjects' keys. @category store */
  sealEvents,
  /** Delivery attempts made storable (U+FFFD for what cannot be stored). @category store */
  storableAttempts,
  /** A settlement made storable (U+FFFD for what cannot be stored). @category store */
  storableSettlement,
  /** Builds a subject's export from opened records. @category store */
  subjectExportOf,
  /** The data subject of a ticket: its requester id. @category store */
  subjectOfTicket,
  /** Guard: does this store have an outbox? @category store */
  supportsOutbox,
  /** Guard: does this store forget and export data subjects? @category store */
  supportsPersonalData,
  /** What a read model stores and indexes of an opened ticket. @category store */
  type TicketIndexEntry,
  /** Filters of a ticket list. @category store */
  type TicketListFilter,
  /** The orders of a ticket list. @category store */
  type TicketListOrder,
  /** A row of a ticket list, with live SLA. @category store */
  type TicketListRow,
  /** A page of a ticket list and the cursor of the next. @category store */
  type TicketPage,
  /** Which page of a ticket list, as of `now`. @category store */
  type TicketPageRequest,
  /** The read-model port: list and get tickets with live SLA. @category store */
  type TicketQueries,
  /** The timer queue port: claim due tickets and release them. @category store */
  type TimerQueue,
  /** A ticket event as a record to append. @category store */
  toNewEvent,
  /** A ticket event as a record to append, with its trace in the metadata. @category store */
  toTracedEvent,
  /** The trace in a record's metadata, or CorruptEvent. @category store */
  traceOf,
  /** Checks an append's arguments the way every adapter must. @category store */
  validateAppend,
  /** Adapter input rule: an append's tenant, stream, events and expected version. @category store */
  validateAppendInput,
  /** Adapter input rule: a claim request. @category store */
  validateClaimRequest,
  /** Adapter input rule: an instant. @category store */
  validateInstant,
  /** Adapter input rule: an append with outbox intents and a wake-up. @category store */
  validateOutboxAppend,
  /** Adapter input rule: readAll options. @category store */
  validateReadAll,
  /** Adapter input rule: an id or key. @category store */
  validateStoreKey,
  /** Adapter input rule: a stream read. @category store */
  validateStreamRead,
  /** Adapter input rule: a tenant id. @category store */
  validateTenantId,
  /** Adapter input rule: a whole number in range. @category store */
  validateWhole,
} from "./store/index.js";
export {
  /** An action of the transition table. @category ticket */
  type Action,
  /** Who did something: requester, agent or system, with an id. @category ticket */
  type Actor,
  /** A kind of actor. @category ticket */
  type ActorKind,
  /** An attachment's name, size, type and hash. @category ticket */
  type Attachment,
  /** A ticket's category. @category ticket */
  type Category,
  /** The channel a ticket came in by. @category ticket */
  type Channel,
  /** The ticket command of one type. @category ticket */
  type CommandOf,
  /** The codec of each command type. @category ticket */
  commandCodecs,
  /** Every command type. @category ticket */
  commandTypes,
  /** The schema version each event type is written with now. @category ticket */
  currentSchemaVersion,
  /** A refused command, as a value with a stable `code`. @category ticket */
  type DomainError,
  /** The code of a domain error. @category ticket */
  type DomainErrorCode,
  /** Decodes a command from unknown input, or INVALID_COMMAND naming the bad path. @category ticket */
  decodeCommand,
  /** Upcasts and decodes a stored or received event, or a DecodeError. @category ticket */
  decodeEvent,
  /** A ticket command's JSON form. @category ticket */
  type EncodedTicketCommand,
  /** A ticket event's JSON form. @category ticket */
  type EncodedTicketEvent,
  /** What a personal value reads as once its subject is forgotten: `"[erased]"`. @category ticket */
  ERASED,
  /** The erased marker's type. @category ticket */
  type Erased,
  /** The ticket event of one type. @category ticket */
  type EventOf,
  /** Writes an event's JSON form. @category ticket */
  encodeEvent,
  /** Every event type. @category ticket */
  eventTypes,
  /** Applies one event to a state (immer: a new frozen state). @category ticket */
  evolve,
  /** Folds a history into a state, deep-frozen. @category ticket */
  fold,
  /** P-A's intake questions. @category ticket */
  type Intake,
  /** The state of a ticket with no events. @category ticket */
  initialState,
  /** Guard: is this a DomainError? @category ticket */
  isDomainError,
  /** Guard: is this value the erased marker? @category ticket */
  isErased,
  /** An SLA metric: response, plan, resolution or next-reply. @category ticket */
  type MetricName,
  /** The refusal of an actor who may not do what they asked (NOT_PERMITTED). @category ticket */
  type NotPermitted,
  /** A path to a personal value in an event. @category ticket */
  type PersonalPath,
  /** The path of a requester actor's name in an event's metadata. @category ticket */
  personalActorName,
  /** The personal values of each event type (what crypto-shredding seals). @category ticket */
  personalFields,
  /** The personal paths of an event type. @category ticket */
  personalPathsOf,
  /** A customer's rating of one resolution cycle. @category ticket */
  type Rating,
  /** How an actor stands to a ticket. @category ticket */
  type Relationship,
  /** Who asked: id, name, mail, phone. @category ticket */
  type Requester,
  /** One row of the transition table. @category ticket */
  type Rule,
  /** Every relationship an actor can have to a ticket. @category ticket */
  relationships,
  /** A ticket's status. @category ticket */
  type Status,
  /** A status, or `none` before the ticket is opened. @category ticket */
  type StatusOrNone,
  /** Every status, in lifecycle order. @category ticket */
  statuses,
  /** The data subject of an event record (metadata.subject, or an opened event's requester). @category ticket */
  subjectOfRecord,
  /** A ticket command (any type). @category ticket */
  type TicketCommand,
  /** The type tag of a ticket command. @category ticket */
  type TicketCommandType,
  /** A ticket event (any type): the codecs are the single source of every shape. @category ticket */
  type TicketEvent,
  /** The type tag of a ticket event. @category ticket */
  type TicketEventType,
  /** What a ticket is about: subject, description, category, channel, requester, … @category ticket */
  type TicketFields,
  /** A ticket's state: what the fold of its events keeps. @category ticket */
  type TicketState,
  /** A logged time entry with its corrections netted. @category ticket */
  type TimeEntry,
  /** The lifecycle as data: each action's statuses, target and actors. @category ticket */
  transitionTable,
} from "./ticket/index.js";
export {
  /** The system commands time makes due at `now`, in order. @category timers */
  due,
  /** The next instant a ticket needs waking, or null. @category timers */
  nextWakeUp,
  /** The actor of timer commands. @category timers */
  timerActor,
} from "./timers/index.js";

export {
  /** Options of an outbox pass. @category workers */
  type DispatchOptions,
  /** What an outbox pass did. @category workers */
  type DispatchReport,
  /** 30 s doubling to at most 1 h. @category workers */
  defaultRetryBackoff,
  /** One outbox pass: claim, deliver through every channel, settle. @category workers */
  dispatchOutbox,
  /** Retry timing: base delay, cap. @category workers */
  type RetryBackoff,
  /** One timer pass: claim due tickets, apply `due`, release with the next wake-up. @category workers */
  runDueTimers,
  /** Runs a pass until stopped; a failed pass goes to `onError` or ends the loop. @category workers */
  runWorkerLoop,
  /** The part of an AbortSignal the loop reads. @category workers */
  type StopSignal,
  /** Options of a timer pass. @category workers */
  type TimerRunOptions,
  /** What a timer pass did. @category workers */
  type TimerRunReport,
  /** The loop's signal, sleep, idle time and error handler. @category workers */
  type WorkerLoopOptions,
} from "./workers/index.js";
