/** A real HTTP receiver on 127.0.0.1, port 0, that answers each request as a script says. */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type Step = 200 | 400 | 429 | 500 | "hang";

export interface ReceivedRequest {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly at: number;
  /** When the client gave up on a request left unanswered (`hang`): the connection closed. */
  abandonedAt?: number;
}

/** Answers request n with script[n] (the last step repeats). `hang` never answers. */
export const startReceiver = async (script: readonly Step[]) => {
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const step = script[Math.min(received.length, script.length - 1)] ?? 200;
      const request: ReceivedRequest = {
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
      };
      received.push(request);
      if (step === "hang") {
        res.on("close", () => {
          request.abandonedAt = Date.now();
        });
        return;
      }
      res.writeHead(step, { "content-type": "text/plain" }).end(step === 200 ? "ok" : "nope");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/ticketfold`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
