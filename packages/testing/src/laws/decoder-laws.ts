/**
 * The decoder law: a decoder given anything at all — BigInts, symbols, functions, cycles,
 * sparse and typed arrays, maps and sets, null-prototype objects, getters and `toJSON`s that
 * throw, Proxies that throw on every trap, revoked Proxies, and any of these buried inside
 * an otherwise valid value — returns (a Left, `undefined`, a refusal value) and never throws,
 * nor rejects when it answers with a promise.
 *
 * `publicDecoders(api)` finds a module's decoders by its exports, so a decoder added later is
 * fuzzed without anyone listing it: every function named `decode…` or `parse…`, every io-ts
 * codec (its `decode`), and every record of codecs (`commandCodecs`).
 */
import fc from "fast-check";
import { lawBroken } from "./law.js";

/** A decoder to fuzz: its name (`decodeEvent`, `PolicyC.decode`) and how to call it. */
export interface PublicDecoder {
  readonly name: string;
  readonly decode: (u: unknown) => unknown;
}

const isCodec = (u: unknown): u is { decode: (u: unknown) => unknown; name: string } =>
  (typeof u === "object" || typeof u === "function") &&
  u !== null &&
  typeof (u as { decode?: unknown }).decode === "function" &&
  typeof (u as { validate?: unknown }).validate === "function" &&
  typeof (u as { encode?: unknown }).encode === "function" &&
  typeof (u as { is?: unknown }).is === "function";

const DECODER_NAME = /^(decode|parse)[A-Z]/;

/** Options of `publicDecoders`. */
export interface PublicDecoderOptions {
  /** Arguments a decoder takes after the input (`parseInboundMail`'s options), by export name. */
  readonly args?: Readonly<Record<string, readonly unknown[]>>;
}

/**
 * The decoders a module exports: functions named `decode…`/`parse…`, io-ts codecs, and
 * records whose every value is a codec. `api` is the module namespace (`import * as api`).
 */
export const publicDecoders = (api: object, options: PublicDecoderOptions = {}): PublicDecoder[] => {
  const found: PublicDecoder[] = [];
  for (const [name, value] of Object.entries(api).sort(([a], [b]) => a.localeCompare(b))) {
    if (typeof value === "function" && DECODER_NAME.test(name) && !isCodec(value)) {
      const rest = options.args?.[name] ?? [];
      found.push({ name, decode: (u) => (value as (u: unknown, ...rest: unknown[]) => unknown)(u, ...rest) });
    } else if (isCodec(value)) {
      found.push({ name: `${name}.decode`, decode: (u) => value.decode(u) });
    } else if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      const entries = Object.entries(value);
      if (entries.length > 0 && entries.every(([, v]) => isCodec(v))) {
        for (const [key, codec] of entries) {
          found.push({
            name: `${name}[${JSON.stringify(key)}].decode`,
            decode: (u) => (codec as { decode: (u: unknown) => unknown }).decode(u),
          });
        }
      }
    }
  }
  return found;
};

const boom = (where: string) => (): never => {
  throw new Error(`hostile ${where}`);
};

/** A Proxy whose every trap throws (typeof says "object", and nothing else works). */
const throwingProxy = (): object =>
  new Proxy(
    {},
    {
      get: boom("get"),
      set: boom("set"),
      has: boom("has"),
      ownKeys: boom("ownKeys"),
      getOwnPropertyDescriptor: boom("getOwnPropertyDescriptor"),
      getPrototypeOf: boom("getPrototypeOf"),
      setPrototypeOf: boom("setPrototypeOf"),
      defineProperty: boom("defineProperty"),
      deleteProperty: boom("deleteProperty"),
      isExtensible: boom("isExtensible"),
      preventExtensions: boom("preventExtensions"),
      apply: boom("apply"),
      construct: boom("construct"),
    },
  );

const revokedProxy = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};

/** Hostile values made only when a decoder is called (fast-check itself cannot handle them). */
const specials = {
  "throwing-proxy": throwingProxy,
  "revoked-proxy": revokedProxy,
  "throwing-toJSON": () => ({ toJSON: boom("toJSON") }),
  "throwing-toPrimitive": () => ({ [Symbol.toPrimitive]: boom("toPrimitive"), toString: boom("toString") }),
  // biome-ignore lint/suspicious/noThenProperty: a thenable that throws is exactly the hostile value meant.
  "throwing-then": () => ({ then: boom("then") }),
  "own-__proto__": () => JSON.parse('{"__proto__":{"type":"opened"},"constructor":{"prototype":1}}') as unknown,
  "a-function": () => () => 1,
} as const;

/**
 * How to make one hostile value: plain data that fast-check can generate, shrink and print,
 * built into the value (`hostileValue`) only when a decoder is called.
 */
export type HostileRecipe =
  | { readonly leaf: unknown }
  | { readonly special: keyof typeof specials }
  | { readonly array: readonly HostileRecipe[] }
  | { readonly object: readonly (readonly [string, HostileRecipe])[]; readonly nullPrototype?: boolean }
  /** An object whose `getter` key throws when read. */
  | { readonly getter: string; readonly object: readonly (readonly [string, HostileRecipe])[] }
  /** An object that holds itself (as `self`, and inside an array as `data`). */
  | { readonly cycle: readonly (readonly [string, HostileRecipe])[] }
  /** A valid value with its `pick`-th node replaced by `junk`. */
  | { readonly valid: unknown; readonly pick: number; readonly junk: HostileRecipe };

const entriesOf = (entries: readonly (readonly [string, HostileRecipe])[], target: Record<string, unknown>) => {
  for (const [key, recipe] of entries) {
    Object.defineProperty(target, key, {
      value: hostileValue(recipe),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return target;
};

/** The hostile value a recipe describes (a fresh one each call). */
export const hostileValue = (recipe: HostileRecipe): unknown => {
  if ("leaf" in recipe) return recipe.leaf;
  if ("special" in recipe) return specials[recipe.special]();
  if ("array" in recipe) return recipe.array.map(hostileValue);
  if ("getter" in recipe) {
    const o = entriesOf(recipe.object, {});
    Object.defineProperty(o, recipe.getter, {
      enumerable: true,
      configurable: true,
      get: boom(`getter ${recipe.getter}`),
    });
    return o;
  }
  if ("object" in recipe) return entriesOf(recipe.object, recipe.nullPrototype ? Object.create(null) : {});
  if ("cycle" in recipe) {
    const o = entriesOf(recipe.cycle, {});
    o.self = o;
    o.data = [o];
    return o;
  }
  return plant(recipe.valid, hostileValue(recipe.junk), recipe.pick);
};

/** Keys decoders read first: a throwing getter there is met before anything else. */
const likelyKeys = fc.constantFrom(
  "type",
  "schemaVersion",
  "data",
  "at",
  "actor",
  "ticketId",
  "tenantId",
  "id",
  "body",
  "metadata",
  "intent",
  "timeZone",
  "priorities",
  "length",
  "toJSON",
  "then",
);

const leafOptions = {
  maxDepth: 2,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
} as const;

const specialLeafArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.bigInt(),
  fc.string({ maxLength: 8 }).map((s) => Symbol(s)),
  fc.constant(Symbol.iterator),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 2 ** 31, 2 ** 53, 1.5),
  fc.constantFrom("\u0000", "\uD800", "a\uDC00b", "x".repeat(10_000)),
);

const leafRecipe: fc.Arbitrary<HostileRecipe> = fc.oneof(
  { weight: 2, arbitrary: fc.anything(leafOptions).map((leaf) => ({ leaf })) },
  { weight: 2, arbitrary: specialLeafArb.map((leaf) => ({ leaf })) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...(Object.keys(specials) as (keyof typeof specials)[])).map((special) => ({ special })),
  },
);

const { recipe: treeRecipe } = fc.letrec<{ recipe: HostileRecipe }>((tie) => {
  const entries = fc.array(fc.tuple(fc.oneof(likelyKeys, fc.string({ maxLength: 6 })), tie("recipe")), {
    maxLength: 4,
  });
  return {
    recipe: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leafRecipe,
      fc.array(tie("recipe"), { maxLength: 3 }).map((array) => ({ array })),
      fc.record({ object: entries, nullPrototype: fc.boolean() }),
      fc.record({ getter: likelyKeys, object: entries }),
      entries.map((cycle) => ({ cycle })),
    ),
  };
});

/**
 * Recipes of anything at all, as hostile as JavaScript allows (see the module note). With
 * `valid`, also valid values with one node (at any depth) replaced by something hostile, so the
 * hostility is met past a decoder's first checks. Build each with `hostileValue`.
 */
export const hostileRecipeArb = (valid?: fc.Arbitrary<unknown>): fc.Arbitrary<HostileRecipe> => {
  if (valid === undefined) return treeRecipe;
  return fc.oneof(treeRecipe, fc.record({ valid, pick: fc.nat(), junk: treeRecipe }));
};

/** `value` (a JSON-like tree) with the `pick`-th node (not inside a typed array) replaced by `junk`. */
const plant = (value: unknown, junk: unknown, pick: number): unknown => {
  const copy = structuredClone(value);
  const slots: [Record<string, unknown>, string][] = [];
  const collect = (node: unknown, depth: number): void => {
    if (typeof node !== "object" || node === null || ArrayBuffer.isView(node) || depth > 6) return;
    for (const key of Object.keys(node)) {
      slots.push([node as Record<string, unknown>, key]);
      collect((node as Record<string, unknown>)[key], depth + 1);
    }
  };
  collect(copy, 0);
  if (slots.length === 0) return junk;
  const [parent, key] = slots[pick % slots.length] as [Record<string, unknown>, string];
  parent[key] = junk;
  return copy;
};

const show = (u: unknown): string => {
  try {
    return String(u);
  } catch {
    return typeof u;
  }
};

/**
 * Throws (a law verdict) unless `decode(input)` returned, or its promise resolved. A Left's
 * `message` and issues' `path`/`message`, when present, must be strings.
 */
export const expectDecoderReturns = async (decoder: PublicDecoder, input: unknown): Promise<void> => {
  let result: unknown;
  try {
    result = decoder.decode(input);
    if (result instanceof Promise) result = await result;
  } catch (error) {
    throw lawBroken(`${decoder.name} threw instead of returning a refusal: ${show((error as Error)?.message)}`);
  }
  if (typeof result !== "object" || result === null || (result as { _tag?: unknown })._tag !== "Left") return;
  const left = (result as { left: unknown }).left as { message?: unknown; issues?: unknown } | null;
  if (typeof left !== "object" || left === null) return;
  if ("message" in left && typeof left.message !== "string")
    throw lawBroken(`${decoder.name}: a refusal's message is not text`);
  if (Array.isArray(left.issues)) {
    for (const issue of left.issues as { path?: unknown; message?: unknown }[]) {
      if (typeof issue.path !== "string" || typeof issue.message !== "string")
        throw lawBroken(`${decoder.name}: an issue without a path or message`);
    }
  }
};

/** Options of `assertDecodersNeverThrow`. */
export interface DecoderLawOptions {
  /** Runs per decoder (default 200). */
  readonly numRuns?: number;
  readonly seed?: number;
  /** Valid inputs to corrupt in place, so hostility gets past the first checks. */
  readonly valid?: fc.Arbitrary<unknown>;
}

/** The decoder law for one decoder: throws fast-check's report when a hostile input makes it throw. */
export const assertDecoderNeverThrows = async (decoder: PublicDecoder, options: DecoderLawOptions = {}) => {
  await fc.assert(
    fc.asyncProperty(hostileRecipeArb(options.valid), (recipe) => expectDecoderReturns(decoder, hostileValue(recipe))),
    {
      numRuns: options.numRuns ?? 200,
      includeErrorInReport: true,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
    },
  );
};
