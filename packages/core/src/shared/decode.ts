/**
 * Decoding at the boundaries. Every io-ts failure becomes a list of issues, each naming the
 * path of the bad value (`data.priority`, `intervals.mon[1].end`), what was expected and what
 * was found. Decoding never throws, whatever it is given: not only JSON but BigInts, symbols,
 * cycles, getters and Proxies that throw (`guarded` turns what a codec throws into an issue).
 */
import * as E from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { hasCode } from "./codes.js";
import { appendPath } from "./path.js";

export interface DecodeIssue {
  /** Path to the offending value (`data.priority`, `targets["1"]`, `ladder[0]`: shared/path.ts); `""` for the value itself. */
  readonly path: string;
  readonly expected: string;
  readonly message: string;
}

export interface DecodeError {
  readonly code: "DECODE_ERROR";
  /** What was being decoded: `event`, `command`, `policy`, `calendar`, … */
  readonly what: string;
  readonly issues: readonly DecodeIssue[];
  readonly message: string;
}

/** A short rendering of any value for a message; never throws (BigInt, symbol, cycle, Proxy). */
export const describeValue = (u: unknown): string => {
  if (u === undefined) return "nothing";
  if (typeof u === "bigint") return `${u}n (a BigInt)`;
  if (typeof u === "symbol" || typeof u === "function") return `a ${typeof u}`;
  try {
    const s = JSON.stringify(u);
    if (s === undefined) return typeof u;
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
  } catch {
    try {
      return Array.isArray(u) ? "an array" : typeof u;
    } catch {
      return typeof u;
    }
  }
};

const describe = describeValue;

/** The message of anything thrown, as text (never throws itself). */
export const thrownMessage = (error: unknown): string => {
  try {
    const message = error instanceof Error ? error.message : String(error);
    return typeof message === "string" ? message : "an error that cannot be shown";
  } catch {
    return "an error that cannot be shown";
  }
};

/**
 * Makes `codec` (in place; it is returned) answer with a failure instead of throwing when the
 * value it validates throws back: a getter, a `toJSON` or a Proxy trap that throws, a revoked
 * Proxy. The failure sits at the path where the throw happened, as far as the codec got.
 */
export const guarded = <C extends t.Any>(codec: C): C => {
  const validate = codec.validate.bind(codec);
  (codec as { validate: t.Validate<unknown, unknown> }).validate = (u, c) => {
    try {
      return validate(u, c);
    } catch (error) {
      return t.failure(u, c, `cannot be read: ${thrownMessage(error)}`);
    }
  };
  return codec;
};

/** Codecs whose numeric keys are list positions (`[0]`) when the context does not hold the list itself. */
const LISTS: ReadonlySet<string | undefined> = new Set(["ArrayType", "ReadonlyArrayType", "TupleType", undefined]);

/** The path of a failure in the one notation of shared/path.ts (`sla.metrics.response.targets["1"]`). */
const pathOf = (context: t.Context): string => {
  let out = "";
  for (let i = 1; i < context.length; i++) {
    const entry = context[i] as t.ContextEntry;
    // Members of unions and intersections appear in the context under their index; they are
    // not part of the data's path, so skip them.
    const parent = context[i - 1];
    const parentTag = (parent?.type as { _tag?: string } | undefined)?._tag;
    if (parentTag === "UnionType" || parentTag === "IntersectionType" || entry.key === "") continue;
    const key = entry.key;
    // A numeric key is a list position when its parent is a list (a record may have the key "1").
    const inList = parent?.actual !== undefined ? Array.isArray(parent.actual) : LISTS.has(parentTag);
    out = appendPath(out, /^\d+$/.test(key) && inList ? Number(key) : key);
  }
  return out;
};

export const toIssues = (errors: t.Errors): DecodeIssue[] => {
  const seen = new Set<string>();
  const issues: DecodeIssue[] = [];
  for (const e of errors) {
    const path = pathOf(e.context);
    const expected = e.context[e.context.length - 1]?.type.name ?? "value";
    const message = e.message ?? `${path === "" ? "value" : path}: expected ${expected}, got ${describe(e.value)}`;
    const key = `${path}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ path, expected, message: e.message ? `${path === "" ? "value" : path}: ${message}` : message });
  }
  return issues;
};

/** Decodes `u` with `codec`, turning failures into a `DecodeError` that names each bad path. */
export const decodeWith =
  <A, O>(codec: t.Type<A, O, unknown>, what: string) =>
  (u: unknown): E.Either<DecodeError, A> => {
    let result: t.Validation<A>;
    try {
      result = codec.decode(u);
    } catch (error) {
      const message = `value: cannot be read: ${thrownMessage(error)}`;
      return E.left({
        code: "DECODE_ERROR",
        what,
        issues: [{ path: "", expected: codec.name, message }],
        message: `invalid ${what}: ${message}`,
      });
    }
    if (E.isRight(result)) return result;
    const issues = toIssues(result.left);
    const shown = issues.slice(0, 5).map((i) => i.message);
    const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : "";
    return E.left({
      code: "DECODE_ERROR",
      what,
      issues,
      message: `invalid ${what}: ${shown.join("; ")}${more}`,
    });
  };

/** Type guard for decode errors (checks the code, not the class). */
export const isDecodeError = (u: unknown): u is DecodeError => hasCode(u, "DECODE_ERROR");
