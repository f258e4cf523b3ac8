/**
 * Hostile bodies over a real loopback server, each answered with a problem and within a bound:
 * huge (by Content-Length, and chunked without one, trickled so that it passes the limit while
 * the client is still sending), slow, deeply nested, invalid UTF-8, not JSON, the wrong media
 * type, wrong types, and prototype-polluting keys. Raw sockets, so nothing in between fixes the
 * request up.
 */
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openData, startServer, type TestServer } from "./server.test-support.js";

let s: TestServer;
const MAX = 16 * 1024;
beforeAll(async () => {
  s = await startServer({ maxBodyBytes: MAX, bodyTimeoutMs: 400, maxBodyDepth: 32 });
});
afterAll(() => s.close());

interface RawAnswer {
  readonly status: number;
  readonly headers: string;
  readonly body: string;
  /** How many body bytes the client had sent when the answer arrived. */
  readonly sentWhenAnswered: number;
}

/**
 * Sends a request head, then the body chunks one by one (`gapMs` apart), stopping as soon as an
 * answer arrives; resolves with the answer when the server closes or ends it. Bounded: 5 s.
 */
const raw = (head: string, chunks: readonly (string | Buffer)[], gapMs = 0): Promise<RawAnswer> =>
  new Promise((resolve, reject) => {
    const url = new URL(s.url);
    const socket = connect(Number(url.port), url.hostname);
    let received = Buffer.alloc(0);
    let sent = 0;
    let sentWhenAnswered = -1;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within 5 s (sent ${sent} bytes)`));
    }, 5_000);
    const finish = () => {
      clearTimeout(timer);
      const text = received.toString("latin1");
      const split = text.indexOf("\r\n\r\n");
      if (split < 0) return reject(new Error(`no response head: ${JSON.stringify(text.slice(0, 200))}`));
      const headers = text.slice(0, split);
      let body = text.slice(split + 4);
      if (/transfer-encoding: chunked/i.test(headers)) {
        let out = "";
        let rest = body;
        for (;;) {
          const eol = rest.indexOf("\r\n");
          const size = Number.parseInt(rest.slice(0, eol), 16);
          if (!size) break;
          out += rest.slice(eol + 2, eol + 2 + size);
          rest = rest.slice(eol + 4 + size);
        }
        body = out;
      }
      resolve({
        status: Number(headers.split(" ")[1]),
        headers,
        body: Buffer.from(body, "latin1").toString("utf8"),
        sentWhenAnswered,
      });
    };
    socket.on("data", (d) => {
      if (sentWhenAnswered < 0) sentWhenAnswered = sent;
      received = Buffer.concat([received, d]);
      const text = received.toString("latin1");
      const split = text.indexOf("\r\n\r\n");
      const length = /content-length: (\d+)/i.exec(text.slice(0, split))?.[1];
      const complete =
        split >= 0 &&
        (length !== undefined ? received.length >= split + 4 + Number(length) : text.endsWith("\r\n0\r\n\r\n"));
      if (complete) {
        socket.destroy();
        finish();
      }
    });
    socket.on("close", () => {
      if (received.length > 0) finish();
    });
    socket.on("error", () => undefined);
    socket.on("connect", async () => {
      socket.write(head);
      for (const c of chunks) {
        if (sentWhenAnswered >= 0 || socket.destroyed) break;
        if (gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
        if (sentWhenAnswered >= 0 || socket.destroyed) break;
        socket.write(c);
        sent += typeof c === "string" ? Buffer.byteLength(c) : c.length;
      }
    });
  });

const headFor = (path: string, extra: string) =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Tenant: acme\r\nContent-Type: application/json\r\n${extra}\r\n`;

/** A whole JSON body with Content-Length. */
const send = (path: string, body: string | Buffer, extraHeaders = "") => {
  const bytes = typeof body === "string" ? Buffer.from(body) : body;
  return raw(headFor(path, `Content-Length: ${bytes.length}\r\n${extraHeaders}`), [bytes]);
};

const problemOf = (a: RawAnswer) =>
  JSON.parse(a.body) as { code: string; status: number; detail: string; errors?: { path: string }[] };

describe("hostile bodies", () => {
  it("a Content-Length over the limit is 413 before any of the body is read", async () => {
    const a = await raw(headFor("/tickets", `Content-Length: ${100 * 1024 * 1024}\r\n`), []);
    expect(a.status).toBe(413);
    expect(problemOf(a)).toMatchObject({ code: "BODY_TOO_LARGE", status: 413 });
    expect(a.headers).toMatch(/connection: close/i);
  });

  it("a chunked body trickled past the limit is cut off at the limit, while the client still sends", async () => {
    const chunk = `400\r\n${"x".repeat(0x400)}\r\n`; // 1 KiB per chunk, 64 KiB offered in all
    const chunks = Array.from({ length: 64 }, () => chunk);
    const a = await raw(headFor("/tickets", "Transfer-Encoding: chunked\r\n"), chunks, 5);
    expect(a.status).toBe(413);
    expect(problemOf(a).code).toBe("BODY_TOO_LARGE");
    // Answered after about MAX bytes, long before the 64 KiB the client meant to send.
    expect(a.sentWhenAnswered).toBeGreaterThan(MAX);
    expect(a.sentWhenAnswered).toBeLessThan(40 * 1024);
  });

  it("a body over the limit that the client still finishes sending does not upset the server", async () => {
    const chunk = `400\r\n${"y".repeat(0x400)}\r\n`;
    const a = await raw(headFor("/tickets", "Transfer-Encoding: chunked\r\n"), [
      Array.from({ length: 40 }, () => chunk).join("") + "0\r\n\r\n",
    ]);
    expect(a.status).toBe(413);
    await new Promise((r) => setTimeout(r, 200)); // the rest of the body arrives and ends
    const next = await send("/tickets", JSON.stringify({ data: openData() }));
    expect(next.status).toBe(201);
  });

  it("a body that never finishes arriving is 408 after the body timeout", async () => {
    const started = performance.now();
    const a = await raw(headFor("/tickets", "Content-Length: 1000\r\n"), ['{"data":'], 0);
    expect(a.status).toBe(408);
    expect(problemOf(a).code).toBe("BODY_TIMEOUT");
    expect(performance.now() - started).toBeLessThan(4_000);
  });

  it("deep nesting is 400, whatever the depth (no stack overflow)", async () => {
    for (const depth of [33, 5_000]) {
      const body = `{"data":${"[".repeat(depth)}${"]".repeat(depth)}}`;
      const a = await send("/tickets", body);
      expect(a.status, `depth ${depth}`).toBe(400);
      expect(problemOf(a)).toMatchObject({ code: "MALFORMED_JSON" });
      expect(problemOf(a).detail).toMatch(/nested more than 32/);
    }
  });

  it("invalid UTF-8 is 400", async () => {
    const body = Buffer.concat([
      Buffer.from('{"data":{"subject":"'),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('"}}'),
    ]);
    const a = await send("/tickets", body);
    expect(a.status).toBe(400);
    expect(problemOf(a)).toMatchObject({ code: "MALFORMED_JSON", detail: "the body is not valid UTF-8" });
  });

  it("not JSON, and an empty body, are 400", async () => {
    for (const body of ['{"data":', "", "{'data': 1}", "\u0000"]) {
      const a = await send("/tickets", body);
      expect(a.status, JSON.stringify(body)).toBe(400);
      expect(problemOf(a).code).toBe("MALFORMED_JSON");
    }
  });

  it("another media type, or none, is 415", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1"]) {
      const head = `POST /tickets HTTP/1.1\r\nHost: x\r\nX-Tenant: acme\r\nContent-Type: ${type}\r\nContent-Length: 2\r\n\r\n`;
      const a = await raw(head, ["{}"]);
      expect(a.status, type).toBe(415);
      expect(problemOf(a).code).toBe("UNSUPPORTED_MEDIA_TYPE");
    }
    const none = await raw("POST /tickets HTTP/1.1\r\nHost: x\r\nX-Tenant: acme\r\nContent-Length: 2\r\n\r\n", ["{}"]);
    expect(none.status).toBe(415);
  });

  it("prototype-polluting keys are 400 at their path, and pollute nothing", async () => {
    const bodies = [
      '{"data":{"__proto__":{"polluted":true}}}',
      '{"__proto__":{"polluted":true},"data":{}}',
      '{"data":{"requester":{"constructor":{"prototype":{"polluted":true}}}}}',
    ];
    const paths = ["data.__proto__", "__proto__", "data.requester.constructor"];
    for (const [i, body] of bodies.entries()) {
      const a = await send("/tickets", body);
      expect(a.status, body).toBe(400);
      expect(problemOf(a)).toMatchObject({ code: "MALFORMED_JSON", errors: [{ path: paths[i] }] });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("wrong types are 422 with each path", async () => {
    const a = await send("/tickets", JSON.stringify({ data: openData({ subject: 5, requester: "kim" }) }));
    expect(a.status).toBe(422);
    const p = problemOf(a);
    expect(p.code).toBe("INVALID_COMMAND");
    expect(p.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(["data.subject", "data.requester"]));
    for (const body of ["[]", "null", "42", '"text"', '{"data":{},"ticketId":"not-a-ulid"}']) {
      const b = await send("/tickets", body);
      expect(b.status, body).toBe(422);
      expect(problemOf(b).code, body).toBe("INVALID_BODY");
    }
  });

  it("after all of that, the server still serves", async () => {
    const a = await send("/tickets", JSON.stringify({ data: openData() }));
    expect(a.status).toBe(201);
  });
});
