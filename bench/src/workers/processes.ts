/**
 * The workers benchmark's processes and receiver: N child processes started with the bench's
 * own loader flags, released together with `go`, stopped with SIGTERM (SIGKILL after 10 s);
 * and a loopback HTTP receiver that counts the notices POSTed to it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { ChildOptions } from "./child.js";

const CHILD = fileURLToPath(new URL("./child.ts", import.meta.url));

export interface Workers {
  /** Releases every process at once. */
  go(): void;
  stop(): Promise<void>;
}

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once("exit", () => resolve()));

/** Starts one process per options and waits until each says `ready`. */
export const startWorkers = async (options: readonly ChildOptions[]): Promise<Workers> => {
  // tsx's flags when the bench runs under tsx; plain node otherwise would not run TypeScript.
  const loader =
    process.execArgv.length > 0 ? process.execArgv : ["--import", "tsx", "--conditions=@ticketfold/source"];
  const children = options.map((o) =>
    spawn(process.execPath, [...loader, CHILD, JSON.stringify(o)], { stdio: ["pipe", "pipe", "inherit"] }),
  );
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve, reject) => {
          createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
            if (line === "ready") resolve();
          });
          child.once("exit", (code) =>
            reject(new Error(`a workers-bench process exited (${code}) before it was ready`)),
          );
        }),
    ),
  );
  return {
    go: () => {
      for (const child of children) child.stdin?.write("go\n");
    },
    stop: async () => {
      for (const child of children) child.kill("SIGTERM");
      const killer = setTimeout(() => {
        for (const child of children) child.kill("SIGKILL");
      }, 10_000);
      await Promise.all(children.map(exited));
      clearTimeout(killer);
    },
  };
};

/** A loopback receiver answering 204 at once; `received` counts the notices. */
export const startReceiver = async () => {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      received++;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    received: () => received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
