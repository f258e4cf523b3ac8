import { Ajv2020 } from "ajv/dist/2020.js";
import * as t from "io-ts";
import { describe, expect, it } from "vitest";
import { JsonSchemaError, toJsonSchema, withJsonSchema } from "./index.js";

const body = (codec: t.Decoder<unknown, unknown>, options = {}) => {
  const { $schema, ...rest } = toJsonSchema(codec, options);
  expect($schema).toBe("https://json-schema.org/draft/2020-12/schema");
  return rest;
};

describe("toJsonSchema walks the io-ts combinators by _tag", () => {
  it.each([
    ["string", t.string, { type: "string" }],
    ["number", t.number, { type: "number" }],
    ["boolean", t.boolean, { type: "boolean" }],
    ["null", t.null, { type: "null" }],
    ["unknown", t.unknown, {}],
    ["Int (a brand with a known schema)", t.Int, { type: "integer" }],
    ["literal", t.literal("a"), { const: "a" }],
    ["keyof", t.keyof({ a: null, b: null }), { type: "string", enum: ["a", "b"] }],
    ["union of literals", t.union([t.literal("a"), t.literal("b")]), { type: "string", enum: ["a", "b"] }],
    ["array", t.array(t.string), { type: "array", items: { type: "string" } }],
    ["readonly array", t.readonlyArray(t.number), { type: "array", items: { type: "number" } }],
    [
      "tuple",
      t.tuple([t.string, t.number]),
      { type: "array", prefixItems: [{ type: "string" }, { type: "number" }], minItems: 2, items: false },
    ],
    ["record", t.record(t.string, t.number), { type: "object", additionalProperties: { type: "number" } }],
    [
      "record over finite keys",
      t.record(t.keyof({ a: null }), t.number),
      { type: "object", properties: { a: { type: "number" } }, required: ["a"] },
    ],
    ["refinement keeps its base", t.refinement(t.string, (s) => s.length > 0), { type: "string" }],
    [
      "readonly",
      t.readonly(t.type({ a: t.string })),
      { type: "object", properties: { a: { type: "string" } }, required: ["a"] },
    ],
    [
      "type: required unless it takes undefined",
      t.type({ a: t.string, b: t.union([t.string, t.undefined]), c: t.unknown }),
      { type: "object", properties: { a: { type: "string" }, b: { type: "string" }, c: {} }, required: ["a"] },
    ],
    ["partial", t.partial({ a: t.string }), { type: "object", properties: { a: { type: "string" } } }],
    [
      "exact: closed",
      t.exact(t.type({ a: t.string })),
      { type: "object", properties: { a: { type: "string" } }, required: ["a"], additionalProperties: false },
    ],
    [
      "strict: closed",
      t.strict({ a: t.string }),
      { type: "object", properties: { a: { type: "string" } }, required: ["a"], additionalProperties: false },
    ],
    [
      "intersection of objects: one object",
      t.intersection([t.type({ a: t.string }), t.partial({ b: t.number })]),
      { type: "object", properties: { a: { type: "string" }, b: { type: "number" } }, required: ["a"] },
    ],
    [
      "closed intersection over a union: the union distributes, each alternative closed",
      t.intersection([
        t.exact(t.type({ a: t.string })),
        t.union([t.exact(t.type({ b: t.number })), t.exact(t.type({ c: t.number }))]),
      ]),
      {
        anyOf: [
          {
            type: "object",
            properties: { a: { type: "string" }, b: { type: "number" } },
            required: ["a", "b"],
            additionalProperties: false,
          },
          {
            type: "object",
            properties: { a: { type: "string" }, c: { type: "number" } },
            required: ["a", "c"],
            additionalProperties: false,
          },
        ],
      },
    ],
    [
      "intersection with a non-object: allOf",
      t.intersection([t.string, t.refinement(t.string, () => true)]),
      { allOf: [{ type: "string" }, { type: "string" }] },
    ],
    ["union", t.union([t.string, t.number]), { anyOf: [{ type: "string" }, { type: "number" }] }],
  ])("%s", (_, codec, expected) => {
    expect(body(codec as t.Mixed)).toEqual(expected);
  });

  it("a recursive type becomes a definition that refers to itself", () => {
    interface Tree {
      children: Tree[];
    }
    const TreeC: t.Type<Tree> = t.recursion("Tree", () => t.type({ children: t.array(TreeC) }));
    expect(body(TreeC)).toEqual({
      $ref: "#/$defs/Tree",
      $defs: {
        Tree: {
          type: "object",
          properties: { children: { type: "array", items: { $ref: "#/$defs/Tree" } } },
          required: ["children"],
        },
      },
    });
  });

  it("named codecs are written once under $defs", () => {
    const A = t.type({ a: t.string });
    expect(body(t.type({ x: A, y: t.array(A) }), { defs: { A } })).toEqual({
      type: "object",
      properties: { x: { $ref: "#/$defs/A" }, y: { type: "array", items: { $ref: "#/$defs/A" } } },
      required: ["x", "y"],
      $defs: { A: { type: "object", properties: { a: { type: "string" } }, required: ["a"] } },
    });
  });
});

describe("custom codecs declare their schema", () => {
  const Even = new t.Type<number, number, unknown>(
    "Even",
    (u): u is number => typeof u === "number" && u % 2 === 0,
    (u, c) => (typeof u === "number" && u % 2 === 0 ? t.success(u) : t.failure(u, c)),
    (n) => n,
  );

  it("an undeclared custom t.Type fails generation loudly, naming where it was met", () => {
    const codec = t.type({ outer: t.partial({ count: Even }) });
    expect(() => toJsonSchema(codec)).toThrow(JsonSchemaError);
    expect(() => toJsonSchema(codec)).toThrow(
      "cannot write a JSON Schema for Even at outer.count: a custom t.Type that declares no schema; " +
        "declare its wire form with withJsonSchema(codec, schema)",
    );
  });

  it("undefined alone, a function or a bigint is no JSON and fails too", () => {
    expect(() => toJsonSchema(t.undefined)).toThrow(JsonSchemaError);
    expect(() => toJsonSchema(t.type({ f: t.Function }))).toThrow("FunctionType has no JSON form");
  });

  it("a declared schema is used as given, or built from the codecs it wraps", () => {
    const EvenC = withJsonSchema(Even, { type: "integer", multipleOf: 2 }, "Even");
    const Wrapped = withJsonSchema(
      new t.Type<{ n: number }, { n: number }, unknown>(
        "Wrapped",
        (u): u is { n: number } => true,
        t.success as never,
        (x) => x,
      ),
      ({ closed }) => closed(t.type({ n: EvenC })),
    );
    expect(body(t.array(Wrapped))).toEqual({
      type: "array",
      items: {
        type: "object",
        properties: { n: { $ref: "#/$defs/Even" } },
        required: ["n"],
        additionalProperties: false,
      },
      $defs: { Even: { type: "integer", multipleOf: 2 } },
    });
  });

  it("two codecs may not claim one definition name", () => {
    const A = withJsonSchema(
      t.refinement(t.string, () => true),
      { type: "string" },
      "Same",
    );
    const B = withJsonSchema(
      t.refinement(t.number, () => true),
      { type: "number" },
      "Same",
    );
    expect(() => toJsonSchema(t.type({ a: A, b: B }))).toThrow('two different codecs claim the definition "Same"');
  });
});

describe("the generated schemas are valid 2020-12 schemas that agree with the codec", () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  it.each([
    [t.exact(t.type({ a: t.string, b: t.union([t.number, t.undefined]) })), { a: "x" }, true],
    [t.exact(t.type({ a: t.string, b: t.union([t.number, t.undefined]) })), { a: "x", b: "y" }, false],
    [t.exact(t.type({ a: t.string })), { a: "x", typo: 1 }, false],
    [t.type({ a: t.string }), { a: "x", other: 1 }, true],
    [t.intersection([t.type({ a: t.string }), t.partial({ b: t.number })]), { b: 1 }, false],
  ])("%#", (codec, value, valid) => {
    expect(ajv.validate(toJsonSchema(codec as t.Mixed), value)).toBe(valid);
  });
});
