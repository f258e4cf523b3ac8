/**
 * RFC 9457 problem details (`application/problem+json`). Every error code the core can hand
 * the adapter — domain refusals, the command handler's, the stores', the read models', the
 * policy compiler's — and the adapter's own codes map to one HTTP status and title in ONE
 * table, `problemStatuses`; a test enumerates the core's codes and fails when one is missing.
 *
 * A problem body carries `type` (a URN per code, `urn:ticketfold:problem:ticket-not-found`),
 * `title`, `status`, `detail` (the error's own message, except for server errors: those say
 * only that something failed, and go to `onError`), `instance` (the request path), `code` (the
 * stable code) and, when the error names bad values, `errors` (each with its `path` in the body
 * or query, a JSON `pointer` and a `detail`). A domain error's own fields (`allowedFrom`,
 * `possibleAt`, …) are added as extension members, instants as ISO strings.
 */
import { formatInstant } from "@ticketfold/core";

/** The adapter's own codes: what goes wrong before a command or query reaches the core. */
export type HttpErrorCode =
  | "ROUTE_NOT_FOUND"
  | "METHOD_NOT_ALLOWED"
  | "MALFORMED_JSON"
  | "INVALID_BODY"
  | "INVALID_QUERY"
  | "INVALID_HEADER"
  | "BODY_TOO_LARGE"
  | "BODY_TIMEOUT"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "PRECONDITION_FAILED"
  | "PRECONDITION_REQUIRED"
  | "FORBIDDEN"
  | "INTERNAL_ERROR";

/** Every code the core defines (domain, handler, store, projection, policy, decoding). */
export type CoreErrorCode =
  // ticket/errors.ts: domain refusals
  | "TICKET_NOT_FOUND"
  | "TICKET_ALREADY_EXISTS"
  | "ILLEGAL_TRANSITION"
  | "NOT_PERMITTED"
  | "REOPEN_WINDOW_EXPIRED"
  | "UNKNOWN_PRIORITY"
  | "MISSING_FIELD"
  | "APPROVAL_REQUIRED"
  | "NOT_A_CHANGE_REQUEST"
  | "INVALID_VALUE"
  | "WRONG_TICKET"
  | "ESCALATION_NOT_YET_POSSIBLE"
  | "SESSION_NOT_BOOKABLE"
  | "SESSION_CONFLICT"
  | "POLICY_MISMATCH"
  | "FEEDBACK_ALREADY_GIVEN"
  | "INVALID_COMMAND"
  | "ATTACHMENT_LIMIT_EXCEEDED"
  | "NO_VALID_CONTRACT"
  // handling/: the command handler
  | "COMMAND_ID_REUSED"
  | "UNKNOWN_POLICY"
  // policy/load.ts: a policy that does not load (the app's configuration, not the request)
  | "INVALID_POLICY"
  | "UNKNOWN_FIELD"
  // store/errors.ts
  | "CONCURRENCY_CONFLICT"
  | "CORRUPT_EVENT"
  | "INVALID_APPEND"
  | "INVALID_CHECKPOINT"
  | "INVALID_CURSOR"
  | "INVALID_STORE_INPUT"
  // projections/errors.ts (UNKNOWN_POLICY above too)
  | "EVENT_OUT_OF_ORDER"
  // policy/
  | "UNKNOWN_CALENDAR"
  | "INVALID_SLA_POLICY"
  | "UNKNOWN_POLICY_IN_SELECTION"
  | "OVERLAPPING_CONTRACTS"
  // shared/decode.ts
  | "DECODE_ERROR"
  // desk/: what the desk's workers report (never a request's answer, mapped for completeness)
  | "TIMER_FAILED"
  | "DELIVERY_FAILED";

export type ProblemCode = CoreErrorCode | HttpErrorCode;

/** The status and title of one code. */
export interface ProblemStatus {
  readonly status: number;
  readonly title: string;
}

/**
 * The one mapping from error codes to HTTP. 4xx: the client can act on it (the detail says
 * how); 5xx: the server's data or configuration is wrong (a corrupt event, a policy the server
 * was not given), the detail is withheld from the client and the error goes to `onError`.
 *
 * `CONCURRENCY_CONFLICT` is 409 when the handler gave up after its retries, and 412 when the
 * request sent `If-Match` and the ticket is at another version (the adapter decides, per request).
 * `COMMAND_ID_REUSED` is 422, as the IETF Idempotency-Key draft asks of a key reused with
 * another body.
 */
export const problemStatuses: { readonly [C in ProblemCode]: ProblemStatus } = {
  TICKET_NOT_FOUND: { status: 404, title: "Ticket not found" },
  TICKET_ALREADY_EXISTS: { status: 409, title: "Ticket already exists" },
  ILLEGAL_TRANSITION: { status: 409, title: "Not allowed in the ticket's status" },
  NOT_PERMITTED: { status: 403, title: "Not permitted" },
  REOPEN_WINDOW_EXPIRED: { status: 409, title: "Reopen window expired" },
  UNKNOWN_PRIORITY: { status: 422, title: "Unknown priority" },
  MISSING_FIELD: { status: 422, title: "Missing field" },
  APPROVAL_REQUIRED: { status: 409, title: "Approval required" },
  NOT_A_CHANGE_REQUEST: { status: 409, title: "Not a change request" },
  INVALID_VALUE: { status: 422, title: "Invalid value" },
  WRONG_TICKET: { status: 422, title: "Command for another ticket" },
  ESCALATION_NOT_YET_POSSIBLE: { status: 409, title: "Escalation not yet possible" },
  SESSION_NOT_BOOKABLE: { status: 422, title: "Session outside bookable hours" },
  SESSION_CONFLICT: { status: 409, title: "Session overlaps another booking" },
  POLICY_MISMATCH: { status: 409, title: "Policy mismatch" },
  FEEDBACK_ALREADY_GIVEN: { status: 409, title: "Feedback already given" },
  INVALID_COMMAND: { status: 422, title: "Invalid command" },
  ATTACHMENT_LIMIT_EXCEEDED: { status: 422, title: "Attachment limit exceeded" },
  NO_VALID_CONTRACT: { status: 422, title: "No valid contract" },
  COMMAND_ID_REUSED: { status: 422, title: "Idempotency key reused for another request" },
  UNKNOWN_POLICY: { status: 500, title: "Unknown policy" },
  INVALID_POLICY: { status: 500, title: "Invalid policy" },
  UNKNOWN_FIELD: { status: 500, title: "Unknown field in a policy" },
  CONCURRENCY_CONFLICT: { status: 409, title: "Concurrent change" },
  CORRUPT_EVENT: { status: 500, title: "Stored event cannot be read" },
  INVALID_APPEND: { status: 500, title: "Invalid append" },
  INVALID_CHECKPOINT: { status: 500, title: "Invalid checkpoint" },
  INVALID_CURSOR: { status: 400, title: "Invalid cursor" },
  INVALID_STORE_INPUT: { status: 400, title: "Invalid input" },
  EVENT_OUT_OF_ORDER: { status: 500, title: "Read model out of order" },
  UNKNOWN_CALENDAR: { status: 500, title: "Unknown calendar in policy" },
  INVALID_SLA_POLICY: { status: 500, title: "Invalid SLA policy" },
  UNKNOWN_POLICY_IN_SELECTION: { status: 500, title: "Unknown policy in selection" },
  OVERLAPPING_CONTRACTS: { status: 500, title: "Overlapping contracts" },
  DECODE_ERROR: { status: 422, title: "Invalid value" },
  TIMER_FAILED: { status: 500, title: "Timer failed" },
  DELIVERY_FAILED: { status: 500, title: "Delivery failed" },
  ROUTE_NOT_FOUND: { status: 404, title: "Not found" },
  METHOD_NOT_ALLOWED: { status: 405, title: "Method not allowed" },
  MALFORMED_JSON: { status: 400, title: "Malformed JSON" },
  INVALID_BODY: { status: 422, title: "Invalid body" },
  INVALID_QUERY: { status: 400, title: "Invalid query" },
  INVALID_HEADER: { status: 400, title: "Invalid header" },
  BODY_TOO_LARGE: { status: 413, title: "Body too large" },
  BODY_TIMEOUT: { status: 408, title: "Body not received in time" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: "Unsupported media type" },
  PRECONDITION_FAILED: { status: 412, title: "Precondition failed" },
  PRECONDITION_REQUIRED: { status: 428, title: "Precondition required" },
  FORBIDDEN: { status: 403, title: "Forbidden" },
  INTERNAL_ERROR: { status: 500, title: "Internal error" },
};

/** One bad value: where (`data.priority`, a query parameter), as a JSON pointer, and what is wrong. */
export interface ProblemFieldError {
  readonly path: string;
  readonly pointer: string;
  readonly detail: string;
}

/** An RFC 9457 problem details body, with Ticketfold's `code` and `errors` members. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly code: ProblemCode;
  readonly errors?: readonly ProblemFieldError[];
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json";
/** The default base of problem `type` URIs; a code's kebab-case name is appended. */
export const DEFAULT_PROBLEM_TYPE_BASE = "urn:ticketfold:problem:";

/** `data.requester.email`, `targets["1"]`, `items[2].x` → `/data/requester/email`, `/targets/1`, `/items/2/x`. */
export const jsonPointer = (path: string): string => {
  if (path === "") return "";
  const parts: string[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g)) {
    parts.push(m[1] ?? m[2] ?? m[3] ?? "");
  }
  return parts.map((p) => `/${p.replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
};

const kebab = (code: string): string => code.toLowerCase().replaceAll("_", "-");

export const isProblemCode = (u: unknown): u is ProblemCode =>
  typeof u === "string" && Object.hasOwn(problemStatuses, u);

/** Fields of core errors that are instants, shown as ISO strings. */
const INSTANT_FIELDS = new Set(["possibleAt", "closedAt", "windowEndedAt", "givenAt"]);
/** Fields never copied into a problem (they are its own members, or internals). */
const RESERVED = new Set([
  "type",
  "title",
  "status",
  "detail",
  "instance",
  "code",
  "errors",
  "message",
  "stack",
  "name",
]);

/** A domain error's own fields, as extension members (instants as ISO strings). */
const extensionsOf = (error: object): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(error)) {
    if (RESERVED.has(k) || k === "issues") continue;
    out[k] = INSTANT_FIELDS.has(k) && typeof v === "number" ? formatInstant(v) : v;
  }
  return out;
};

export interface ProblemInput {
  readonly code: ProblemCode;
  readonly detail: string;
  readonly instance: string;
  /** Overrides the table's status (412 for a conflict under `If-Match`). */
  readonly status?: number;
  readonly errors?: readonly { readonly path: string; readonly message: string }[];
  readonly extensions?: Record<string, unknown>;
}

export const problem = (input: ProblemInput, typeBase: string = DEFAULT_PROBLEM_TYPE_BASE): Problem => {
  const mapped = problemStatuses[input.code];
  const errors = input.errors?.map((e) => ({ path: e.path, pointer: jsonPointer(e.path), detail: e.message }));
  return {
    ...input.extensions,
    type: `${typeBase}${kebab(input.code)}`,
    title: mapped.title,
    status: input.status ?? mapped.status,
    detail: input.detail,
    instance: input.instance,
    code: input.code,
    ...(errors === undefined || errors.length === 0 ? {} : { errors }),
  };
};

/**
 * The problem for an error value or a thrown error with a core code. Server errors (5xx) get
 * a generic detail and no extensions: their message may name internals. Anything without a
 * known code is `INTERNAL_ERROR`.
 */
export const problemFromError = (
  error: unknown,
  instance: string,
  typeBase: string = DEFAULT_PROBLEM_TYPE_BASE,
): Problem => {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  if (!isProblemCode(code)) {
    return problem({ code: "INTERNAL_ERROR", detail: "the request could not be handled", instance }, typeBase);
  }
  const { status } = problemStatuses[code];
  const e = error as { message?: unknown; issues?: unknown; path?: unknown; reason?: unknown };
  const message = typeof e.message === "string" ? e.message : problemStatuses[code].title;
  if (status >= 500)
    return problem(
      { code, detail: `${problemStatuses[code].title}: the request could not be handled`, instance },
      typeBase,
    );
  const issues = Array.isArray(e.issues)
    ? (e.issues as { path: string; message: string }[])
    : typeof e.path === "string" && typeof e.reason === "string"
      ? [{ path: e.path, message: `${e.path} ${e.reason}` }]
      : undefined;
  // Plain error values (the domain's) carry fields for the caller; class instances (the stores') do not.
  const extensions = error instanceof Error ? {} : extensionsOf(error as object);
  return problem({ code, detail: message, instance, ...(issues ? { errors: issues } : {}), extensions }, typeBase);
};

/** A `Response` with a problem body. */
export const problemResponse = (p: Problem, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(p), {
    status: p.status,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, "cache-control": "no-store", ...headers },
  });
