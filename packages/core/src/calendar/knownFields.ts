/**
 * Refuses fields a calendar shape does not know. A typo such as `"thur"` or `"holiday"` must
 * not silently close a day or drop the holidays, so it is a decode error naming the field.
 */
import * as t from "io-ts";
import { withJsonSchema } from "../shared/json-schema.js";

export const knownFields = <A, O>(codec: t.Type<A, O, unknown>, fields: readonly string[], what: string) =>
  withJsonSchema(
    new t.Type<A, O, unknown>(
      codec.name,
      codec.is,
      (u, c) => {
        if (typeof u !== "object" || u === null || Array.isArray(u)) {
          return t.failure(u, c, `expected ${what} (an object)`);
        }
        const unknown = Object.keys(u).filter((k) => !fields.includes(k));
        const extra: t.ValidationError[] = unknown.map((k) => ({
          value: (u as Record<string, unknown>)[k],
          context: t.appendContext(c, k, t.unknown, (u as Record<string, unknown>)[k]),
          message: `unknown field of ${what}; expected one of ${fields.join(", ")}`,
        }));
        // An entry with an empty key is not part of the path (see shared/decode.ts); it lets the
        // path skip the members of an inner intersection, as it does for io-ts's own combinators.
        const inner = codec.validate(u, t.appendContext(c, "", codec, u));
        if (inner._tag === "Left") return t.failures([...extra, ...inner.left]);
        return extra.length > 0 ? t.failures(extra) : inner;
      },
      codec.encode,
    ),
    ({ closed }) => closed(codec),
  );
