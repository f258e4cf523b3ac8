/**
 * Reading a request body defensively: `application/json` only (415), at most `maxBytes` (413,
 * refused from `Content-Length` before a byte is read, and again while streaming, so a chunked
 * body without a length is cut off as soon as it passes the limit), within `timeoutMs` of the
 * first read (408: a body trickled in slowly is not waited for), valid UTF-8 (400), valid JSON
 * (400), nested at most `maxDepth` deep (400) and free of the keys that pollute prototypes
 * (`__proto__`, `constructor`, `prototype`: 400). What passes is plain JSON data, decoded
 * with io-ts after this.
 */

export interface BodyLimits {
  readonly maxBytes: number;
  readonly timeoutMs: number;
  readonly maxDepth: number;
}

/** Why a body was refused: the problem code, a detail, and the bad path when there is one. */
export interface BodyRefusal {
  readonly refused: "BODY_TOO_LARGE" | "BODY_TIMEOUT" | "UNSUPPORTED_MEDIA_TYPE" | "MALFORMED_JSON" | "INVALID_HEADER";
  readonly detail: string;
  readonly path?: string;
}

export type BodyResult = { readonly value: unknown } | BodyRefusal;

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** `application/json`, with or without parameters (only `charset=utf-8` is taken), or a `+json` type. */
const isJson = (contentType: string | null): boolean => {
  if (contentType === null) return false;
  const [type = "", ...params] = contentType.split(";").map((s) => s.trim().toLowerCase());
  if (type !== "application/json" && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) return false;
  return params.every((p) => !p.startsWith("charset=") || p === "charset=utf-8" || p === 'charset="utf-8"');
};

const keyPath = (path: string, key: string): string =>
  /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? (path === "" ? key : `${path}.${key}`) : `${path}[${JSON.stringify(key)}]`;

/**
 * Walks a parsed value without recursion (a deep value cannot overflow the stack here) and
 * answers the first problem: too deep, or a key that pollutes prototypes.
 */
export const checkShape = (value: unknown, maxDepth: number): BodyRefusal | undefined => {
  const stack: [unknown, number, string][] = [[value, 0, ""]];
  while (stack.length > 0) {
    const [v, depth, path] = stack.pop() as [unknown, number, string];
    if (typeof v !== "object" || v === null) continue;
    if (depth >= maxDepth) {
      return { refused: "MALFORMED_JSON", detail: `the body is nested more than ${maxDepth} levels deep`, path };
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push([v[i], depth + 1, `${path}[${i}]`]);
      continue;
    }
    for (const key of Object.keys(v)) {
      const at = keyPath(path, key);
      if (FORBIDDEN_KEYS.has(key)) {
        return { refused: "MALFORMED_JSON", detail: `the key "${key}" is not accepted (at ${at})`, path: at };
      }
      stack.push([(v as Record<string, unknown>)[key], depth + 1, at]);
    }
  }
  return undefined;
};

/** Reads at most `maxBytes` of `request`'s body within `timeoutMs`; refuses as soon as either is passed. */
const readBytes = async (request: Request, limits: BodyLimits): Promise<Uint8Array | BodyRefusal> => {
  const tooLarge: BodyRefusal = {
    refused: "BODY_TOO_LARGE",
    detail: `the body is larger than ${limits.maxBytes} bytes`,
  };
  const length = request.headers.get("content-length");
  if (length !== null) {
    if (!/^\d+$/.test(length.trim())) return { refused: "INVALID_HEADER", detail: "Content-Length is not a number" };
    if (Number(length) > limits.maxBytes) return tooLarge;
  }
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), limits.timeoutMs);
  });
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), timedOut]);
      if (next === "timeout") {
        reader.cancel().catch(() => undefined);
        return { refused: "BODY_TIMEOUT", detail: `the body did not arrive within ${limits.timeoutMs} ms` };
      }
      if (next.done) break;
      total += next.value.byteLength;
      if (total > limits.maxBytes) {
        reader.cancel().catch(() => undefined);
        return tooLarge;
      }
      chunks.push(next.value);
    }
  } finally {
    clearTimeout(timer);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
};

/** The body as JSON data, or why it was refused. */
export const readJsonBody = async (request: Request, limits: BodyLimits): Promise<BodyResult> => {
  const contentType = request.headers.get("content-type");
  if (!isJson(contentType)) {
    return {
      refused: "UNSUPPORTED_MEDIA_TYPE",
      detail: `the body must be application/json (UTF-8); got ${contentType === null ? "no Content-Type" : JSON.stringify(contentType)}`,
    };
  }
  const bytes = await readBytes(request, limits);
  if (!(bytes instanceof Uint8Array)) return bytes;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { refused: "MALFORMED_JSON", detail: "the body is not valid UTF-8" };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : "not JSON";
    return { refused: "MALFORMED_JSON", detail: `the body is not valid JSON: ${why}` };
  }
  return checkShape(value, limits.maxDepth) ?? { value };
};
