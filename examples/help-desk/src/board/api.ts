/**
 * The board's side of the API: JSON fetches, the shared clock estimate, and the live feed
 * (Server-Sent Events from the store's subscription) that makes views fetch again.
 */
import { useEffect, useState } from "preact/hooks";

/** An RFC 9457 problem, as the ticket API (@ticketfold/http) and the board's own routes answer. */
export interface Problem {
  readonly type?: string;
  readonly status: number;
  readonly code?: string;
  readonly title: string;
  readonly detail?: string;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

export const api = async <T>(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> => {
  const res = await fetch(`/api${path}`, {
    method: init.method ?? "GET",
    headers: { ...(init.body === undefined ? {} : { "content-type": "application/json" }), ...init.headers },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const body = await res.json();
  if (!res.ok) throw new ApiError(body as Problem);
  return body as T;
};

/** A fresh Idempotency-Key (`getRandomValues` works off localhost too, where `randomUUID` does not). */
const newIdempotencyKey = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

/**
 * A command on the ticket API (@ticketfold/http's `POST /tickets/{id}/commands`), as `agent`
 * (the `X-Help-Desk-Agent` header its sign-in reads), with a fresh Idempotency-Key: a retried
 * request answers what the first one did instead of acting twice. `seen` is the ticket's
 * version the agent acted on, sent as `If-Match`: if the ticket moved since (a customer's
 * reply, a colleague's change), the API answers 412 and nothing is recorded.
 */
export const command = (ticketId: string, agent: string, type: string, data: Record<string, unknown>, seen?: number) =>
  api<{ ticketId: string; version: number }>(`/tickets/${encodeURIComponent(ticketId)}/commands`, {
    method: "POST",
    body: { type, data },
    headers: {
      "x-help-desk-agent": agent,
      "idempotency-key": newIdempotencyKey(),
      ...(seen === undefined ? {} : { "if-match": `"${seen}"` }),
    },
  });

/** Is `e` the API's answer to an `If-Match` the ticket no longer matches? */
export const isStale = (e: unknown): boolean => e instanceof ApiError && e.problem.status === 412;

/** The desk's clock as the board estimates it between fetches. */
let serverNow = Date.now();
let seenAt = performance.now();
let frozen = false;

export const syncClock = (now: number, isFrozen?: boolean): void => {
  serverNow = now;
  seenAt = performance.now();
  if (isFrozen !== undefined) frozen = isFrozen;
};

export const deskNow = (): number => (frozen ? serverNow : serverNow + (performance.now() - seenAt));

/** Re-renders every second with the desk's estimated now. */
export const useNow = (): number => {
  const [now, setNow] = useState(deskNow());
  useEffect(() => {
    const timer = setInterval(() => setNow(deskNow()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return now;
};

type Listener = (change: { kind: string; ids?: string[]; now: number }) => void;
const listeners = new Set<Listener>();
let source: EventSource | undefined;

const connect = () => {
  source = new EventSource("/api/events");
  source.addEventListener("hello", (e) => syncClock(JSON.parse((e as MessageEvent).data).now));
  source.addEventListener("change", (e) => {
    const change = JSON.parse((e as MessageEvent).data);
    syncClock(change.now);
    for (const l of listeners) l(change);
  });
};

/** Fetches `load` now and again whenever the desk changes; `key` re-runs it. */
export const useLive = <T>(
  load: () => Promise<T>,
  key: string,
): { data: T | undefined; error: string | undefined; reload: () => void } => {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (d) => {
        if (!live) return;
        setData(d);
        setError(undefined);
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [key, tick]);
  useEffect(() => {
    if (source === undefined) connect();
    const listener: Listener = () => setTick((n) => n + 1);
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, []);
  return { data, error, reload: () => setTick((n) => n + 1) };
};
