/**
 * One HTTP POST with a time limit, reduced to what the retry loop needs: the status, a
 * timeout or a network failure. The answer's body is read and dropped so the connection is
 * released; this library never interprets it.
 */
import type { AttemptFailure } from "./channel.js";

export type PostOutcome = { readonly kind: "status"; readonly status: number } | AttemptFailure;

export const postOnce = async (
  url: string,
  headers: Readonly<Record<string, string>>,
  body: string,
  timeoutMs: number,
): Promise<PostOutcome> => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetch(url, { method: "POST", headers, body, signal: controller.signal, redirect: "manual" });
    await res.arrayBuffer().catch(() => undefined);
    return { kind: "status", status: res.status };
  } catch (e) {
    if (controller.signal.aborted) return { kind: "timeout", afterMs: timeoutMs };
    const err = e as { message?: unknown; cause?: { code?: unknown; message?: unknown } };
    const detail = err.cause?.code ?? err.cause?.message ?? err.message ?? String(e);
    return { kind: "network", message: `request failed: ${String(detail)}` };
  } finally {
    clearTimeout(timer);
  }
};
