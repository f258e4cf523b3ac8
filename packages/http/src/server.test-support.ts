/**
 * The in-memory desk for the adapter's tests, and a real loopback server
 * (node:http on 127.0.0.1, port 0) running the handler through `toNodeListener`.
 */
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { decodePolicy, type Policy } from "@ticketfold/core";
import { createInMemoryDesk } from "@ticketfold/store-memory";
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

/** The instant every test request is handled at (a Monday, 10:30 in Berlin, in opening hours). */
export const NOW = Date.parse("2025-03-03T09:30:00Z");

const policyOf = (): Policy => {
  const decoded = decodePolicy(POLICY_JSON);
  if (E.isLeft(decoded)) throw new Error(decoded.left.message);
  return decoded.right;
};

/**
 * The in-memory desk (`createInMemoryDesk`: the core's `createDesk` on the in-memory store),
 * typed as the adapter's `HttpDesk`, which is the check that a real desk fits the adapter.
 * Its workers are not started: the tests drive commands and reads only.
 */
export const createTestDesk = (): HttpDesk => createInMemoryDesk({ policies: policyOf(), clock: () => NOW });

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
    now: () => NOW,
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
