/**
 * A TypeDoc plugin: name each module of the reference by its import specifier
 * (`@ticketfold/core`), not by its path in the repository (`core/src`), which is what TypeDoc
 * derives when several packages are documented in one program; and, where the entry file has no
 * module comment, say what the package is with its package.json description.
 */
import { resolve } from "node:path";
import { Comment, Converter, ReflectionKind } from "typedoc";
import { publicEntries } from "./api-entries.mjs";

/** @param {import("typedoc").Application} app */
export const load = (app) => {
  const entries = new Map(publicEntries().map((entry) => [resolve(entry.file), entry]));
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.Module)) return;
    const file = context.getSymbolFromReflection(reflection)?.declarations?.[0]?.getSourceFile().fileName;
    const entry = file === undefined ? undefined : entries.get(resolve(file));
    if (entry === undefined) return;
    reflection.name = entry.name;
    if (!reflection.comment && entry.description) {
      reflection.comment = new Comment([{ kind: "text", text: entry.description }]);
    }
  });
};
