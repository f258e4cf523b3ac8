/**
 * The horizontal-workers harness: a policy whose tickets, opened two hours ago, have a due
 * timer (the response deadline: breach and escalation, each with notices); a loopback HTTP
 * receiver recording which process delivered which notice; worker processes started with
 * `spawn` (TypeScript through tsx, as the test runs) and killed for real.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { decodePolicy, type Policy } from "@ticketfold/core";
import * as E from "fp-ts/lib/Either.js";
import type { WorkerProcessOptions } from "./worker-process.test-support.js";

const decoded = decodePolicy({
  id: "horizontal",
  name: "Horizontal workers",
  priorities: { levels: [{ id: "normal", name: "Normal" }], default: "normal" },
  sla: {
    metrics: { response: { targets: { normal: "1h" } }, resolution: { targets: { normal: "8h" } } },
    ladder: [{ metric: "response", multiple: 1, level: 1, roles: ["team-lead"] }],
  },
  notifications: {
    contacts: {
      managers: { "*": [{ address: "lead@desk.example", name: "Lee Lead" }] },
      escalation: { "team-lead": [{ address: "lead@desk.example", name: "Lee Lead" }] },
    },
  },
});
if (E.isLeft(decoded)) throw new Error(decoded.left.message);
/** 24×7; response 1 h (breach and escalation notify the lead), resolution 8 h. */
export const horizontalPolicy: Policy = decoded.right;

export interface Delivery {
  readonly intentId: string;
  readonly owner: string;
}

/** A loopback receiver that records each POSTed notice after `delayMs` (a slow endpoint). */
export const startReceiver = async (delayMs: number) => {
  const deliveries: Delivery[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on("end", () => {
      setTimeout(() => {
        deliveries.push(JSON.parse(body) as Delivery);
        res.writeHead(204).end();
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/notices`,
    deliveries,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

const SCRIPT = fileURLToPath(new URL("./worker-process.test-support.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

export interface WorkerProcess {
  readonly owner: string;
  readonly child: ChildProcess;
  /** Resolves once its workers run; rejects if it exits first. */
  readonly ready: Promise<void>;
  readonly exited: Promise<number | null>;
  stderr(): string;
}

/** Starts a worker process (TypeScript through tsx, from the repository root). */
export const startWorker = (options: WorkerProcessOptions): WorkerProcess => {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=@ticketfold/source", SCRIPT, JSON.stringify(options)],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env } },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
      if (line.includes('"ready":true')) resolve();
    });
    void exited.then((code) => reject(new Error(`${options.owner} exited (${code}) before it was ready:\n${stderr}`)));
  });
  ready.catch(() => {});
  return { owner: options.owner, child, ready, exited, stderr: () => stderr };
};

/** Kills what is still running (SIGKILL) and waits for it. */
export const killAll = async (workers: readonly WorkerProcess[]): Promise<void> => {
  await Promise.all(
    workers.map(async (w) => {
      if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
      await w.exited;
    }),
  );
};

/** Polls `check` until it answers true, or throws after `ms` with `what`. */
export const until = async (what: () => string, check: () => Promise<boolean>, ms: number): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};
