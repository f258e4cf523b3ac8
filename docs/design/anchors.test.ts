/**
 * Every design-note citation in the repository points at a section that exists: each
 * `docs/design/<note>.md#<anchor>` written in a source comment or test title (packages, bench,
 * examples, docs, .ci) and each `design/<note>.md#<anchor>` link in docs/*.md names a note in
 * docs/design/ and one of its headings, slugged as VitePress slugs them (lower case, words
 * joined by `-`). A renamed heading or a mistyped anchor fails here, not in a reader's browser.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const designDir = join(root, "docs", "design");

/** A heading's anchor as VitePress makes it (its default slugify, for the headings we write). */
const slug = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, "")
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .replace(/\s+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");

/** The anchors of a note: one per heading. */
const anchorsOf = (markdown: string): Set<string> =>
  new Set([...markdown.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1] as string)));

const notes = new Map(
  readdirSync(designDir)
    .filter((f) => f.endsWith(".md"))
    .map((f) => [f, anchorsOf(readFileSync(join(designDir, f), "utf8"))] as const),
);

const SKIP = new Set(["node_modules", "dist", ".vitepress", ".git", "coverage"]);
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.(ts|mts|mjs|tsx|md)$/.test(name) ? [path] : [];
  });

const files = ["packages", "bench", "examples", "docs", ".ci"].flatMap((d) => walk(join(root, d)));

interface Citation {
  readonly where: string;
  readonly note: string;
  readonly anchor: string;
}

/** Citations of a file: `docs/design/x.md#a` anywhere, and in docs/ Markdown `design/x.md#a` links. */
const citationsIn = (where: string, text: string): Citation[] =>
  [...text.matchAll(/(?:docs\/)?design\/([a-z0-9-]+\.md)#([a-z0-9-]+)/g)].map((m) => ({
    where: `${where}:${text.slice(0, m.index).split("\n").length}`,
    note: m[1] as string,
    anchor: m[2] as string,
  }));

const citations = files.flatMap((f) => citationsIn(relative(root, f), readFileSync(f, "utf8")));
const thisFile = relative(root, fileURLToPath(import.meta.url));

describe("design-note citations (docs/design/*.md#anchor)", () => {
  it("the notes the code relies on are in the repository", () => {
    expect([...notes.keys()].sort()).toEqual(["event-store.md", "sla-semantics.md"]);
  });

  it("there are citations to check (the comments point at docs/design)", () => {
    expect(citations.filter((c) => !c.where.startsWith(thisFile)).length).toBeGreaterThan(60);
  });

  it("every cited note and anchor exists", () => {
    const broken = citations
      .filter((c) => !c.where.startsWith(thisFile))
      .filter((c) => !notes.get(c.note)?.has(c.anchor))
      .map((c) => `${c.where}: ${c.note}#${c.anchor}`);
    expect(broken).toEqual([]);
  });

  it("finds a broken citation (the check can fail)", () => {
    const found = citationsIn("x.ts", "// see docs/design/sla-semantics.md#no-such-section\n");
    expect(found).toEqual([{ where: "x.ts:1", note: "sla-semantics.md", anchor: "no-such-section" }]);
    expect(notes.get("sla-semantics.md")?.has("no-such-section")).toBe(false);
    expect(notes.get("sla-semantics.md")?.has("time-driven-rules")).toBe(true);
  });

  it("slugs headings as VitePress does", () => {
    expect(slug("Status of a metric")).toBe("status-of-a-metric");
    expect(slug("Re-targeting")).toBe("re-targeting");
    expect(slug("Read-all without gaps")).toBe("read-all-without-gaps");
  });
});
