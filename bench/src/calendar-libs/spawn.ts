/**
 * Starts `child.ts` in a new Node process with `TZ` set (the same loader flags as this one,
 * so it runs TypeScript as the bench does) and reads its JSON lines. A watchdog ends the child
 * when it stays silent too long: a library stuck in a loop cannot be interrupted from inside
 * its own thread, so the only reliable stop is the process. The caller learns that it hung.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const CHILD = fileURLToPath(new URL("./child.ts", import.meta.url));

export type Message = Record<string, unknown>;
export type Outcome = { readonly hung: false } | { readonly hung: true; readonly after: Message | undefined };

export interface ChildOptions {
  readonly tz: string;
  readonly args: readonly string[];
  /** Silence allowed before the first message (Node and the loader start) and between messages. */
  readonly startMs: number;
  readonly quietMs: number;
  readonly onMessage: (m: Message) => void;
}

export const runChild = ({ tz, args, startMs, quietMs, onMessage }: ChildOptions): Promise<Outcome> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, CHILD, ...args], {
      env: { ...process.env, TZ: tz },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let last: Message | undefined;
    let hung = false;
    let stderr = "";
    let timer = setTimeout(() => stop(), startMs);
    const stop = () => {
      hung = true;
      child.kill("SIGKILL");
    };
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    createInterface({ input: child.stdout }).on("line", (line) => {
      clearTimeout(timer);
      timer = setTimeout(() => stop(), quietMs);
      last = JSON.parse(line) as Message;
      onMessage(last);
    });
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (hung) resolve({ hung: true, after: last });
      else if (code === 0) resolve({ hung: false });
      else reject(new Error(`calendar-libs child (TZ=${tz} ${args.join(" ")}) exited with ${code}:\n${stderr}`));
    });
  });
