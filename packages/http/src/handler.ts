/**
 * `createHttpHandler`: the desk over HTTP as one Fetch API function, `(request) => Promise<Response>`.
 * The Fetch shape is what Node ≥ 20, Bun, Deno, Cloudflare Workers and other edge runtimes
 * share, and what Hono, itty-router and tRPC's fetch adapter mount directly; Express and Fastify
 * mount it through `toNodeListener` (node.ts). No framework is a dependency.
 *
 * Routes (under `basePath`): `POST /tickets` opens a ticket, `POST /tickets/{ticketId}/commands`
 * handles any other command, `GET /tickets` lists (filters, cursor pagination, live SLA),
 * `GET /tickets/{ticketId}` reads one row, `GET /tickets/{ticketId}/customer-view` the
 * customer-safe view. See `openApiDocument()` for the exact shapes.
 *
 * What the adapter adds to the desk: the tenant and actor from the app's `authenticate` hook
 * (never from the body); `Idempotency-Key` as the command id (a retry answers what the first
 * request answered, same status, with `Idempotent-Replayed: true`; the key with another body is
 * `422 COMMAND_ID_REUSED`); `ETag` (the ticket's stream version) on reads and command answers and
 * `If-Match` as the command's expected version (`412` when the ticket moved; `428` without one when
 * `requireIfMatch`); request bodies limited, checked and decoded with io-ts; every refusal an
 * RFC 9457 problem (problem.ts).
 */
import {
  type Actor,
  CommandIdC,
  decodeCommand,
  decodeWith,
  type EventStore,
  formatInstant,
  type Handled,
  type HandlerError,
  type Instant,
  isTenantId,
  readCustomerTicketView,
  type TicketCommand,
  TicketIdC,
  type TicketListFilter,
  type TicketQueries,
} from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import type * as t from "io-ts";
import { type BodyLimits, readJsonBody } from "./body.js";
import { CommandBodyC, LIST_PARAMETERS, ListQueryC, listRequestOf, OpenBodyC, queryRecord } from "./codecs.js";
import { encodeCustomerView, encodeHandled, encodePage, encodeRow } from "./encode.js";
import {
  DEFAULT_PROBLEM_TYPE_BASE,
  type Problem,
  type ProblemInput,
  problem,
  problemFromError,
  problemResponse,
} from "./problem.js";
import { matchRoute } from "./routes.js";

/** A Fetch API request handler: what Hono, Bun, Deno and edge runtimes call. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** Who is asking: the tenant every read and command is scoped to, and the actor commands are made by. */
export interface HttpPrincipal {
  readonly tenant: string;
  readonly actor: Actor;
}

/**
 * The app's sign-in: the principal, or a `Response` to answer with instead (a 401 with the
 * app's `WWW-Authenticate`, a redirect). The adapter never reads a tenant from a body.
 */
export type Authenticate = (request: Request) => HttpPrincipal | Response | Promise<HttpPrincipal | Response>;

/** A read being asked for, for `authorizeRead`. */
export type HttpRead =
  | { readonly kind: "list"; readonly filter: TicketListFilter }
  | { readonly kind: "ticket"; readonly ticketId: string }
  | { readonly kind: "customer-view"; readonly ticketId: string };

/** How a command is handled: the version the client saw (`If-Match`) and its id (`Idempotency-Key`). */
export interface HttpHandleOptions {
  readonly expectedVersion?: number;
  readonly commandId?: string;
}

/** What the adapter needs of a handled command. */
export type HttpHandled = Pick<Handled, "events" | "version" | "replayed">;

/**
 * What the adapter needs of a desk: a `Desk` (`createDesk`, `createInMemoryDesk`,
 * `createPostgresDesk`) fits as it is; so does any object with `handle`, `queries` and `store`
 * (a hand-wired handler, a desk wrapped with logging).
 */
export interface HttpDesk {
  /** Handles a command; refusals are `Left` values, store failures are thrown. */
  handle(command: TicketCommand, options?: HttpHandleOptions): Promise<E.Either<HandlerError, HttpHandled>>;
  /** The read model: the ticket list and single rows. */
  readonly queries: TicketQueries;
  /** Streams, read for the customer view (one stream per request). */
  readonly store: Pick<EventStore, "readStream">;
  /** The desk's now; the handler's default clock when its options give none. */
  readonly clock?: () => Instant;
}

export interface HttpHandlerOptions {
  readonly desk: HttpDesk;
  readonly authenticate: Authenticate;
  /** A prefix every route sits under (`/api/v1`); default none. */
  readonly basePath?: string;
  /** Largest request body, in bytes (default 64 KiB): more is 413. */
  readonly maxBodyBytes?: number;
  /** How long a body may take to arrive, in ms (default 10 s): longer is 408. */
  readonly bodyTimeoutMs?: number;
  /** Deepest nesting of a JSON body (default 32): deeper is 400. */
  readonly maxBodyDepth?: number;
  /** Commands without `If-Match` are refused with 428 (default false: If-Match is optional). */
  readonly requireIfMatch?: boolean;
  /** May this principal read this? Refused reads are 403 (default: any authenticated principal reads its tenant). */
  readonly authorizeRead?: (principal: HttpPrincipal, read: HttpRead) => boolean | Promise<boolean>;
  /** Now (default the desk's clock, else the system's): commands are stamped with it; the list's live SLA is as of it. */
  readonly now?: () => Instant;
  /** A new ticket's id when `POST /tickets` names none (default: a fresh ULID). */
  readonly newTicketId?: () => string;
  /** The base of problem `type` URIs (default `urn:ticketfold:problem:`). */
  readonly problemTypeBase?: string;
  /** Told about every 5xx (its detail is not sent to the client); default `console.error`. */
  readonly onError?: (error: unknown, request: Request) => void;
}

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A ULID: 48 bits of milliseconds, 80 random bits (Web Crypto, present in every runtime the adapter targets). */
export const newUlid = (now: number = Date.now()): string => {
  let time = "";
  let ms = now;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[ms % 32] + time;
    ms = Math.floor(ms / 32);
  }
  const random = crypto.getRandomValues(new Uint8Array(16));
  let rest = "";
  for (let i = 0; i < 16; i++) rest += CROCKFORD[(random[i] as number) % 32];
  return time + rest;
};

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" } as const;

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });

const etag = (version: number): string => `"${version}"`;

/** `If-Match`: absent, `*` (any version), one strong tag `"N"`, or a refusal. */
const parseIfMatch = (value: string | null): { expected?: number; sent: boolean } | { refused: string } => {
  if (value === null) return { sent: false };
  const v = value.trim();
  if (v === "*") return { sent: true };
  const m = /^"(\d{1,15})"$/.exec(v);
  if (m) return { sent: true, expected: Number(m[1]) };
  return {
    refused: `If-Match must be one strong entity tag from this API's ETag (like "3") or *; got ${JSON.stringify(v.slice(0, 80))}`,
  };
};

/** `Idempotency-Key`: a token or a quoted string (RFC 8941), within the command id rule. */
const parseIdempotencyKey = (value: string | null): { key?: string } | { refused: string } => {
  if (value === null) return {};
  const v = value.trim();
  const key = /^"(.*)"$/.test(v) ? v.slice(1, -1) : v;
  return CommandIdC.is(key)
    ? { key }
    : { refused: "Idempotency-Key must be 1–128 printable ASCII characters without spaces" };
};

export const createHttpHandler = (options: HttpHandlerOptions): FetchHandler => {
  const { desk, authenticate } = options;
  const basePath = (options.basePath ?? "").replace(/\/+$/, "");
  const limits: BodyLimits = {
    maxBytes: options.maxBodyBytes ?? 64 * 1024,
    timeoutMs: options.bodyTimeoutMs ?? 10_000,
    maxDepth: options.maxBodyDepth ?? 32,
  };
  const now = options.now ?? desk.clock ?? Date.now;
  const newTicketId = options.newTicketId ?? (() => newUlid(now()));
  const typeBase = options.problemTypeBase ?? DEFAULT_PROBLEM_TYPE_BASE;
  const onError =
    options.onError ??
    ((error: unknown, request: Request) => console.error(`ticketfold http: ${request.method} ${request.url}`, error));

  const fail = (input: ProblemInput, headers: Record<string, string> = {}): Response =>
    problemResponse(problem(input, typeBase), headers);

  /** A thrown error or an error value as a problem; 5xx go to `onError`. */
  const failWith = (error: unknown, request: Request, instance: string, headers: Record<string, string> = {}) => {
    const p: Problem = problemFromError(error, instance, typeBase);
    if (p.status >= 500) onError(error, request);
    return problemResponse(p, headers);
  };

  const decodeOr = <A, O>(
    codec: t.Type<A, O, unknown>,
    u: unknown,
    code: "INVALID_BODY" | "INVALID_QUERY",
    instance: string,
  ) => {
    const r = decodeWith(codec, code === "INVALID_BODY" ? "body" : "query")(u);
    if (E.isRight(r)) return r.right;
    const errors = r.left.issues;
    const detail = `${code === "INVALID_BODY" ? "the body" : "the query"} is not valid: ${errors
      .slice(0, 3)
      .map((e) => e.message)
      .join("; ")}`;
    return fail({ code, detail, instance, errors });
  };

  const readBody = async (request: Request, instance: string): Promise<unknown | Response> => {
    const body = await readJsonBody(request, limits);
    if ("value" in body) return { value: body.value };
    const headers: Record<string, string> =
      body.refused === "BODY_TOO_LARGE" || body.refused === "BODY_TIMEOUT" ? { connection: "close" } : {};
    if (body.refused === "UNSUPPORTED_MEDIA_TYPE") headers["accept-post"] = "application/json";
    return fail(
      {
        code: body.refused,
        detail: body.detail,
        instance,
        ...(body.path === undefined ? {} : { errors: [{ path: body.path, message: body.detail }] }),
      },
      headers,
    );
  };

  /** Decodes the command the core takes, and hands it to the desk; answers per the result. */
  const handle = async (
    request: Request,
    instance: string,
    principal: HttpPrincipal,
    envelope: { type: string; ticketId: string; data: unknown; correlationId?: string },
    created: boolean,
  ): Promise<Response> => {
    const ifMatch = parseIfMatch(request.headers.get("if-match"));
    if ("refused" in ifMatch) return fail({ code: "PRECONDITION_FAILED", detail: ifMatch.refused, instance });
    if (!created && options.requireIfMatch === true && !ifMatch.sent) {
      return fail({
        code: "PRECONDITION_REQUIRED",
        detail: "send If-Match with the ticket's ETag, so a command never acts on a ticket the client has not seen",
        instance,
      });
    }
    const key = parseIdempotencyKey(request.headers.get("idempotency-key"));
    if ("refused" in key)
      return fail({
        code: "INVALID_HEADER",
        detail: key.refused,
        instance,
        errors: [{ path: "Idempotency-Key", message: key.refused }],
      });
    const decoded = decodeCommand({
      type: envelope.type,
      ticketId: envelope.ticketId,
      tenantId: principal.tenant,
      at: formatInstant(now()),
      actor: principal.actor,
      ...(envelope.data === undefined ? {} : { data: envelope.data }),
      ...(envelope.correlationId === undefined ? {} : { correlationId: envelope.correlationId }),
    });
    if (E.isLeft(decoded)) {
      const error = decoded.left;
      const issues = "issues" in error ? error.issues : [];
      // The envelope is the server's: a bad actor is the app's authenticate hook at fault.
      if (issues.some((i) => /^(actor|tenantId|at)\b/.test(i.path)))
        return failWith(new Error(error.message), request, instance);
      return failWith(error, request, instance);
    }
    const result = await desk.handle(decoded.right, {
      ...(ifMatch.expected === undefined ? {} : { expectedVersion: ifMatch.expected }),
      ...(key.key === undefined ? {} : { commandId: key.key }),
    });
    if (E.isLeft(result)) {
      const error = result.left;
      if (error.code === "CONCURRENCY_CONFLICT") {
        const actual = (error as { actual?: unknown }).actual;
        const version = typeof actual === "number" ? actual : undefined;
        return fail(
          {
            code: "CONCURRENCY_CONFLICT",
            status: ifMatch.sent ? 412 : 409,
            detail: ifMatch.sent
              ? `the ticket changed since the client read it${version === undefined ? "" : ` (it is at version ${version})`}; read it again and retry with its ETag`
              : "the ticket changed concurrently too many times; retry",
            instance,
            ...(version === undefined ? {} : { extensions: { currentVersion: version } }),
          },
          version === undefined ? {} : { etag: etag(version) },
        );
      }
      return failWith(error, request, instance);
    }
    const handled = result.right;
    const headers: Record<string, string> = { etag: etag(handled.version), "cache-control": "no-store" };
    if (handled.replayed) headers["idempotent-replayed"] = "true";
    if (created) headers.location = `${basePath}/tickets/${envelope.ticketId}`;
    return json(created ? 201 : 200, encodeHandled(envelope.ticketId, handled), headers);
  };

  const route = async (request: Request, url: URL, principal: HttpPrincipal): Promise<Response> => {
    const instance = url.pathname;
    const matched = matchRoute(request.method, url.pathname.slice(basePath.length));
    if (matched.kind === "not-found") {
      return fail({ code: "ROUTE_NOT_FOUND", detail: `no route ${url.pathname}`, instance });
    }
    if (matched.kind === "method-not-allowed") {
      return fail(
        {
          code: "METHOD_NOT_ALLOWED",
          detail: `${request.method} is not allowed on ${url.pathname}; allowed: ${matched.allow.join(", ")}`,
          instance,
        },
        { allow: matched.allow.join(", ") },
      );
    }
    const { operation, ticketId } = matched;
    const badTicket = () =>
      fail({
        code: "TICKET_NOT_FOUND",
        detail: `ticket ${JSON.stringify(ticketId)} does not exist`,
        instance,
        extensions: { ticketId },
      });
    if (ticketId !== undefined && !TicketIdC.is(ticketId)) return badTicket();
    const mayRead = async (read: HttpRead): Promise<Response | undefined> =>
      options.authorizeRead === undefined || (await options.authorizeRead(principal, read))
        ? undefined
        : fail({ code: "FORBIDDEN", detail: "this principal may not read this", instance });

    switch (operation) {
      case "openTicket": {
        const body = await readBody(request, instance);
        if (body instanceof Response) return body;
        const open = decodeOr(OpenBodyC, (body as { value: unknown }).value, "INVALID_BODY", instance);
        if (open instanceof Response) return open;
        return handle(
          request,
          instance,
          principal,
          {
            type: "open",
            ticketId: open.ticketId ?? newTicketId(),
            data: open.data,
            ...(open.correlationId === undefined ? {} : { correlationId: open.correlationId }),
          },
          true,
        );
      }
      case "handleCommand": {
        const body = await readBody(request, instance);
        if (body instanceof Response) return body;
        const command = decodeOr(CommandBodyC, (body as { value: unknown }).value, "INVALID_BODY", instance);
        if (command instanceof Response) return command;
        const envelope = {
          type: String(command.type),
          ticketId: ticketId as string,
          data: command.data,
          ...(command.correlationId === undefined ? {} : { correlationId: command.correlationId }),
        };
        return handle(request, instance, principal, envelope, false);
      }
      case "listTickets": {
        const query = queryRecord(url.searchParams);
        const unknown = Object.keys(query).filter((k) => !(LIST_PARAMETERS as readonly string[]).includes(k));
        if (unknown.length > 0) {
          const detail = `unknown query parameter ${unknown.map((k) => JSON.stringify(k)).join(", ")}; known: ${LIST_PARAMETERS.join(", ")}`;
          return fail({
            code: "INVALID_QUERY",
            detail,
            instance,
            errors: unknown.map((k) => ({ path: k, message: `${k}: unknown parameter` })),
          });
        }
        if (query.assignee !== undefined && query.unassigned !== undefined) {
          return fail({ code: "INVALID_QUERY", detail: "give assignee or unassigned, not both", instance });
        }
        const decoded = decodeOr(ListQueryC, query, "INVALID_QUERY", instance);
        if (decoded instanceof Response) return decoded;
        const { filter, order, limit, cursor } = listRequestOf(decoded);
        const refused = await mayRead({ kind: "list", filter });
        if (refused) return refused;
        try {
          const page = await desk.queries.listTickets(principal.tenant, filter, { now: now(), order, limit, cursor });
          const headers: Record<string, string> = { "cache-control": "no-store" };
          if (page.nextCursor !== null) {
            const next = new URL(url);
            next.searchParams.set("cursor", page.nextCursor);
            headers.link = `<${next.pathname}${next.search}>; rel="next"`;
          }
          return json(200, encodePage(page), headers);
        } catch (error) {
          // The port names filter and page values (`filter.organisation`); the client knows them as parameters.
          const path = (error as { path?: unknown }).path;
          const named =
            typeof path === "string"
              ? Object.assign(Object.create(Object.getPrototypeOf(error)), error, {
                  path: path.replace(/^(filter|page)\./, ""),
                })
              : error;
          return failWith(named, request, instance);
        }
      }
      case "getTicket": {
        const refused = await mayRead({ kind: "ticket", ticketId: ticketId as string });
        if (refused) return refused;
        const row = await desk.queries.getTicket(principal.tenant, ticketId as string, now());
        if (row === null) return badTicket();
        const tag = etag(row.version);
        const headers = { etag: tag, "cache-control": "no-cache" };
        if (
          request.headers
            .get("if-none-match")
            ?.split(",")
            .some((v) => v.trim() === tag || v.trim() === "*")
        ) {
          return new Response(null, { status: 304, headers });
        }
        return json(200, encodeRow(row), headers);
      }
      case "getCustomerView": {
        const refused = await mayRead({ kind: "customer-view", ticketId: ticketId as string });
        if (refused) return refused;
        const view = await readCustomerTicketView(desk.store as EventStore, principal.tenant, ticketId as string);
        if (view === null) return badTicket();
        // No ETag: the stream version would show staff-only activity (an internal note) to the customer.
        return json(200, encodeCustomerView(view), { "cache-control": "no-store" });
      }
    }
  };

  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return fail({ code: "ROUTE_NOT_FOUND", detail: "the request URL cannot be parsed", instance: "" });
    }
    const instance = url.pathname;
    try {
      if (basePath !== "" && url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) {
        return fail({ code: "ROUTE_NOT_FOUND", detail: `no route ${url.pathname}`, instance });
      }
      const principal = await authenticate(request);
      if (principal instanceof Response) return principal;
      if (!isTenantId(principal.tenant)) {
        return failWith(
          new Error(
            `authenticate returned tenant ${JSON.stringify(principal.tenant)}, which breaks the tenant id rule`,
          ),
          request,
          instance,
        );
      }
      return await route(request, url, principal);
    } catch (error) {
      return failWith(error, request, instance);
    }
  };
};
