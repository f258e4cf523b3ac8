/**
 * The dependency rule: `packages/core/src` is a stack in which every import points down
 * (docs/README.md draws it). Each folder is a layer with a rank; a file may import its own
 * folder and any folder of a lower rank, never one above, and never a sibling of the same rank
 * (sla, notifications and schema read the policy side by side; projections and handling both sit
 * on the store). The entry files (index.ts, internal.ts) may import every layer; no layer imports them.
 * The core is also pure: no `node:*`, no package it does not declare, and no clock, randomness
 * or timer (`Date.now`, `new Date()`, `Math.random`, `performance`, `setTimeout`, …).
 * Test files (`*.test.ts`, `*.test-support.ts`) are outside the rule: a test may use any layer.
 */
import ts from "typescript";
import { describe, expect, it } from "vitest";

declare global {
  interface ImportMeta {
    glob<T>(patterns: string | string[], options: { eager: true; query?: string; import?: string }): Record<string, T>;
  }
}

/** Layer ranks, lowest first (docs/README.md). */
const LAYERS: Readonly<Record<string, number>> = {
  shared: 0,
  calendar: 1,
  ticket: 2,
  policy: 3,
  sla: 4,
  notifications: 4,
  schema: 4,
  escalation: 5,
  decide: 6,
  timers: 7,
  store: 8,
  projections: 9,
  handling: 9,
  workers: 10,
  desk: 11,
};
const ENTRIES = new Set(["index.ts", "internal.ts"]);

const sources = import.meta.glob<string>(["./**/*.ts", "!./**/*.test.ts", "!./**/*.test-support.ts"], {
  eager: true,
  query: "?raw",
  import: "default",
});
const manifest = import.meta.glob<{ dependencies?: Record<string, string> }>("../package.json", {
  eager: true,
  import: "default",
});
const declared = Object.keys(Object.values(manifest)[0]?.dependencies ?? {});

/** `./sla/frame.ts` → `sla/frame.ts`. */
const norm = (p: string): string => p.replace(/^\.\//, "");
const folderOf = (file: string): string | undefined => (file.includes("/") ? file.split("/")[0] : undefined);

/** Resolves a relative specifier of `from` to a source file (`../sla/frame.js` → `sla/frame.ts`). */
const resolve = (from: string, spec: string): string => {
  const parts = from.split("/").slice(0, -1);
  for (const seg of spec.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/").replace(/\.js$/, ".ts");
};

interface Found {
  readonly imports: { readonly spec: string; readonly line: number }[];
  readonly impure: { readonly what: string; readonly line: number }[];
}

const FORBIDDEN_GLOBALS = new Set(["performance", "process", "setTimeout", "setInterval", "setImmediate", "crypto"]);

/** Every import/export specifier and every impure call of a file, from its syntax tree. */
const scan = (file: string, text: string): Found => {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const lineOf = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const found: Found = { imports: [], impure: [] };
  const visit = (n: ts.Node): void => {
    if (
      (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) &&
      n.moduleSpecifier &&
      ts.isStringLiteral(n.moduleSpecifier)
    )
      found.imports.push({ spec: n.moduleSpecifier.text, line: lineOf(n) });
    else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = n.arguments[0];
      found.imports.push({ spec: arg && ts.isStringLiteral(arg) ? arg.text : "(dynamic)", line: lineOf(n) });
    } else if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression)) {
      const what = `${n.expression.text}.${n.name.text}`;
      if (what === "Date.now" || what === "Math.random") found.impure.push({ what, line: lineOf(n) });
    } else if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === "Date") {
      if ((n.arguments ?? []).length === 0) found.impure.push({ what: "new Date()", line: lineOf(n) });
    } else if (ts.isIdentifier(n) && FORBIDDEN_GLOBALS.has(n.text)) {
      const p = n.parent;
      const isName = (ts.isPropertyAccessExpression(p) && p.name === n) || (ts.isPropertyAssignment(p) && p.name === n);
      if (!isName) found.impure.push({ what: n.text, line: lineOf(n) });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
};

/** What is wrong with `file` (in `folder`, undefined for an entry file) importing `spec`, if anything. */
const importProblem = (file: string, folder: string | undefined, spec: string): string | undefined => {
  if (!spec.startsWith(".")) {
    const pkg = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : (spec.split("/")[0] ?? spec);
    if (spec.startsWith("node:")) return "no node:* in the core";
    return declared.includes(pkg) ? undefined : `${pkg} is not a dependency of @ticketfold/core`;
  }
  const to = folderOf(resolve(file, spec));
  if (to === undefined) return "only the package's entry points import the entry files";
  if (folder === undefined || to === folder) return undefined;
  const [rFrom, rTo] = [LAYERS[folder] as number, LAYERS[to]];
  if (rTo === undefined) return `${to}/ is not a layer`;
  if (rTo > rFrom) return `${folder} (layer ${rFrom}) may not import ${to} (layer ${rTo}, above it)`;
  if (rTo === rFrom) return `${folder} and ${to} are siblings (layer ${rFrom}); neither may import the other`;
  return undefined;
};

/** The rule's violations over a set of sources (`{ "sla/frame.ts": text }`), one line each. */
const violations = (files: Readonly<Record<string, string>>): string[] => {
  const out: string[] = [];
  for (const [file, text] of Object.entries(files).sort()) {
    const folder = folderOf(file);
    const isEntry = folder === undefined && ENTRIES.has(file);
    if (!isEntry && (folder === undefined || LAYERS[folder] === undefined)) {
      out.push(`${file}: not in a layer; put it in a folder of the stack or add its folder to LAYERS`);
      continue;
    }
    const { imports, impure } = scan(file, text);
    const found: [number, string][] = impure.map(({ what, line }) => [
      line,
      `${file}:${line}: ${what} (the core takes now, ids and timers as arguments)`,
    ]);
    for (const { spec, line } of imports) {
      const problem = importProblem(file, folder, spec);
      if (problem !== undefined) found.push([line, `${file}:${line}: imports "${spec}": ${problem}`]);
    }
    out.push(...found.sort((a, b) => a[0] - b[0]).map(([, v]) => v));
  }
  return out;
};

const core = Object.fromEntries(Object.entries(sources).map(([p, text]) => [norm(p), text]));

describe("the core's dependency rule", () => {
  it("sees the whole source tree", () => {
    expect(Object.keys(core).length).toBeGreaterThan(100);
    expect(Object.keys(core)).toContain("index.ts");
    expect(Object.keys(core).filter((f) => f.endsWith(".test.ts"))).toEqual([]);
  });

  it("every import points down the stack; the core is pure", () => {
    expect(violations(core)).toEqual([]);
  });

  it("every folder has an index.ts, its public face; the entry files take each folder's face only", () => {
    for (const folder of Object.keys(LAYERS)) expect(Object.keys(core)).toContain(`${folder}/index.ts`);
    for (const entry of ENTRIES) {
      const specs = scan(entry, core[entry] ?? "").imports.map((i) => i.spec);
      expect(specs.filter((spec) => !/^\.\/[a-z]+\/index\.js$/.test(spec))).toEqual([]);
    }
  });

  it("names every export: no export * anywhere in the core", () => {
    const star = Object.entries(core).filter(([, text]) => /^export \*/m.test(text));
    expect(star.map(([file]) => file)).toEqual([]);
  });

  it("would catch an upward import, a sibling import, node:* and a clock", () => {
    const broken = {
      "ticket/state.ts": 'import type { Policy } from "../policy/policy.js";',
      "sla/status.ts": 'import { notificationsFor } from "../notifications/notifications-for.js";',
      "shared/ids.ts": 'import { readFileSync } from "node:fs";\nexport const now = () => Date.now();',
      "decide/decide.ts": 'import "../index.js";\nexport const id = Math.random();',
      "stray.ts": "export {};",
    };
    expect(violations(broken)).toEqual([
      'decide/decide.ts:1: imports "../index.js": only the package\'s entry points import the entry files',
      "decide/decide.ts:2: Math.random (the core takes now, ids and timers as arguments)",
      'shared/ids.ts:1: imports "node:fs": no node:* in the core',
      "shared/ids.ts:2: Date.now (the core takes now, ids and timers as arguments)",
      'sla/status.ts:1: imports "../notifications/notifications-for.js": sla and notifications are siblings (layer 4); neither may import the other',
      "stray.ts: not in a layer; put it in a folder of the stack or add its folder to LAYERS",
      'ticket/state.ts:1: imports "../policy/policy.js": ticket (layer 2) may not import policy (layer 3, above it)',
    ]);
  });
});
