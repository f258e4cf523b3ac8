/**
 * The adapter over a real loopback server: opening, commands, reads, ETag/If-Match,
 * Idempotency-Key, the tenant from the auth hook, pagination, the customer view, and the
 * problem details of refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDesk, openData, startServer, type TestServer } from "./server.test-support.js";

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(() => s.close());

const TENANT = { "x-tenant": "acme" };
const AGENT = { "x-tenant": "acme", "x-actor": "agent" };
const JSON_TYPE = { "content-type": "application/json" };

const post = (path: string, body: unknown, headers: Record<string, string> = TENANT) =>
  fetch(`${s.url}${path}`, { method: "POST", headers: { ...JSON_TYPE, ...headers }, body: JSON.stringify(body) });
const get = (path: string, headers: Record<string, string> = TENANT) => fetch(`${s.url}${path}`, { headers });

const open = async (data: Record<string, unknown> = {}, headers: Record<string, string> = TENANT) => {
  const r = await post("/tickets", { data: openData(data) }, headers);
  expect(r.status).toBe(201);
  return (await r.json()) as { ticketId: string; version: number };
};

describe("opening and commands", () => {
  it("opens a ticket: 201, Location, ETag, the recorded events", async () => {
    const r = await post("/tickets", { data: openData() });
    expect(r.status).toBe(201);
    const body = (await r.json()) as {
      ticketId: string;
      version: number;
      replayed: boolean;
      events: { type: string }[];
    };
    expect(body.ticketId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(r.headers.get("location")).toBe(`/tickets/${body.ticketId}`);
    expect(r.headers.get("etag")).toBe('"1"');
    expect(body).toMatchObject({ version: 1, replayed: false });
    expect(body.events.map((e) => e.type)).toEqual(["opened"]);
  });

  it("takes the tenant and actor from authentication: another tenant does not see the ticket", async () => {
    const { ticketId } = await open();
    expect((await get(`/tickets/${ticketId}`)).status).toBe(200);
    const other = await get(`/tickets/${ticketId}`, { "x-tenant": "globex" });
    expect(other.status).toBe(404);
    expect(other.headers.get("content-type")).toBe("application/problem+json");
    expect(await other.json()).toMatchObject({
      code: "TICKET_NOT_FOUND",
      status: 404,
      instance: `/tickets/${ticketId}`,
    });
  });

  it("refuses a body that names the tenant, the actor or the command id", async () => {
    const r = await post("/tickets", { data: openData(), tenantId: "globex", actor: { kind: "agent", id: "x" } });
    expect(r.status).toBe(422);
    const p = (await r.json()) as { code: string; errors: { path: string; pointer: string; detail: string }[] };
    expect(p.code).toBe("INVALID_BODY");
    expect(p.errors.map((e) => e.path).sort()).toEqual(["actor", "tenantId"]);
    expect(p.errors.find((e) => e.path === "tenantId")?.detail).toMatch(/authentication/);
  });

  it("answers the auth hook's Response when it refuses", async () => {
    const r = await fetch(`${s.url}/tickets`);
    expect(r.status).toBe(401);
    expect(r.headers.get("www-authenticate")).toBe("Bearer");
  });

  it("handles a command: 200 and the new ETag", async () => {
    const { ticketId } = await open();
    const r = await post(`/tickets/${ticketId}/commands`, { type: "accept" }, AGENT);
    expect(r.status).toBe(200);
    expect(r.headers.get("etag")).toBe('"2"');
    expect(await r.json()).toMatchObject({ ticketId, version: 2, replayed: false, events: [{ type: "accepted" }] });
  });

  it("maps domain refusals to problem details: 409 ILLEGAL_TRANSITION with its fields, 403 NOT_PERMITTED", async () => {
    const { ticketId } = await open();
    const r = await post(`/tickets/${ticketId}/commands`, { type: "reopen" }, AGENT);
    expect(r.status).toBe(409);
    const p = (await r.json()) as Record<string, unknown>;
    expect(p).toMatchObject({
      type: "urn:ticketfold:problem:illegal-transition",
      title: "Not allowed in the ticket's status",
      status: 409,
      code: "ILLEGAL_TRANSITION",
      instance: `/tickets/${ticketId}/commands`,
    });
    expect(p.allowedFrom).toEqual(expect.arrayContaining(["resolved"]));
    const refused = await post(`/tickets/${ticketId}/commands`, { type: "accept" });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "NOT_PERMITTED" });
  });

  it("names the bad path of an invalid payload (422 INVALID_COMMAND)", async () => {
    const { ticketId } = await open();
    const r = await post(`/tickets/${ticketId}/commands`, { type: "assign", data: { assignee: 7 } }, AGENT);
    expect(r.status).toBe(422);
    const p = (await r.json()) as { code: string; errors: { path: string; pointer: string }[] };
    expect(p.code).toBe("INVALID_COMMAND");
    expect(p.errors[0]).toMatchObject({ path: "data.assignee", pointer: "/data/assignee" });
  });

  it("a command on a ticket that does not exist is 404; an id that is no ULID too", async () => {
    expect((await post("/tickets/01JNDG9Q000000000000000099/commands", { type: "accept" }, AGENT)).status).toBe(404);
    expect((await post("/tickets/nope/commands", { type: "accept" }, AGENT)).status).toBe(404);
  });
});

describe("optimistic concurrency (ETag, If-Match)", () => {
  it("a command with the current ETag goes through; with a stale one it is 412 with the current version", async () => {
    const { ticketId } = await open();
    const ok = await post(`/tickets/${ticketId}/commands`, { type: "accept" }, { ...AGENT, "if-match": '"1"' });
    expect(ok.status).toBe(200);
    const stale = await post(
      `/tickets/${ticketId}/commands`,
      { type: "assign", data: { assignee: "agent-1" } },
      { ...AGENT, "if-match": '"1"' },
    );
    expect(stale.status).toBe(412);
    expect(stale.headers.get("etag")).toBe('"2"');
    expect(await stale.json()).toMatchObject({ code: "CONCURRENCY_CONFLICT", status: 412, currentVersion: 2 });
    const row = await get(`/tickets/${ticketId}`);
    expect(row.headers.get("etag")).toBe('"2"');
  });

  it("a malformed If-Match is 412; a weak tag never matches", async () => {
    const { ticketId } = await open();
    for (const tag of ["1", 'W/"1"', '"1", "2"']) {
      const r = await post(`/tickets/${ticketId}/commands`, { type: "accept" }, { ...AGENT, "if-match": tag });
      expect(r.status, tag).toBe(412);
    }
  });

  it("GET answers 304 to a matching If-None-Match", async () => {
    const { ticketId } = await open();
    const r = await get(`/tickets/${ticketId}`, { ...TENANT, "if-none-match": '"1"' });
    expect(r.status).toBe(304);
    expect(r.headers.get("etag")).toBe('"1"');
  });

  it("with requireIfMatch, a command without If-Match is 428 (opening needs none)", async () => {
    const strict = await startServer({ requireIfMatch: true });
    try {
      const r = await fetch(`${strict.url}/tickets`, {
        method: "POST",
        headers: { ...JSON_TYPE, ...TENANT },
        body: JSON.stringify({ data: openData() }),
      });
      expect(r.status).toBe(201);
      const { ticketId } = (await r.json()) as { ticketId: string };
      const cmd = (h: Record<string, string>) =>
        fetch(`${strict.url}/tickets/${ticketId}/commands`, {
          method: "POST",
          headers: { ...JSON_TYPE, ...AGENT, ...h },
          body: '{"type":"accept"}',
        });
      expect((await cmd({})).status).toBe(428);
      expect((await cmd({ "if-match": '"1"' })).status).toBe(200);
    } finally {
      await strict.close();
    }
  });
});

describe("Idempotency-Key", () => {
  it("a retry answers as the first request did, with the same status, and records nothing new", async () => {
    const { ticketId } = await open();
    const send = () =>
      post(`/tickets/${ticketId}/commands`, { type: "accept" }, { ...AGENT, "idempotency-key": "k-accept-1" });
    const first = await send();
    const again = await send();
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const [a, b] = (await Promise.all([first.json(), again.json()])) as { version: number; replayed: boolean }[];
    expect(b).toEqual({ ...a, replayed: true });
    expect((await get(`/tickets/${ticketId}`)).headers.get("etag")).toBe('"2"');
  });

  it("a retried open with its own ticket id and key answers 201 again", async () => {
    const body = { ticketId: "01JNDG9Q0000000000000000AB", data: openData() };
    const h = { ...TENANT, "idempotency-key": '"open-ab"' };
    const first = await post("/tickets", body, h);
    const again = await post("/tickets", body, h);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
  });

  it("the key reused with another body is 422 COMMAND_ID_REUSED", async () => {
    const { ticketId } = await open();
    const h = { ...AGENT, "idempotency-key": "k-reused" };
    expect((await post(`/tickets/${ticketId}/commands`, { type: "accept" }, h)).status).toBe(200);
    const r = await post(`/tickets/${ticketId}/commands`, { type: "assign", data: { assignee: "agent-1" } }, h);
    expect(r.status).toBe(422);
    expect(await r.json()).toMatchObject({ code: "COMMAND_ID_REUSED", commandId: "k-reused" });
  });

  it("a key outside the command id rule is 400", async () => {
    const { ticketId } = await open();
    const r = await post(
      `/tickets/${ticketId}/commands`,
      { type: "accept" },
      { ...AGENT, "idempotency-key": "has space" },
    );
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ code: "INVALID_HEADER" });
  });
});

describe("reads", () => {
  it("lists with filters and cursor pagination (Link rel=next)", async () => {
    const tenant = { "x-tenant": "paging" };
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await open({ subject: `Ticket ${i}` }, tenant)).ticketId);
    await open({ organisation: "Globex" }, tenant);
    const seen: string[] = [];
    let next: string | null = "/tickets?organisation=Acme&limit=2";
    let pages = 0;
    while (next !== null && pages < 5) {
      const r = await get(next, tenant);
      expect(r.status).toBe(200);
      const page = (await r.json()) as {
        rows: { ticketId: string; sla: Record<string, { deadline: string }> }[];
        nextCursor: string | null;
      };
      seen.push(...page.rows.map((row) => row.ticketId));
      const link = r.headers.get("link");
      next = link === null ? null : (/^<([^>]+)>; rel="next"$/.exec(link)?.[1] ?? null);
      expect(next === null).toBe(page.nextCursor === null);
      pages++;
    }
    expect(seen.sort()).toEqual([...ids].sort());
    expect(pages).toBe(2);
  });

  it("a row carries its live SLA with ISO instants", async () => {
    const { ticketId } = await open();
    const row = (await (await get(`/tickets/${ticketId}`)).json()) as Record<string, unknown> & {
      sla: Record<string, Record<string, unknown>>;
    };
    expect(row).toMatchObject({ ticketId, status: "new", version: 1, openedAt: "2025-03-03T09:30:00.000Z" });
    expect(row.sla.response).toMatchObject({ state: "running", deadline: "2025-03-03T10:30:00.000Z" });
  });

  it("refuses bad query parameters with their names", async () => {
    const unknown = await get("/tickets?colour=blue");
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ code: "INVALID_QUERY", errors: [{ path: "colour" }] });
    const status = await get("/tickets?status=new,lost");
    expect(status.status).toBe(400);
    expect(await status.json()).toMatchObject({ code: "INVALID_QUERY", errors: [{ path: "status[1]" }] });
    const limit = await get("/tickets?limit=0");
    expect(await limit.json()).toMatchObject({ code: "INVALID_QUERY", errors: [{ path: "limit" }] });
    const cursor = await get("/tickets?cursor=forged");
    expect(cursor.status).toBe(400);
    expect(await cursor.json()).toMatchObject({ code: "INVALID_CURSOR" });
  });

  it("the customer view leaves out internal notes", async () => {
    const { ticketId } = await open();
    const note = { type: "comment", data: { body: "Customer is difficult", visibility: "internal" } };
    expect((await post(`/tickets/${ticketId}/commands`, note, AGENT)).status).toBe(200);
    const reply = { type: "comment", data: { body: "We are on it", visibility: "public" } };
    expect((await post(`/tickets/${ticketId}/commands`, reply, AGENT)).status).toBe(200);
    const r = await get(`/tickets/${ticketId}/customer-view`);
    expect(r.status).toBe(200);
    expect(r.headers.get("etag")).toBeNull();
    const view = (await r.json()) as { history: { type: string; data: { body?: string } }[] };
    expect(JSON.stringify(view)).not.toContain("difficult");
    expect(view.history.map((h) => h.type)).toEqual(["opened", "commented"]);
  });

  it("authorizeRead refuses with 403", async () => {
    const guarded = await startServer({ authorizeRead: (p, read) => read.kind !== "list" || p.actor.kind === "agent" });
    try {
      expect((await fetch(`${guarded.url}/tickets`, { headers: TENANT })).status).toBe(403);
      expect((await fetch(`${guarded.url}/tickets`, { headers: AGENT })).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});

describe("routing", () => {
  it("an unknown route is a 404 problem; a known one with another method is 405 with Allow", async () => {
    const r = await get("/nowhere");
    expect(r.status).toBe(404);
    expect(await r.json()).toMatchObject({ code: "ROUTE_NOT_FOUND" });
    const m = await fetch(`${s.url}/tickets/01JNDG9Q000000000000000001`, { method: "DELETE", headers: TENANT });
    expect(m.status).toBe(405);
    expect(m.headers.get("allow")).toBe("GET");
  });

  it("stamps commands with the desk's clock when the handler is given no now", async () => {
    const at = Date.parse("2025-03-04T12:00:00Z");
    const desk = createTestDesk();
    const clocked = await startServer({ now: undefined as never }, { ...desk, clock: () => at });
    try {
      const r = await fetch(`${clocked.url}/tickets`, {
        method: "POST",
        headers: { ...JSON_TYPE, ...TENANT },
        body: JSON.stringify({ data: openData() }),
      });
      expect(await r.json()).toMatchObject({ events: [{ type: "opened", at: "2025-03-04T12:00:00.000Z" }] });
    } finally {
      await clocked.close();
    }
  });

  it("serves under a base path", async () => {
    const based = await startServer({ basePath: "/api/v1/" });
    try {
      expect((await fetch(`${based.url}/api/v1/tickets`, { headers: TENANT })).status).toBe(200);
      expect((await fetch(`${based.url}/tickets`, { headers: TENANT })).status).toBe(404);
    } finally {
      await based.close();
    }
  });

  it("a store failure is a 500 problem without its message, and goes to onError", async () => {
    const errors: unknown[] = [];
    const failing = await startServer({
      onError: (e) => errors.push(e),
      desk: {
        handle: async () => {
          throw new Error("connection to db-7.internal lost");
        },
        queries: { listTickets: async () => ({ rows: [], nextCursor: null }), getTicket: async () => null },
        store: { readStream: async () => ({ events: [], version: 0 }) } as never,
      },
    });
    try {
      const r = await fetch(`${failing.url}/tickets`, {
        method: "POST",
        headers: { ...JSON_TYPE, ...TENANT },
        body: JSON.stringify({ data: openData() }),
      });
      expect(r.status).toBe(500);
      const text = await r.text();
      expect(text).not.toContain("db-7");
      expect(JSON.parse(text)).toMatchObject({ code: "INTERNAL_ERROR" });
      expect(errors).toHaveLength(1);
    } finally {
      await failing.close();
    }
  });
});
