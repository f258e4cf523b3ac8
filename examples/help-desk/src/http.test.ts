/**
 * The help desk's ticket API is @ticketfold/http's handler, mounted under `/api` behind the
 * board's thin router: a malformed command body gets the handler's RFC 9457 problem (status,
 * `type`, `detail` and `errors` naming the path); the agent comes from `X-Help-Desk-Agent`
 * (absent: 401); a command answers with the ticket's ETag, and its Idempotency-Key replays it;
 * the board's own routes (portal, composite ticket view) still answer in front of it. The
 * service runs on loopback (PGlite, or TICKETFOLD_PG_URL in a schema of its own), unseeded, on
 * a test clock, and stops by itself.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseStart } from "./clock.js";
import { AGENT_HEADER } from "./http.js";
import { type Service, startService } from "./service.js";

const pgUrl = process.env.TICKETFOLD_PG_URL;
const schema = `help_desk_http_${process.pid}_${Date.now().toString(36)}`;
const PROBLEM = "application/problem+json";

describe("the help desk's ticket API (@ticketfold/http)", () => {
  let service: Service;
  let ticketId: string;
  const api = (path: string, init: RequestInit = {}) => fetch(new URL(`api${path}`, service.url), init);
  const asAgent = (extra: Record<string, string> = {}) => ({
    "content-type": "application/json",
    [AGENT_HEADER]: "ana",
    ...extra,
  });

  beforeAll(async () => {
    service = await startService({
      testClockAt: parseStart("2026-03-06T15:00:00Z"),
      seed: false,
      ...(pgUrl ? { databaseUrl: pgUrl, schema } : {}),
      port: 0,
    });
    // A request from the portal (the board's own route): the ticket the commands below act on.
    const opened = await api("/portal/mia.chen/tickets", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ subject: "Licence server unreachable", description: "Since the network change." }),
    });
    expect(opened.status).toBe(201);
    ticketId = ((await opened.json()) as { ticketId: string }).ticketId;
  }, 180_000);

  afterAll(async () => {
    await service?.close();
    if (pgUrl) {
      const { default: pg } = await import("pg");
      const client = new pg.Client(pgUrl);
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  }, 60_000);

  it("answers a command body with a member it does not take with the handler's problem, naming the path", async () => {
    const path = `/api/tickets/${ticketId}/commands`;
    // The old route's `agent` in the body: the handler takes the actor from authentication only.
    const res = await api(`/tickets/${ticketId}/commands`, {
      method: "POST",
      headers: asAgent(),
      body: JSON.stringify({ type: "comment", data: { body: "hello", visibility: "public" }, agent: "ana" }),
    });
    // 422: JSON, but not a command body (the handler's one mapping of codes to statuses).
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain(PROBLEM);
    const problem = (await res.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({
      type: "urn:ticketfold:problem:invalid-body",
      status: 422,
      code: "INVALID_BODY",
      instance: path,
    });
    expect(problem.detail).toMatch(/^the body is not valid: agent: unknown member/);
    expect(problem.errors).toEqual([expect.objectContaining({ path: "agent", pointer: "/agent" })]);
  });

  it("answers a body that is not JSON with the handler's malformed-JSON problem", async () => {
    const res = await api(`/tickets/${ticketId}/commands`, { method: "POST", headers: asAgent(), body: '{"type":' });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain(PROBLEM);
    const problem = (await res.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({ type: "urn:ticketfold:problem:malformed-json", status: 400 });
    expect(typeof problem.detail).toBe("string");
  });

  it("refuses a command without an agent with 401, as a problem", async () => {
    const res = await api(`/tickets/${ticketId}/commands`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "accept" }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain(PROBLEM);
    expect(((await res.json()) as { detail: string }).detail).toContain(AGENT_HEADER);
  });

  it("handles a command as the agent, with the ticket's ETag; the same Idempotency-Key replays it", async () => {
    const send = () =>
      api(`/tickets/${ticketId}/commands`, {
        method: "POST",
        headers: asAgent({ "idempotency-key": `accept-${ticketId}` }),
        body: JSON.stringify({ type: "accept" }),
      });
    const first = await send();
    expect(first.status).toBe(200);
    const answer = (await first.json()) as { ticketId: string; version: number };
    expect(answer.ticketId).toBe(ticketId);
    expect(first.headers.get("etag")).toBe(`"${answer.version}"`);
    const again = await send();
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(((await again.json()) as { version: number }).version).toBe(answer.version);

    // The handler's read of the row, and the board's composite view in front of it, agree.
    const row = await api(`/tickets/${ticketId}`, { headers: asAgent() });
    expect(row.status).toBe(200);
    expect(row.headers.get("etag")).toBe(`"${answer.version}"`);
    expect(((await row.json()) as { status: string }).status).toBe("open");
    const board = (await (await api(`/board/tickets/${ticketId}`)).json()) as { row: { version: number } };
    expect(board.row.version).toBe(answer.version);
  });

  it("answers an If-Match that is out of date with 412", async () => {
    const res = await api(`/tickets/${ticketId}/commands`, {
      method: "POST",
      headers: asAgent({ "if-match": '"1"' }),
      body: JSON.stringify({ type: "assign", data: { assignee: "ana" } }),
    });
    expect(res.status).toBe(412);
    expect(((await res.json()) as { code: string }).code).toBe("CONCURRENCY_CONFLICT");
  });
});
