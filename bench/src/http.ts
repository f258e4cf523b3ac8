/**
 * HTTP adapter benchmark: loopback throughput of `@ticketfold/http` (node:http on 127.0.0.1
 * through `toNodeListener`, Node's own `fetch` with keep-alive as the client) for a command
 * (`POST /tickets`, opening a ticket) and a list query (`GET /tickets`, a page of 50 rows with
 * live SLA out of 2,000 tickets), against calling the same desk directly in the same run, one
 * request at a time and 16 in flight. On the in-memory store, so the figure is the adapter's
 * cost (HTTP parsing, body limits and io-ts decoding, JSON both ways) over the desk's
 * (`createInMemoryDesk`: the notifying handler, the in-memory ticket list).
 *
 * Run alone: `npx tsx --conditions=@ticketfold/source src/http.ts` (from bench/).
 */
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { decodeCommand, decodePolicy, formatInstant, type TicketCommand } from "@ticketfold/core";
import { createHttpHandler, newUlid } from "@ticketfold/http";
import { toNodeListener } from "@ticketfold/http/node";
import { createInMemoryDesk } from "@ticketfold/store-memory";

const PRELOAD = 2_000;
const COMMANDS = 400;
const LISTS = 200;
const ROUNDS = 3;
const PARALLEL = 16;
const NOW = Date.parse("2025-03-05T10:00:00Z");

const policyJson = {
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
      week: Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((d) => [d, [["09:00", "18:00"]]])),
    },
  },
  sla: {
    metrics: {
      response: { targets: { high: "1h", low: "8h" }, calendar: "office" },
      resolution: { targets: { high: "8h", low: "3d" }, calendar: "office" },
    },
  },
};

const data = {
  subject: "VPN drops every ten minutes",
  description: "Since this morning, for the whole sales team.",
  category: "incident",
  channel: "email",
  requester: { id: "c-17", email: "kim@example.com" },
  organisation: "Acme",
  priority: "high",
};
const actor = { kind: "requester", id: "c-17" } as const;

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Runs `n` calls of `f`, `parallel` at a time; answers calls per second. */
const throughput = async (n: number, parallel: number, f: (i: number) => Promise<unknown>): Promise<number> => {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < n) await f(next++);
    }),
  );
  return n / ((performance.now() - t0) / 1000);
};

export const benchHttp = async (): Promise<string[]> => {
  const policy = decodePolicy(policyJson);
  if (policy._tag === "Left") throw new Error(policy.left.message);
  // The desk's workers are not started: both sides measure handling and reading only.
  const desk = createInMemoryDesk({ policies: policy.right, clock: () => NOW });
  const openCommand = (): TicketCommand => {
    const c = decodeCommand({
      type: "open",
      ticketId: newUlid(),
      tenantId: "acme",
      at: formatInstant(NOW),
      actor,
      data,
    });
    if (c._tag === "Left") throw new Error(c.left.message);
    return c.right;
  };
  for (let i = 0; i < PRELOAD; i++) await desk.handle(openCommand());

  const handler = createHttpHandler({ desk, authenticate: () => ({ tenant: "acme", actor }), now: () => NOW });
  const server = createServer(toNodeListener(handler));
  server.keepAliveTimeout = 30_000;
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const directCommand = async () => {
    const r = await desk.handle(openCommand());
    if (r._tag === "Left") throw new Error(r.left.message);
  };
  const body = JSON.stringify({ data });
  const httpCommand = async () => {
    const r = await fetch(`${base}/tickets`, { method: "POST", headers: { "content-type": "application/json" }, body });
    if (r.status !== 201) throw new Error(`POST /tickets answered ${r.status}: ${await r.text()}`);
    await r.arrayBuffer();
  };
  const directList = async () => {
    const page = await desk.queries.listTickets("acme", { organisation: "Acme" }, { now: NOW, limit: 50 });
    if (page.rows.length !== 50) throw new Error("short page");
  };
  const httpList = async () => {
    const r = await fetch(`${base}/tickets?organisation=Acme&limit=50`);
    if (r.status !== 200) throw new Error(`GET /tickets answered ${r.status}`);
    await r.json();
  };
  // The floor: a bare node:http server that answers 204 to anything, over the same client.
  const bare = createServer((_req, res) => {
    res.writeHead(204);
    res.end();
  });
  bare.listen(0, "127.0.0.1");
  await once(bare, "listening");
  const bareBase = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
  const bareRequest = async () => {
    const r = await fetch(bareBase, { method: "POST", headers: { "content-type": "application/json" }, body });
    await r.arrayBuffer();
  };
  await throughput(50, 4, bareRequest);
  await throughput(50, 4, httpCommand); // warm-up: JIT, sockets
  await throughput(50, 4, httpList);

  const lines = [
    `http: loopback (node:http on 127.0.0.1, fetch keep-alive), in-memory desk with ${PRELOAD.toLocaleString("en")}+ tickets; median of ${ROUNDS} rounds`,
  ];
  const cases: [string, number, () => Promise<unknown>, () => Promise<unknown>][] = [
    ["command (open a ticket)", COMMANDS, directCommand, httpCommand],
    ["list query (page of 50 with live SLA)", LISTS, directList, httpList],
  ];
  for (const parallel of [1, PARALLEL]) {
    const b: number[] = [];
    for (let r = 0; r < ROUNDS; r++) b.push(await throughput(COMMANDS, parallel, bareRequest));
    lines.push(`http: floor, a bare node:http server answering 204, ${parallel} in flight: ${median(b).toFixed(0)}/s`);
  }
  for (const [name, n, direct, http] of cases) {
    for (const parallel of [1, PARALLEL]) {
      const d: number[] = [];
      const h: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        d.push(await throughput(n, parallel, direct));
        h.push(await throughput(n, parallel, http));
      }
      const [core, over] = [median(d), median(h)];
      lines.push(
        `http: ${name}, ${parallel} in flight: over HTTP ${over.toFixed(0)}/s, core direct ${core.toFixed(0)}/s; HTTP at ${((over / core) * 100).toFixed(0)} % of direct (direct ${(core / over).toFixed(1)}× faster)`,
      );
    }
  }
  for (const s of [server, bare]) {
    s.closeAllConnections();
    s.close();
  }
  return lines;
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const l of await benchHttp()) console.log(l);
}
