/**
 * A TypeDoc plugin: name each module of the reference by its import specifier
 * (`@ticketfold/core`), not by its path in the repository (`core/src`), which is what TypeDoc
 * derives when several packages are documented in one program.
 */
import { resolve } from "node:path";
import { Converter, ReflectionKind } from "typedoc";
import { publicEntries } from "./api-entries.mjs";

/** @param {import("typedoc").Application} app */
export const load = (app) => {
  const names = new Map(publicEntries().map((entry) => [resolve(entry.file), entry.name]));
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.Module)) return;
    const file = context.getSymbolFromReflection(reflection)?.declarations?.[0]?.getSourceFile().fileName;
    const name = file === undefined ? undefined : names.get(resolve(file));
    if (name !== undefined) reflection.name = name;
  });
};
