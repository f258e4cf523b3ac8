/**
 * A TypeDoc plugin: a package's public entry decides an export's category. A curated index.ts
 * puts `@category` in the doc comment of its export statements (one specifier, a whole
 * `export { … } from`, or an `export * from`), but TypeDoc reads the comment of the declaration
 * itself and falls back to the export statement's only when the declaration has none. Here the
 * entry's tag wins: it replaces any `@category` of the declaration's comment.
 */
import { Comment, CommentTag, Converter, ReflectionKind } from "typedoc";
import ts from "typescript";

/** @param {ts.Node} node */
const categoryOf = (node) => {
  const tag = ts.getJSDocTags(node).find((t) => t.tagName.text === "category");
  const text = typeof tag?.comment === "string" ? tag.comment : ts.getTextOfJSDocComment(tag?.comment);
  return text?.trim() || undefined;
};

/**
 * Exported name → category, from the export statements of one entry file. A tag on a single
 * specifier beats one on its statement; an explicit export beats an `export *`.
 * @param {ts.SourceFile} file
 * @param {ts.TypeChecker} checker
 */
const entryCategories = (file, checker) => {
  /** @type {Map<string, string>} */ const explicit = new Map();
  /** @type {Map<string, string>} */ const starred = new Map();
  for (const statement of file.statements) {
    if (!ts.isExportDeclaration(statement)) continue;
    const statementCategory = categoryOf(statement);
    const clause = statement.exportClause;
    if (clause && ts.isNamedExports(clause)) {
      for (const specifier of clause.elements) {
        const category = categoryOf(specifier) ?? statementCategory;
        if (category) explicit.set(specifier.name.text, category);
      }
    } else if (clause && ts.isNamespaceExport(clause)) {
      if (statementCategory) explicit.set(clause.name.text, statementCategory);
    } else if (statementCategory && statement.moduleSpecifier) {
      const target = checker.getSymbolAtLocation(statement.moduleSpecifier);
      for (const symbol of target ? checker.getExportsOfModule(target) : []) {
        if (!starred.has(symbol.name)) starred.set(symbol.name, statementCategory);
      }
    }
  }
  return new Map([...starred, ...explicit]);
};

/** @param {import("typedoc").Application} app */
export const load = (app) => {
  /** @type {WeakMap<import("typedoc").Reflection, Map<string, string>>} */
  const byModule = new WeakMap();
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    const module = reflection.parent;
    // A module, or the project itself when there is one entry point.
    if (!module?.kindOf(ReflectionKind.Module | ReflectionKind.Project)) return;
    let categories = byModule.get(module);
    if (!categories) {
      const file = context.getSymbolFromReflection(module)?.declarations?.find(ts.isSourceFile);
      categories = file ? entryCategories(file, context.checker) : new Map();
      byModule.set(module, categories);
    }
    const category = categories.get(reflection.name);
    if (!category) return;
    const comment = reflection.comment ?? new Comment();
    comment.blockTags = [
      ...comment.blockTags.filter((tag) => tag.tag !== "@category"),
      new CommentTag("@category", [{ kind: "text", text: category }]),
    ];
    reflection.comment = comment;
  });
};
