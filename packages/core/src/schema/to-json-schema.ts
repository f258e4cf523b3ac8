/**
 * `toJsonSchema(codec)`: a JSON Schema (draft 2020-12) of what an io-ts codec decodes, read from
 * the codec itself, so the schema and the decoder cannot drift apart. The io-ts combinators are
 * walked by their `_tag`; a custom `t.Type` must declare its schema (`withJsonSchema`), and one
 * that did not is an error naming where it was met, never a silent `{}` that accepts anything.
 *
 * The schema describes the wire form (durations as `"4h"`, instants as ISO text): the input of
 * `decode`. Objects: a property is required when its codec refuses `undefined`; an exact or
 * strict codec (and `knownFields`) refuses unknown keys (`additionalProperties: false`);
 * intersections of objects merge into one object (unions inside them distribute, so a closed
 * object stays closed). A refinement or brand keeps its base type's schema unless it declares
 * a tighter one. Rules across fields, or a calendar's real dates and time zones, stay with the
 * decoder: a value the schema accepts may still fail to decode, never the other way round.
 */
import * as E from "fp-ts/lib/Either.js";
import * as t from "io-ts";
import { declaredJsonSchema, type JsonSchema, type JsonSchemaTools } from "../shared/json-schema.js";

/** The JSON Schema dialect of every generated document. */
export const JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

/** A generated schema document. */
export type JsonSchemaDocument = { readonly [keyword: string]: unknown };

export interface ToJsonSchemaOptions {
  readonly $id?: string;
  readonly title?: string;
  readonly description?: string;
  /** Codecs written once under `$defs[name]` and referred to by `$ref` (for readable documents). */
  readonly defs?: Readonly<Record<string, t.Decoder<unknown, unknown>>>;
}

/** A codec the converter cannot describe, and where in the codec it was met. */
export class JsonSchemaError extends Error {
  override readonly name = "JsonSchemaError";
  constructor(
    readonly path: string,
    readonly codecName: string,
    reason: string,
  ) {
    super(`cannot write a JSON Schema for ${codecName} at ${path === "" ? "the root" : path}: ${reason}`);
  }
}

type Schema = JsonSchema;
type Obj = { [keyword: string]: unknown };
type Codec = t.Decoder<unknown, unknown> & { readonly _tag?: string; readonly [k: string]: unknown };

/** One alternative of an object codec: its properties, which are required, and whether it is closed. */
interface Shape {
  readonly properties: ReadonlyMap<string, Schema>;
  readonly required: ReadonlySet<string>;
  readonly closed: boolean;
}

const MAX_ALTERNATIVES = 64;
const isAbsent = (c: Codec) => c._tag === "UndefinedType" || c._tag === "VoidType";
const acceptsUndefined = (c: Codec) => E.isRight(c.decode(undefined));
const sameSchema = (a: Schema, b: Schema) => JSON.stringify(a) === JSON.stringify(b);
const pathOf = (path: string, key: string) =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? (path === "" ? key : `${path}.${key}`) : `${path}[${JSON.stringify(key)}]`;

/** The JSON Schema of `codec`: a document with `$schema`, and `$defs` when definitions were named. */
export const toJsonSchema = (
  codec: t.Decoder<unknown, unknown>,
  options: ToJsonSchemaOptions = {},
): JsonSchemaDocument => {
  const defs = new Map<string, Schema | undefined>();
  const defOwner = new Map<string, unknown>();
  const named = new Map<unknown, string>(Object.entries(options.defs ?? {}).map(([name, c]) => [c, name]));

  /** Writes `build()` under `$defs[name]` once (recursion-safe) and returns its `$ref`. */
  const viaDef = (name: string, owner: unknown, path: string, build: () => Schema): Schema => {
    if (!/^[A-Za-z0-9_.-]+$/.test(name)) {
      throw new JsonSchemaError(path, name, "a definition's name is letters, digits, '.', '_' or '-'");
    }
    const known = defOwner.get(name);
    if (known !== undefined && known !== owner) {
      throw new JsonSchemaError(path, name, `two different codecs claim the definition "${name}"`);
    }
    if (known === undefined) {
      defOwner.set(name, owner);
      defs.set(name, undefined);
      defs.set(name, build());
    }
    return { $ref: `#/$defs/${name}` };
  };

  const tools = (path: string): JsonSchemaTools => ({
    schemaOf: (c) => convert(c as Codec, path),
    closed: (c) => {
      const shapes = shapesOf(c as Codec, path);
      if (shapes === undefined) {
        throw new JsonSchemaError(path, c.name, "closed() needs an object codec (type, partial, exact, intersection)");
      }
      return objectSchema(shapes.map((s) => ({ ...s, closed: true })));
    },
  });

  const convert = (c: Codec, path: string): Schema => {
    const declared = declaredJsonSchema(c);
    if (declared !== undefined) {
      const build = () => (typeof declared.schema === "function" ? declared.schema(tools(path)) : declared.schema);
      return declared.def === undefined ? build() : viaDef(declared.def, c, path, build);
    }
    const name = named.get(c);
    if (name !== undefined) return viaDef(name, c, path, () => structural(c, path));
    return structural(c, path);
  };

  const structural = (c: Codec, path: string): Schema => {
    switch (c._tag) {
      case "NullType":
        return { type: "null" };
      case "UndefinedType":
      case "VoidType":
        throw new JsonSchemaError(path, c.name, "undefined is not JSON (only an optional property may be absent)");
      case "UnknownType":
      case "AnyType":
        return {};
      case "NeverType":
        return false;
      case "StringType":
        return { type: "string" };
      case "NumberType":
        return { type: "number" };
      case "BooleanType":
        return { type: "boolean" };
      case "AnyArrayType":
        return { type: "array" };
      case "AnyDictionaryType":
      case "ObjectType":
        return { type: "object" };
      case "LiteralType":
        return { const: c.value };
      case "KeyofType":
        return { type: "string", enum: Object.keys(c.keys as object) };
      case "RefinementType":
        return c === (t.Int as unknown) ? { type: "integer" } : convert(c.type as Codec, path);
      case "ReadonlyType":
        return convert(c.type as Codec, path);
      case "ArrayType":
      case "ReadonlyArrayType":
        return { type: "array", items: convert(c.type as Codec, `${path}[]`) };
      case "TupleType": {
        const types = c.types as Codec[];
        return {
          type: "array",
          prefixItems: types.map((m, i) => convert(m, `${path}[${i}]`)),
          minItems: types.length,
          items: false,
        };
      }
      case "DictionaryType":
        return dictionary(c, path);
      case "UnionType":
        return union(c.types as Codec[], path);
      case "RecursiveType":
        return viaDef(c.name.replace(/[^A-Za-z0-9_.-]/g, "_"), c, path, () => convert(c.type as Codec, path));
      case "InterfaceType":
      case "PartialType":
      case "ExactType":
      case "StrictType":
      case "IntersectionType": {
        const shapes = shapesOf(c, path);
        if (shapes !== undefined) return objectSchema(shapes);
        // An intersection with a member that is not an object: every member must hold.
        const members = (c.types as Codec[]).map((m) => convert(m, path));
        const closed = (c.types as Codec[]).every((m) => shapesOf(m, path)?.every((s) => s.closed) ?? false);
        return closed ? { allOf: members, unevaluatedProperties: false } : { allOf: members };
      }
      case "FunctionType":
      case "BigIntType":
        throw new JsonSchemaError(path, c.name, `${c._tag} has no JSON form`);
      default:
        throw new JsonSchemaError(
          path,
          c.name,
          c._tag === undefined
            ? "a custom t.Type that declares no schema; declare its wire form with withJsonSchema(codec, schema)"
            : `unsupported io-ts type ${c._tag}`,
        );
    }
  };

  const union = (members: readonly Codec[], path: string): Schema => {
    const present = members.filter((m) => !isAbsent(m));
    const schemas = present.map((m) => convert(m, path));
    const enums = schemas.map((s) => enumOf(s));
    if (enums.every((e) => e !== undefined) && enums.length > 0) {
      const values = [...new Set(enums.flat())];
      return values.every((v) => typeof v === "string") ? { type: "string", enum: values } : { enum: values };
    }
    const flat = schemas.flatMap((s) =>
      typeof s === "object" && Object.keys(s).length === 1 && Array.isArray(s.anyOf) ? (s.anyOf as Schema[]) : [s],
    );
    return flat.length === 1 ? (flat[0] as Schema) : { anyOf: flat };
  };

  const dictionary = (c: Codec, path: string): Schema => {
    const domain = c.domain as Codec;
    const values = convert(c.codomain as Codec, `${path}.*`);
    const keys = convert(domain, path);
    const finite = enumOf(keys);
    if (finite !== undefined) {
      // A record over a finite set of keys wants each of them (io-ts checks every key).
      const optional = acceptsUndefined(c.codomain as Codec);
      const names = finite.map(String);
      return {
        type: "object",
        properties: Object.fromEntries(names.map((k) => [k, values])),
        ...(optional ? {} : { required: names }),
      };
    }
    const propertyNames = typeof keys === "object" && sameSchema(keys, { type: "string" }) ? undefined : keys;
    return {
      type: "object",
      ...(propertyNames === undefined ? {} : { propertyNames }),
      additionalProperties: values,
    };
  };

  /** The object alternatives of a codec, or undefined when it is not an object codec. */
  const shapesOf = (c: Codec, path: string): Shape[] | undefined => {
    // A declared codec is opaque; a named one is inlined here (merging keeps a closed object closed).
    if (declaredJsonSchema(c) !== undefined) return undefined;
    switch (c._tag) {
      case "InterfaceType":
      case "PartialType":
      case "StrictType": {
        const props = c.props as Record<string, Codec>;
        const properties = new Map<string, Schema>();
        const required = new Set<string>();
        for (const [key, prop] of Object.entries(props)) {
          const at = pathOf(path, key);
          const optional = c._tag === "PartialType" || acceptsUndefined(prop);
          properties.set(key, isAbsent(prop) ? false : absentFree(prop, at));
          if (!optional) required.add(key);
        }
        return [{ properties, required, closed: c._tag === "StrictType" }];
      }
      case "ExactType":
        return shapesOf(c.type as Codec, path)?.map((s) => ({ ...s, closed: true }));
      case "ReadonlyType":
        return shapesOf(c.type as Codec, path);
      case "IntersectionType": {
        let product: Shape[] = [{ properties: new Map(), required: new Set(), closed: true }];
        for (const member of c.types as Codec[]) {
          const shapes = shapesOf(member, path);
          if (shapes === undefined) return undefined;
          product = product.flatMap((a) => shapes.map((b) => merge(a, b)));
          if (product.length > MAX_ALTERNATIVES) return undefined;
        }
        return product;
      }
      case "UnionType": {
        const all: Shape[] = [];
        for (const member of c.types as Codec[]) {
          const shapes = shapesOf(member, path);
          if (shapes === undefined) return undefined;
          all.push(...shapes);
        }
        return all;
      }
      default:
        return undefined;
    }
  };

  /** A property's schema, leaving out `undefined` (an optional property is simply absent). */
  const absentFree = (prop: Codec, path: string): Schema =>
    prop._tag === "UnionType" && (prop.types as Codec[]).some(isAbsent)
      ? union(prop.types as Codec[], path)
      : convert(prop, path);

  return {
    $schema: JSON_SCHEMA_DIALECT,
    ...(options.$id === undefined ? {} : { $id: options.$id }),
    ...(options.title === undefined ? {} : { title: options.title }),
    ...(options.description === undefined ? {} : { description: options.description }),
    ...asObject(convert(codec as Codec, "")),
    ...(defs.size === 0 ? {} : { $defs: Object.fromEntries([...defs].sort(([a], [b]) => a.localeCompare(b))) }),
  };
};

const merge = (a: Shape, b: Shape): Shape => {
  const properties = new Map(a.properties);
  for (const [key, schema] of b.properties) {
    const mine = properties.get(key);
    properties.set(key, mine === undefined || sameSchema(mine, schema) ? schema : { allOf: [mine, schema] });
  }
  return { properties, required: new Set([...a.required, ...b.required]), closed: a.closed && b.closed };
};

const objectSchema = (shapes: readonly Shape[]): Schema => {
  const one = (s: Shape): Obj => ({
    type: "object",
    properties: Object.fromEntries(s.properties),
    ...(s.required.size === 0 ? {} : { required: [...s.required] }),
    ...(s.closed ? { additionalProperties: false } : {}),
  });
  return shapes.length === 1 ? one(shapes[0] as Shape) : { anyOf: shapes.map(one) };
};

/** The values a schema allows when it is a finite set of constants. */
const enumOf = (s: Schema): unknown[] | undefined => {
  if (typeof s !== "object") return undefined;
  if ("const" in s && Object.keys(s).length === 1) return [s.const];
  if (Array.isArray(s.enum) && Object.keys(s).every((k) => k === "enum" || k === "type")) return s.enum;
  return undefined;
};

const asObject = (s: Schema): Obj => (s === true ? {} : s === false ? { not: {} } : { ...s });
