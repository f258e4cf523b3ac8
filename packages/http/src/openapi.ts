/**
 * The OpenAPI 3.1 document of the adapter's routes, built from the same route table the router
 * matches (routes.ts); a test checks it against the live handler both ways and validates real
 * answers against its response schemas. JSON Schema 2020-12 throughout (OpenAPI 3.1's dialect).
 *
 * The command bodies are generated from the core's codecs (`commandJsonSchema` of
 * `@ticketfold/core/schema`): each command type's `data` schema, as `decodeCommand` checks it,
 * inside the adapter's body (`type`, `data`, `correlationId`; the envelope is the server's). The
 * core's definitions sit under `components/schemas` as `core.<name>`.
 */
import { commandTypes, decodeCommand, MAX_PAGE_SIZE, statuses } from "@ticketfold/core";
import { commandJsonSchema } from "@ticketfold/core/schema";
import { LIST_PARAMETERS } from "./codecs.js";
import { problemStatuses } from "./problem.js";
import { type Operation, routes } from "./routes.js";

export interface OpenApiOptions {
  /** The API's URL as clients reach it (`https://desk.example/api`); default the base path alone. */
  readonly serverUrl?: string;
  /** The prefix the handler was given (`basePath`), when there is no `serverUrl`. */
  readonly basePath?: string;
  readonly title?: string;
  readonly version?: string;
}

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string, extra: Schema = {}): Schema => ({ type: [type, "null"], ...extra });
const instant: Schema = { type: "string", format: "date-time" };
const nullableInstant: Schema = { type: ["string", "null"], format: "date-time" };
const ULID = "^[0-9A-HJKMNP-TV-Z]{26}$";
const COMMAND_ID = "^[\\x21-\\x7E]{1,128}$";

const metricSummary: Schema = {
  type: "object",
  required: ["metric", "cycle", "state", "clock", "target", "deadline", "remaining", "breachedAt", "stoppedAt"],
  properties: {
    metric: { type: "string" },
    cycle: { type: "integer" },
    state: { type: "string" },
    clock: { enum: ["running", "paused", "stopped"] },
    target: { type: "number", description: "milliseconds of counted time" },
    deadline: nullableInstant,
    remaining: { type: "number", description: "milliseconds of counted time; negative once breached" },
    breachedAt: nullableInstant,
    stoppedAt: nullableInstant,
  },
};

const ticketRow: Schema = {
  type: "object",
  required: [
    "tenant",
    "ticketId",
    "version",
    "policyId",
    "status",
    "priority",
    "requester",
    "assignee",
    "subject",
    "category",
    "openedAt",
    "updatedAt",
    "resolvedAt",
    "closedAt",
    "nextDeadline",
    "breached",
    "asOf",
    "sla",
  ],
  properties: {
    tenant: { type: "string" },
    ticketId: { type: "string", pattern: ULID },
    version: { type: "integer", minimum: 1, description: "the ticket's stream version, as in its ETag" },
    policyId: { type: "string" },
    status: { enum: [...statuses] },
    priority: { type: "string" },
    priorityRank: { type: "integer" },
    customerTier: nullable("string"),
    vip: { type: "boolean" },
    organisation: nullable("string"),
    contractId: nullable("string"),
    requester: { type: "string" },
    assignee: nullable("string"),
    group: nullable("string"),
    subject: { type: "string" },
    category: { type: "string" },
    openedAt: instant,
    updatedAt: instant,
    resolvedAt: nullableInstant,
    closedAt: nullableInstant,
    nextDeadline: nullableInstant,
    nextDeadlineMetric: nullable("string"),
    breached: { type: "boolean" },
    asOf: instant,
    sla: { type: "object", additionalProperties: ref("MetricSummary") },
  },
};

const customerView: Schema = {
  type: "object",
  required: ["ticketId", "status", "priority", "fields", "openedAt", "updatedAt", "resolvedAt", "closedAt", "history"],
  properties: {
    ticketId: { type: "string", pattern: ULID },
    status: { enum: [...statuses] },
    priority: { type: "string" },
    fields: { type: "object" },
    openedAt: instant,
    updatedAt: instant,
    resolvedAt: nullableInstant,
    closedAt: nullableInstant,
    awaitingReason: nullable("string"),
    approval: { type: "string" },
    sessions: {
      type: "array",
      items: {
        type: "object",
        required: ["start", "length"],
        properties: { start: instant, length: { type: "number" } },
      },
    },
    feedback: {
      oneOf: [
        { type: "null" },
        { type: "object", required: ["rating", "at"], properties: { rating: { type: "string" }, at: instant } },
      ],
    },
    history: {
      type: "array",
      items: {
        type: "object",
        required: ["type", "at", "by", "data"],
        properties: { type: { type: "string" }, at: instant, by: { type: "object" }, data: { type: "object" } },
      },
    },
  },
};

const problemSchema: Schema = {
  type: "object",
  description: "RFC 9457 problem details, with the error's stable `code` and, for bad values, `errors`.",
  required: ["type", "title", "status", "detail", "instance", "code"],
  properties: {
    type: { type: "string", format: "uri-reference" },
    title: { type: "string" },
    status: { type: "integer", minimum: 400, maximum: 599 },
    detail: { type: "string" },
    instance: { type: "string" },
    code: { enum: Object.keys(problemStatuses) },
    errors: {
      type: "array",
      items: {
        type: "object",
        required: ["path", "pointer", "detail"],
        properties: { path: { type: "string" }, pointer: { type: "string" }, detail: { type: "string" } },
      },
    },
  },
};

const commandResult: Schema = {
  type: "object",
  required: ["ticketId", "version", "replayed", "events"],
  properties: {
    ticketId: { type: "string", pattern: ULID },
    version: {
      type: "integer",
      minimum: 0,
      description: "the ticket's stream version after the command, as in the ETag",
    },
    replayed: {
      type: "boolean",
      description: "true when the Idempotency-Key was handled before: nothing new was recorded",
    },
    events: { type: "array", items: { type: "object", required: ["type"], properties: { type: { type: "string" } } } },
  },
};

/** The core's command schema, its `$defs` refs pointing at `components/schemas/core.<name>`. */
const coreCommandSchemas = (): { defs: Record<string, Schema>; dataOf: (type: string) => Schema } => {
  const generated = JSON.parse(
    JSON.stringify(commandJsonSchema()).replaceAll('"#/$defs/', '"#/components/schemas/core.'),
  ) as { $defs: Record<string, Schema> };
  const defs = Object.fromEntries(Object.entries(generated.$defs).map(([name, schema]) => [`core.${name}`, schema]));
  const dataOf = (type: string): Schema =>
    ((generated.$defs[type]?.properties as Record<string, Schema> | undefined)?.data ?? { type: "object" }) as Schema;
  return { defs, dataOf };
};

/** Whether a command type may leave `data` out: the core decodes it without one. */
const dataRequired = (type: string): boolean => {
  const probe = decodeCommand({
    type,
    ticketId: "01JNDG9Q000000000000000001",
    tenantId: "t",
    at: "2025-01-01T00:00:00Z",
    actor: { kind: "system", id: "x" },
  });
  return probe._tag === "Left" && "issues" in probe.left && probe.left.issues.some((i) => i.path.startsWith("data"));
};

const bodyOf = (type: string, data: Schema): Schema => ({
  type: "object",
  additionalProperties: false,
  required: dataRequired(type) ? ["type", "data"] : ["type"],
  properties: {
    type: { const: type },
    data,
    correlationId: { type: "string", pattern: COMMAND_ID },
  },
});

const json = (schema: Schema) => ({ "application/json": { schema } });
const problemContent = { "application/problem+json": { schema: ref("Problem") } };
const problemsFor = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { $ref: `#/components/responses/Problem${s}` }]));

const ticketIdParameter = { name: "ticketId", in: "path", required: true, schema: { type: "string", pattern: ULID } };
const idempotencyKey = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "The command id: a retry with the same key and body answers as the first request did (Idempotent-Replayed: true); the same key with another body is 422.",
  schema: { type: "string", pattern: COMMAND_ID },
};
const ifMatch = {
  name: "If-Match",
  in: "header",
  required: false,
  description: 'The ticket\'s ETag as last read ("3"): 412 when the ticket is at another version.',
  schema: { type: "string" },
};
const etagHeader = { ETag: { description: "The ticket's stream version", schema: { type: "string" } } };

const listParameters: Record<(typeof LIST_PARAMETERS)[number], Schema> = {
  status: { type: "string", description: `comma-separated or repeated: ${statuses.join(", ")}` },
  requester: { type: "string" },
  organisation: { type: "string" },
  assignee: { type: "string" },
  unassigned: { type: "boolean", description: "only tickets with no assignee" },
  priority: { type: "string", description: "comma-separated or repeated" },
  customerTier: { type: "string" },
  breached: { type: "boolean" },
  dueBefore: { type: "string", format: "date-time" },
  order: { enum: ["opened-desc", "updated-desc", "queue"] },
  limit: { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE },
  cursor: { type: "string", description: "the previous page's nextCursor" },
};

const operations: Record<Operation, Schema> = {
  openTicket: {
    summary: "Open a ticket",
    parameters: [idempotencyKey],
    requestBody: { required: true, content: json(ref("OpenBody")) },
    responses: {
      "201": {
        description: "Opened (or, under a replayed Idempotency-Key, opened before)",
        headers: { ...etagHeader, Location: { schema: { type: "string" } } },
        content: json(ref("CommandResult")),
      },
      ...problemsFor(400, 403, 408, 409, 413, 415, 422),
    },
  },
  listTickets: {
    summary: "List the tenant's tickets",
    parameters: LIST_PARAMETERS.map((name) => ({ name, in: "query", required: false, schema: listParameters[name] })),
    responses: {
      "200": { description: "A page of tickets with their live SLA", content: json(ref("TicketPage")) },
      ...problemsFor(400, 403),
    },
  },
  getTicket: {
    summary: "One ticket's row",
    parameters: [ticketIdParameter],
    responses: {
      "200": { description: "The ticket", headers: etagHeader, content: json(ref("TicketRow")) },
      "304": { description: "Not modified (If-None-Match)" },
      ...problemsFor(403, 404),
    },
  },
  handleCommand: {
    summary: "Handle a command on a ticket",
    parameters: [ticketIdParameter, idempotencyKey, ifMatch],
    requestBody: { required: true, content: json(ref("CommandBody")) },
    responses: {
      "200": { description: "Handled", headers: etagHeader, content: json(ref("CommandResult")) },
      ...problemsFor(400, 403, 404, 408, 409, 412, 413, 415, 422, 428),
    },
  },
  getCustomerView: {
    summary: "The customer-safe view of a ticket (no internal notes, no staff-only fields)",
    parameters: [ticketIdParameter],
    responses: {
      "200": { description: "The customer view", content: json(ref("CustomerTicketView")) },
      ...problemsFor(403, 404),
    },
  },
};

const PROBLEM_STATUSES = [400, 403, 404, 405, 408, 409, 412, 413, 415, 422, 428, 500];

/** The OpenAPI 3.1 document of the routes. */
export const openApiDocument = (options: OpenApiOptions = {}) => {
  const core = coreCommandSchemas();
  const commands = commandTypes.filter((c) => c !== "open");
  const commandBodies = Object.fromEntries(commands.map((c) => [`CommandBody.${c}`, bodyOf(c, core.dataOf(c))]));
  const openBody: Schema = {
    type: "object",
    required: ["data"],
    additionalProperties: false,
    properties: {
      data: core.dataOf("open"),
      ticketId: {
        type: "string",
        pattern: ULID,
        description: "the new ticket's id; the server makes one when absent (send one to retry an open safely)",
      },
      correlationId: { type: "string", pattern: COMMAND_ID },
    },
  };
  const paths: Record<string, Record<string, Schema>> = {};
  for (const route of routes) {
    const item = paths[route.path] ?? {};
    paths[route.path] = item;
    item[route.method.toLowerCase()] = { operationId: route.operation, ...operations[route.operation] };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: options.title ?? "Ticketfold desk",
      version: options.version ?? "0.1.0",
      description:
        "Support tickets over HTTP. The tenant and actor come from the server's authentication; every error is an RFC 9457 problem.",
    },
    servers: [
      {
        url: options.serverUrl ?? (options.basePath === undefined || options.basePath === "" ? "/" : options.basePath),
      },
    ],
    paths,
    components: {
      schemas: {
        Problem: problemSchema,
        CommandBody: {
          description:
            "A command on a ticket: its type and payload (the tenant, actor, instant and id are the server's).",
          oneOf: commands.map((c) => ref(`CommandBody.${c}`)),
          discriminator: {
            propertyName: "type",
            mapping: Object.fromEntries(commands.map((c) => [c, `#/components/schemas/CommandBody.${c}`])),
          },
        },
        ...commandBodies,
        OpenBody: openBody,
        CommandResult: commandResult,
        MetricSummary: metricSummary,
        TicketRow: ticketRow,
        TicketPage: {
          type: "object",
          required: ["rows", "nextCursor"],
          properties: { rows: { type: "array", items: ref("TicketRow") }, nextCursor: nullable("string") },
        },
        CustomerTicketView: customerView,
        ...core.defs,
      },
      responses: Object.fromEntries(
        PROBLEM_STATUSES.map((s) => [`Problem${s}`, { description: `Problem (${s})`, content: problemContent }]),
      ),
    },
  };
};
