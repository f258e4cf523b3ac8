/**
 * A desk for the adapter's tests, wired by hand from the core's command handler and the
 * in-memory store and ticket list (the shape `createDesk` returns), and a real loopback server
 * (node:http on 127.0.0.1, port 0) running the handler through `toNodeListener`.
 */
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  ConcurrencyConflict,
  compilePolicy,
  decodePolicy,
  type HandlerError,
  handleCommand,
  loadTicket,
  type Policy,
  singlePolicy,
} from "@ticketfold/core";
import { createInMemoryEventStore, createInMemoryTicketQueries } from "@ticketfold/store-memory";
import * as E from "fp-ts/lib/Either.js";
import { createHttpHandler, type HttpDesk, type HttpHandlerOptions } from "./handler.js";
import { toNodeListener } from "./node.js";

export const POLICY_JSON = {
  id: "desk",
  name: "Business-hours desk",
  priorities: {
    levels: [
      { id: "high", name: "High" },
      { id: "low", name: "Low" },
    ],
    default: "low",
  },
  calendars: {
    office: {
      id: "office",
      version: 1,
      timeZone: "Europe/Berlin",
      week: {
        mon: [["09:00", "18:00"]],
        tue: [["09:00", "18:00"]],
        wed: [["09:00", "18:00"]],
        thu: [["09:00", "18:00"]],
        fri: [["09:00", "18:00"]],
      },
    },
  },
  sla: {
    metrics: {
      response: { targets: { high: "1h", low: "8h" }, calendar: "office" },
      resolution: { targets: { high: "8h", low: "3d" }, calendar: "office" },
    },
  },
};

export const openData = (overrides: Record<string, unknown> = {}) => ({
  subject: "VPN drops every ten minutes",
  description: "Since this morning, for the whole sales team.",
  category: "incident",
  channel: "email",
  requester: { id: "c-17", email: "kim@example.com" },
  organisation: "Acme",
  priority: "high",
  ...overrides,
});

const policyOf = (): Policy => {
  const decoded = decodePolicy(POLICY_JSON);
  if (E.isLeft(decoded)) throw new Error(decoded.left.message);
  return decoded.right;
};

/** The desk's shape from the core's handler: `expectedVersion` checked against the stream first (a replay still wins). */
export const createTestDesk = (): HttpDesk => {
  const policy = policyOf();
  const compiled = compilePolicy(policy);
  if (E.isLeft(compiled)) throw new Error(compiled.left.message);
  const store = createInMemoryEventStore();
  const queries = createInMemoryTicketQueries(store, {
    policies: (id) => (id === policy.id ? compiled.right : undefined),
  });
  const policies = singlePolicy(policy);
  return {
    store,
    queries,
    async handle(command, options = {}) {
      const withId = options.commandId === undefined ? command : { ...command, commandId: options.commandId };
      const expected = options.expectedVersion;
      const version =
        expected === undefined ? expected : (await loadTicket(store, command.tenantId, command.ticketId)).version;
      const moved = expected !== undefined && version !== expected;
      return handleCommand(store, policies, withId as typeof command, {
        // A decision is only reached when the command is not a replay: then a moved ticket refuses.
        ...(moved
          ? {
              decide: () =>
                E.left(
                  new ConcurrencyConflict(
                    command.tenantId,
                    command.ticketId,
                    expected,
                    version ?? 0,
                  ) as unknown as HandlerError,
                ) as never,
            }
          : {}),
      });
    },
  };
};

export interface TestServer {
  readonly url: string;
  readonly server: Server;
  readonly desk: HttpDesk;
  close(): Promise<void>;
}

/** A loopback server over the test desk; `who` is the principal every request signs in as (or a 401). */
export const startServer = async (
  options: Partial<HttpHandlerOptions> = {},
  desk: HttpDesk = createTestDesk(),
): Promise<TestServer> => {
  const handler = createHttpHandler({
    desk,
    authenticate: (request) => {
      const tenant = request.headers.get("x-tenant");
      if (tenant === null) return new Response(null, { status: 401, headers: { "www-authenticate": "Bearer" } });
      return {
        tenant,
        actor: {
          kind: request.headers.get("x-actor") === "agent" ? "agent" : "requester",
          id: request.headers.get("x-actor") === "agent" ? "agent-1" : "c-17",
        },
      };
    },
    now: () => Date.parse("2025-03-03T09:30:00Z"),
    onError: () => {},
    ...options,
  });
  const server = createServer(toNodeListener(handler));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    desk,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
