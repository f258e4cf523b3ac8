/**
 * The service's HTTP side on node:http. The ticket API is `@ticketfold/http`'s handler
 * (`createHttpHandler`, mounted under `/api` with `toNodeListener`): `POST /api/tickets`,
 * `POST /api/tickets/{id}/commands`, `GET /api/tickets`, `GET /api/tickets/{id}` and
 * `GET /api/tickets/{id}/customer-view`, with its ETag/If-Match, Idempotency-Key and RFC 9457
 * problems; the agent is named by the `X-Help-Desk-Agent` header (`authenticate`). In front of
 * it, a thin router keeps what the handler does not do: the board's page and bundle, its
 * composite views (`/api/overview`, `/api/queue`, `/api/board/tickets/{id}`), the customer
 * portal, the policy choice, `/api/events` (Server-Sent Events fed by the store's
 * subscription) and the test clock's endpoint (only when the desk runs on a test clock).
 * Everything else under `/api` goes to the handler.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type Actor, decodeWith, type HandlerError, parseDuration } from "@ticketfold/core";
import type { HookReceiver, MailCatcher } from "@ticketfold/example-email-desk/peers";
import { type Authenticate, createHttpHandler, PROBLEM_CONTENT_TYPE, problemFromError } from "@ticketfold/http";
import { toNodeListener } from "@ticketfold/http/node";
import * as E from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import type { BoardAssets } from "./board-build.js";
import { boardRow, PAGE, queueFilter } from "./board-views.js";
import type { HelpDesk } from "./desk.js";
import { openingData } from "./opening.js";
import { agents, customerById, deskPolicies, organisationOf, organisations, TENANT } from "./organisations.js";

export interface HttpOptions {
  readonly desk: HelpDesk;
  readonly assets: BoardAssets;
  readonly peers?: { readonly mail: MailCatcher; readonly hooks: HookReceiver };
  readonly port?: number;
  readonly host?: string;
}

export interface HttpService {
  readonly url: string;
  close(): Promise<void>;
}

/** A refusal of the thin router's own (the handler answers its routes with its own problems). */
class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** An RFC 9457 body for the router's own codes, shaped as the handler's are. */
const problemBody = (status: number, code: string, detail: string, instance: string) => ({
  type: `urn:ticketfold:help-desk:${code.toLowerCase().replaceAll("_", "-")}`,
  title: code.toLowerCase().replaceAll("_", " "),
  status,
  detail,
  instance,
  code,
});

/** The header that names the agent on the ticket API (the example's stand-in for a sign-in). */
export const AGENT_HEADER = "x-help-desk-agent";

/** The handler's `authenticate`: the agent the header names, in the desk's one tenant; else 401. */
const agentFromHeader: Authenticate = (request) => {
  const id = request.headers.get(AGENT_HEADER);
  const agent = agents.find((a) => a.id === id);
  if (agent) return { tenant: TENANT, actor: agent };
  const path = new URL(request.url).pathname;
  const detail = `name an agent in ${AGENT_HEADER} (one of ${agents.map((a) => a.id).join(", ")}); got ${JSON.stringify(id)}`;
  return new Response(JSON.stringify(problemBody(401, "UNKNOWN_AGENT", detail, path)), {
    status: 401,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, "www-authenticate": `${AGENT_HEADER} realm="help-desk"` },
  });
};

const ReplyBodyC = t.type({ body: t.string });
const OpenBodyC = t.intersection([
  t.type({ subject: t.string, description: t.string }),
  t.partial({ priority: t.string }),
]);
const ChooseBodyC = t.type({ policyId: t.string });
const ClockBodyC = t.type({ advance: t.string });

const decodeBody = <A>(codec: t.Type<A, unknown, unknown>, what: string, body: unknown): A => {
  const decoded = decodeWith(codec, what)(body);
  if (E.isLeft(decoded)) throw new Problem(400, decoded.left.code, decoded.left.message);
  return decoded.right;
};

const readJson = async (req: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Problem(413, "BODY_TOO_LARGE", "the body is larger than 64 KiB");
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new Problem(400, "INVALID_JSON", "the body is not JSON");
  }
};

const send = (res: ServerResponse, status: number, body: unknown, type = "application/json") => {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "content-type": `${type}; charset=utf-8`, "cache-control": "no-store" });
  res.end(text);
};

/** A core refusal (a portal command's) as the handler's problem for it: one mapping of codes. */
class CoreProblem extends Error {
  constructor(readonly error: HandlerError) {
    super(error.message);
  }
}

export const startHttp = async (options: HttpOptions): Promise<HttpService> => {
  const { desk, assets } = options;
  const streams = new Set<ServerResponse>();
  const unsubscribe = desk.onChange((change) => {
    const data = JSON.stringify({ ...change, now: desk.clock.now() });
    for (const res of streams) res.write(`event: change\ndata: ${data}\n\n`);
  });
  const keepAlive = setInterval(() => {
    for (const res of streams) res.write(": keep-alive\n\n");
  }, 15_000);

  const ticketApi = toNodeListener(
    createHttpHandler({ desk: desk.http, authenticate: agentFromHeader, basePath: "/api" }),
  );
  const customerActor = (id: string): Actor => {
    const who = customerById(id);
    if (!who) throw new Problem(404, "UNKNOWN_CUSTOMER", `no customer "${id}"`);
    return { kind: "requester", id, name: who.person.name, organisation: who.organisation.name };
  };
  const handled = async (res: ServerResponse, result: Awaited<ReturnType<HelpDesk["command"]>>) => {
    if (E.isLeft(result)) throw new CoreProblem(result.left);
    send(res, 200, result.right);
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    const method = req.method ?? "GET";
    const parts = path.split("/").filter(Boolean).map(decodeURIComponent);

    if (method === "GET" && (path === "/" || path === "/index.html")) return send(res, 200, PAGE, "text/html");
    if (method === "GET" && path === "/assets/board.js") return send(res, 200, assets.js, "text/javascript");
    if (method === "GET" && path === "/assets/board.css") return send(res, 200, assets.css, "text/css");
    if (parts[0] !== "api") throw new Problem(404, "NOT_FOUND", `no page at ${path}`);

    if (method === "GET" && path === "/api/events") {
      res.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-store",
        connection: "keep-alive",
      });
      res.write(`event: hello\ndata: ${JSON.stringify({ now: desk.clock.now() })}\n\n`);
      streams.add(res);
      req.on("close", () => streams.delete(res));
      return;
    }
    if (method === "GET" && path === "/api/overview")
      return send(res, 200, {
        now: desk.clock.now(),
        frozen: desk.clock.frozen,
        database: desk.database,
        tenant: TENANT,
        organisations: organisations.map((o) => ({ ...o, policyId: desk.policies.policyOf(o.name) ?? o.policyId })),
        policies: deskPolicies.map((p) => ({ id: p.id, name: p.name, priorities: p.priorities.levels })),
        agents,
        peers: options.peers
          ? {
              mails: options.peers.mail.mails.length,
              hooks: options.peers.hooks.received.length,
              verified: options.peers.hooks.received.filter((h) => h.verified).length,
            }
          : null,
      });
    if (method === "GET" && path === "/api/mail")
      return send(res, 200, {
        mails: (options.peers?.mail.mails ?? []).slice(-50).map((m) => ({ to: m.to, subject: m.subject })),
        hooks: (options.peers?.hooks.received ?? []).slice(-50),
      });
    if (method === "GET" && path === "/api/queue") {
      const rows = await desk.list(queueFilter(url.searchParams));
      return send(res, 200, { now: desk.clock.now(), rows: rows.map(boardRow) });
    }
    if (method === "GET" && parts[1] === "board" && parts[2] === "tickets" && parts.length === 4) {
      const id = parts[3] as string;
      const detail = await desk.ticket(id);
      if (detail === null) throw new Problem(404, "NO_SUCH_TICKET", `no ticket ${id}`);
      return send(res, 200, { now: desk.clock.now(), ...detail, row: boardRow(detail.row) });
    }
    if (parts[1] === "portal" && parts[2] !== undefined) {
      const customer = parts[2];
      const who = customerById(customer);
      if (!who) throw new Problem(404, "UNKNOWN_CUSTOMER", `no customer "${customer}"`);
      if (method === "GET" && parts.length === 3) {
        const lists = await desk.portal(customer);
        return send(res, 200, {
          now: desk.clock.now(),
          customer: who.person,
          organisation: who.organisation.name,
          mine: lists?.mine ?? [],
          organisationTickets: lists?.organisation ?? [],
        });
      }
      if (method === "POST" && parts[3] === "tickets" && parts.length === 4) {
        const body = decodeBody(OpenBodyC, "new request", await readJson(req));
        const ticketId = desk.newTicketId();
        const data = openingData(who.organisation, who.person, body);
        const result = await desk.command(ticketId, customerActor(customer), "open", data);
        if (E.isLeft(result)) throw new CoreProblem(result.left);
        return send(res, 201, { ticketId, version: result.right.version });
      }
      if (parts[3] === "tickets" && parts[4] !== undefined) {
        const id = parts[4];
        if (method === "GET" && parts.length === 5) {
          const view = await desk.portalTicket(customer, id);
          if (view === null) throw new Problem(404, "NO_SUCH_TICKET", `no ticket ${id} for ${customer}`);
          return send(res, 200, { now: desk.clock.now(), ...(view as object) });
        }
        if (method === "POST" && parts[5] === "reply") {
          const body = decodeBody(ReplyBodyC, "reply", await readJson(req));
          if ((await desk.portalTicket(customer, id)) === null)
            throw new Problem(404, "NO_SUCH_TICKET", `no ticket ${id} for ${customer}`);
          return handled(res, await desk.command(id, customerActor(customer), "comment", { body: body.body }));
        }
        if (method === "POST" && parts[5] === "escalate") {
          if ((await desk.portalTicket(customer, id)) === null)
            throw new Problem(404, "NO_SUCH_TICKET", `no ticket ${id} for ${customer}`);
          return handled(res, await desk.command(id, customerActor(customer), "request-escalation", {}));
        }
      }
    }
    if (method === "PUT" && parts[1] === "organisations" && parts[2] !== undefined) {
      const body = decodeBody(ChooseBodyC, "policy choice", await readJson(req));
      if (organisationOf(parts[2]) === undefined)
        throw new Problem(404, "UNKNOWN_ORGANISATION", `no organisation "${parts[2]}"`);
      const refused = desk.policies.choose(parts[2], body.policyId);
      if (refused) throw new Problem(400, "UNKNOWN_POLICY", refused);
      desk.announce({ kind: "tickets", ids: [] });
      return send(res, 200, { organisation: parts[2], policyId: body.policyId });
    }
    if (method === "POST" && path === "/api/test/clock") {
      if (!desk.clock.frozen)
        throw new Problem(404, "NO_TEST_CLOCK", "the desk runs on the wall clock (start it with HELP_DESK_CLOCK)");
      const body = decodeBody(ClockBodyC, "clock move", await readJson(req));
      const ms = parseDuration(body.advance);
      if (ms === undefined)
        throw new Problem(400, "INVALID_DURATION", `"${body.advance}" is not a duration (e.g. 2h30m)`);
      desk.clock.advance(ms);
      const settled = await desk.settle();
      desk.announce({ kind: "clock" });
      return send(res, 200, { now: desk.clock.now(), ...settled });
    }
    // The ticket API, and its problems for anything else under /api.
    ticketApi(req, res);
  };

  const server: Server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      const instance = new URL(req.url ?? "/", "http://localhost").pathname;
      const body =
        error instanceof CoreProblem
          ? problemFromError(error.error, instance)
          : error instanceof Problem
            ? problemBody(error.status, error.code, error.message, instance)
            : problemBody(500, "INTERNAL_ERROR", "the request could not be handled", instance);
      if (!(error instanceof Problem || error instanceof CoreProblem)) console.error("help desk:", error);
      if (res.headersSent) return void res.end();
      res.writeHead(body.status, { "content-type": PROBLEM_CONTENT_TYPE });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}/`,
    async close() {
      unsubscribe();
      clearInterval(keepAlive);
      for (const res of streams) res.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
