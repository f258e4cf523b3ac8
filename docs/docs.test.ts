/**
 * Docs are code: the transition and permissions tables in concepts.md are the ones the core
 * defines, every event type and error code (the domain's and the command handlers') is
 * documented, and every ```ts block in docs/*.md, the root README and each package's README
 * type-checks.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { eventTypes } from "../packages/core/src/ticket/events.js";
import { checkSnippets, extractSnippets, type SnippetProblem } from "./snippets.js";
import {
  betweenMarkers,
  normaliseTable,
  permissionTableMarkdown,
  transitionTableMarkdown,
} from "./transition-table.js";

const docsDir = import.meta.dirname;
const root = join(docsDir, "..");
const read = (doc: string): string => readFileSync(join(docsDir, doc), "utf8");
// The READMEs are checked with the docs: the root README's tour and each published package's
// example (what npm shows) must compile too.
const packageReadmes = readdirSync(join(root, "packages"))
  .filter((p) => existsSync(join(root, "packages", p, "README.md")))
  .map((p) => `../packages/${p}/README.md`);
const docs = [...readdirSync(docsDir).filter((f) => f.endsWith(".md")), "../README.md", ...packageReadmes];

/** The codes a file's error types declare (`code: "…"`). */
const codesIn = (file: string): string[] => [...read(file).matchAll(/code: "([A-Z_]+)"/g)].map((m) => m[1] as string);
const errorCodes = (): string[] => codesIn("../packages/core/src/ticket/errors.ts");
/** What the command handlers add: HandlerError's own members (decision.ts, idempotency.ts) and the conflict. */
const handlerCodes = (): string[] => [
  ...codesIn("../packages/core/src/handling/decision.ts"),
  ...codesIn("../packages/core/src/handling/idempotency.ts"),
  "CONCURRENCY_CONFLICT",
];

describe("docs/concepts.md", () => {
  const concepts = read("concepts.md");

  it("holds the transition table generated from the core", () => {
    expect(normaliseTable(betweenMarkers(concepts) ?? "")).toBe(normaliseTable(transitionTableMarkdown()));
  });

  it.each(eventTypes)("documents the %s event", (type) => {
    expect(concepts).toMatch(new RegExp(`\\|\\s*\`${type}\`\\s*\\|`));
  });

  it("documents every domain error code", () => {
    const codes = errorCodes();
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) expect(concepts, code).toMatch(new RegExp(`\\|\\s*\`${code}\`\\s*\\|`));
  });

  it("documents every error code the command handlers add", () => {
    const codes = handlerCodes();
    expect(codes).toEqual(expect.arrayContaining(["UNKNOWN_POLICY", "COMMAND_ID_REUSED"]));
    for (const code of codes) expect(concepts, code).toMatch(new RegExp(`\\|\\s*\`${code}\`\\s*\\|`));
  });

  it("holds the permissions table generated from the core", () => {
    expect(normaliseTable(betweenMarkers(concepts, "permissions") ?? "")).toBe(
      normaliseTable(permissionTableMarkdown()),
    );
  });
});

describe("normaliseTable", () => {
  it("ignores padding and rule length, not content", () => {
    const padded = "| a   | b |\n| --- | - |\n| `x` | y |";
    expect(normaliseTable(padded)).toBe(normaliseTable("| a | b |\n|---|---|\n| `x` | y |"));
    expect(normaliseTable(padded)).not.toBe(normaliseTable("| a | b |\n|---|---|\n| `x` | z |"));
  });
});

describe("extractSnippets", () => {
  it("takes ts blocks, skips nocheck and other languages, and notes the fence line", () => {
    const md = ["# t", "```ts", "const a = 1;", "```", "```ts nocheck", "broken(", "```", "```sh", "ls", "```"].join(
      "\n",
    );
    expect(extractSnippets("x.md", md)).toEqual([{ doc: "x.md", line: 2, code: "const a = 1;" }]);
  });

  it("reports a snippet that does not compile, at its line in the doc", () => {
    const md = ["```ts", 'import { fold } from "@ticketfold/core";', "const n: number = fold([]);", "```"].join("\n");
    const problems = checkSnippets(root, extractSnippets("bad.md", md));
    expect(problems.map((p) => [p.doc, p.line])).toEqual([["bad.md", 3]]);
  }, 120_000);
});

describe("every ```ts snippet in docs/*.md and the READMEs", () => {
  // One compiler run for all docs (a program takes seconds); each doc then reports its own.
  let problems: SnippetProblem[] = [];
  beforeAll(() => {
    problems = checkSnippets(
      root,
      docs.flatMap((doc) => extractSnippets(doc, read(doc))),
    );
  }, 120_000);

  it("exists: the docs hold snippets to check", () => {
    expect(docs.flatMap((doc) => extractSnippets(doc, read(doc))).length).toBeGreaterThan(0);
  });

  it.each(docs)("%s type-checks against the workspace packages", (doc) => {
    const mine = problems.filter((p) => p.doc === doc).map((p) => `${p.doc}:${p.line}: ${p.message}`);
    expect(mine).toEqual([]);
  });
});
