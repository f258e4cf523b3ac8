/**
 * TypeDoc for the site's API reference: one program over the published packages' public
 * entries (see api-entries.mjs), Markdown out into docs/api/ (git-ignored, rebuilt by every
 * `pnpm docs:build`), with the sidebar VitePress reads.
 */
import { fileURLToPath } from "node:url";
import { publicEntries } from "./api-entries.mjs";

// TypeDoc resolves plugin names from its own folder, which under pnpm cannot see its siblings.
/** @param {string} name */
const plugin = (name) => fileURLToPath(import.meta.resolve(name));

// docsRoot is typedoc-vitepress-theme's option (the package exports no types for it).
/** @type {Partial<import("typedoc").TypeDocOptions & import("typedoc-plugin-markdown").PluginOptions> & { docsRoot: string }} */
export default {
  plugin: [
    plugin("typedoc-plugin-markdown"),
    plugin("typedoc-vitepress-theme"),
    plugin("./typedoc-module-names.mjs"),
    plugin("./typedoc-export-categories.mjs"),
  ],
  entryPoints: publicEntries().map((entry) => entry.file),
  tsconfig: fileURLToPath(import.meta.resolve("./tsconfig.api.json")),
  out: fileURLToPath(new URL("../api", import.meta.url)),
  docsRoot: fileURLToPath(new URL("..", import.meta.url)),
  name: "API reference",
  // "Defined in" paths from the repository root (packages/core/src/…), wherever it is cloned.
  displayBasePath: fileURLToPath(new URL("../..", import.meta.url)),
  readme: "none",
  // What a class inherits from the platform's Error (captureStackTrace, stackTraceLimit) is not ours.
  excludeExternals: true,
  // An export tagged `@internal` is for the packages themselves, not for users.
  excludeInternal: true,
  // Exports carry `@category` tags (as io-ts does; one on the entry's export statement wins,
  // see typedoc-export-categories.mjs): a package's page lists them by category, each with its
  // one-line doc, and what has none under "Other". A package without any tag is listed by kind.
  categorizeByGroup: false,
  indexFormat: "table",
  parametersFormat: "table",
};
