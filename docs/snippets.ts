/**
 * Docs are code: every ```ts block in docs/*.md is type-checked with the TypeScript compiler
 * against the workspace packages, with the options of tsconfig.base.json. Blocks tagged
 * ```ts nocheck are skipped. Each block is its own ES module, so it must import what it uses.
 *
 * The blocks are written to a temporary folder laid out like an app: a package.json with
 * "type": "module" and a node_modules whose @ticketfold/* entries link to the workspace
 * packages (resolved from source through the "@ticketfold/source" condition) and whose other
 * entries link to the packages those depend on.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import ts from "typescript";

export interface Snippet {
  readonly doc: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly code: string;
}

export interface SnippetProblem {
  readonly doc: string;
  readonly line: number;
  readonly message: string;
}

const FENCE = /^```(\S*)[ \t]*(.*)$/;

/** The ```ts blocks of one markdown text (not those tagged `nocheck`). */
export const extractSnippets = (doc: string, markdown: string): Snippet[] => {
  const out: Snippet[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] ?? "");
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && l.startsWith("```"));
    const close = end < 0 ? lines.length : end;
    const lang = open[1] ?? "";
    if ((lang === "ts" || lang === "typescript") && !(open[2] ?? "").split(/\s+/).includes("nocheck")) {
      out.push({ doc, line: i + 1, code: lines.slice(i + 1, close).join("\n") });
    }
    i = close;
  }
  return out;
};

const link = (target: string, path: string): void => {
  if (existsSync(path)) return;
  mkdirSync(join(path, ".."), { recursive: true });
  symlinkSync(target, path, "dir");
};

/** Links every workspace package and every package they depend on into `modules`. */
const layOutNodeModules = (root: string, modules: string): void => {
  const workspaces = ["packages", "examples", "bench"].flatMap((dir) => {
    const full = join(root, dir);
    if (!existsSync(full)) return [];
    if (existsSync(join(full, "package.json"))) return [full];
    return readdirSync(full)
      .map((d) => join(full, d))
      .filter((d) => existsSync(join(d, "package.json")));
  });
  for (const ws of workspaces) {
    const { name } = JSON.parse(readFileSync(join(ws, "package.json"), "utf8")) as { name: string };
    link(ws, join(modules, name));
  }
  for (const source of [...workspaces.map((ws) => join(ws, "node_modules")), join(root, "node_modules")]) {
    if (!existsSync(source)) continue;
    for (const entry of readdirSync(source)) {
      if (entry.startsWith(".") || entry === "@ticketfold") continue;
      const scoped = entry.startsWith("@") ? readdirSync(join(source, entry)).map((s) => `${entry}/${s}`) : [entry];
      for (const pkg of scoped) link(join(source, pkg), join(modules, pkg));
    }
  }
};

/** Type-checks every snippet; returns one problem per diagnostic, located in its doc. */
export const checkSnippets = (root: string, snippets: readonly Snippet[]): SnippetProblem[] => {
  const dir = mkdtempSync(join(tmpdir(), "ticketfold-docs-"));
  try {
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "docs-snippets", type: "module", private: true }));
    layOutNodeModules(root, join(dir, "node_modules"));
    const files = new Map<string, Snippet>();
    snippets.forEach((s, i) => {
      const file = join(dir, `${basename(s.doc, ".md")}-${i}.ts`);
      writeFileSync(file, `${s.code}\nexport {};\n`);
      files.set(file, s);
    });
    const base = ts.readConfigFile(join(root, "tsconfig.base.json"), ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(base.config, ts.sys, dir);
    // Snippets are not published, so declaration emit (and its portability checks) is off.
    const program = ts.createProgram([...files.keys()], {
      ...options,
      noEmit: true,
      declaration: false,
      types: ["node"],
    });
    const problems: SnippetProblem[] = [];
    for (const [file, snippet] of files) {
      const source = program.getSourceFile(file);
      for (const d of source ? ts.getPreEmitDiagnostics(program, source) : []) {
        const at = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
        problems.push({
          doc: snippet.doc,
          line: snippet.line + 1 + at,
          message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
        });
      }
    }
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
