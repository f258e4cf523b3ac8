/**
 * @ticketfold/http/node — `toNodeListener`: a Fetch handler as a `node:http` request listener, for `http.createServer`,
 * Express (`app.use("/api", listener)`) and Fastify (through a raw route). A small bridge of
 * our own rather than `@hono/node-server`'s `getRequestListener`: the adapter stays without
 * dependencies, and the bridge does what the body limits need — a request body is streamed to
 * the handler as it arrives (so an oversized or trickled body is refused without buffering it),
 * and when the handler answered before the body ended (413, 408) the connection is closed after
 * the answer instead of reading the rest.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FetchHandler } from "./handler.js";

export type { FetchHandler } from "./handler.js";

export type NodeListener = (req: IncomingMessage, res: ServerResponse) => void;

/** A Node request as a Fetch `Request` whose body streams from the socket (paused while unread). */
export const toFetchRequest = (req: IncomingMessage, base = "http://localhost"): Request => {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] as string;
    if (name.startsWith(":")) continue; // HTTP/2 pseudo-headers
    try {
      headers.append(name, req.rawHeaders[i + 1] as string);
    } catch {
      // A header the Fetch API refuses (invalid bytes) is left out.
    }
  }
  const method = req.method ?? "GET";
  // Express and others rewrite req.url below their mount point; originalUrl keeps the full path.
  const path = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? "/";
  const url = new URL(path.startsWith("/") ? path : `/${path}`, base);
  if (method === "GET" || method === "HEAD") return new Request(url, { method, headers });
  // Once the handler cancels the body (it refused it) or it ended, nothing more reaches the stream.
  let done = false;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      req.on("data", (chunk: Buffer) => {
        if (done) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.on("end", () => {
        if (done) return;
        done = true;
        controller.close();
      });
      req.on("error", (error) => {
        if (done) return;
        done = true;
        controller.error(error);
      });
      req.pause();
    },
    pull() {
      req.resume();
    },
    cancel() {
      done = true;
    },
  });
  return new Request(url, { method, headers, body, duplex: "half" } as RequestInit);
};

/** Writes a Fetch `Response` to a Node response. */
export const writeFetchResponse = async (response: Response, res: ServerResponse): Promise<void> => {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name === "set-cookie") return;
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie?.() ?? [];
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  res.writeHead(response.status, headers);
  if (response.body === null) {
    res.end();
    return;
  }
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (!res.write(chunk)) await new Promise<void>((resolve) => res.once("drain", resolve));
  }
  res.end();
};

export interface NodeListenerOptions {
  /** The origin request URLs are resolved against (default `http://localhost`; only the path and query are read). */
  readonly base?: string;
  /** Told when the handler itself throws (it should not: it answers errors as problems); default `console.error`. */
  readonly onError?: (error: unknown) => void;
}

/** The handler as a `node:http` listener. */
export const toNodeListener =
  (handler: FetchHandler, options: NodeListenerOptions = {}): NodeListener =>
  (req, res) => {
    const run = async () => {
      const response = await handler(toFetchRequest(req, options.base));
      if (!req.complete && req.method !== "GET" && req.method !== "HEAD") {
        // Answered before the body ended: say so, and do not read the rest of it.
        res.setHeader("connection", "close");
        res.once("finish", () => {
          req.resume();
          req.socket.end();
          setTimeout(() => req.socket.destroy(), 1_000).unref();
        });
      }
      await writeFetchResponse(response, res);
    };
    run().catch((error: unknown) => {
      (options.onError ?? ((e: unknown) => console.error("ticketfold http: the handler failed", e)))(error);
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/problem+json" });
        res.end(
          JSON.stringify({
            type: "urn:ticketfold:problem:internal-error",
            title: "Internal error",
            status: 500,
            detail: "the request could not be handled",
            code: "INTERNAL_ERROR",
          }),
        );
      } else res.destroy();
    });
  };
