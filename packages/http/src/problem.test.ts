/**
 * THE mapping covers every error code the core defines: the codes are read from the core's
 * source (every `code: "…"`, `code = "…"` and each member of an `…ErrorCode` union), so a code
 * added to the core fails this test until it is mapped. And problem bodies are well formed.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonPointer, problem, problemFromError, problemStatuses } from "./problem.js";

const coreSrc = join(dirname(createRequire(import.meta.url).resolve("@ticketfold/core/package.json")), "src");

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") && !e.name.endsWith(".test-support.ts")
        ? [join(dir, e.name)]
        : [],
  );

/** Every error code the core's source declares. */
const coreErrorCodes = (): Set<string> => {
  const codes = new Set<string>();
  const literal = /"([A-Z][A-Z0-9_]+)"/g;
  for (const file of sourceFiles(coreSrc)) {
    const text = readFileSync(file, "utf8");
    // `code: "X"`, `code: "X" | "Y"`, `code = "X" as const`, `code: "X",` in values
    for (const m of text.matchAll(/\bcode\??\s*[:=]\s*("[A-Z][A-Z0-9_]+"(?:\s*\|\s*"[A-Z][A-Z0-9_]+")*)/g)) {
      for (const c of (m[1] as string).matchAll(literal)) codes.add(c[1] as string);
    }
    // `export type FooErrorCode = | "X" | "Y";`
    for (const m of text.matchAll(/type \w*ErrorCode\s*=([^;]+);/g)) {
      for (const c of (m[1] as string).matchAll(literal)) codes.add(c[1] as string);
    }
  }
  return codes;
};

describe("problemStatuses", () => {
  it("maps every error code the core defines", () => {
    const codes = coreErrorCodes();
    // The scan finds the known families (a regex that found nothing would pass vacuously).
    for (const known of [
      "TICKET_NOT_FOUND",
      "COMMAND_ID_REUSED",
      "CONCURRENCY_CONFLICT",
      "EVENT_OUT_OF_ORDER",
      "UNKNOWN_CALENDAR",
      "DECODE_ERROR",
    ]) {
      expect(codes, known).toContain(known);
    }
    const unmapped = [...codes].filter((c) => !Object.hasOwn(problemStatuses, c));
    expect(unmapped, "core error codes without an HTTP mapping in problemStatuses").toEqual([]);
  });

  it("gives every code a 4xx or 5xx status and a title", () => {
    for (const [code, { status, title }] of Object.entries(problemStatuses)) {
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(600);
      expect(title.length, code).toBeGreaterThan(0);
    }
  });
});

describe("problem details", () => {
  it("a domain error becomes type, title, status, detail, instance, code and its fields (instants as ISO)", () => {
    const p = problemFromError(
      {
        code: "ESCALATION_NOT_YET_POSSIBLE",
        possibleAt: Date.UTC(2025, 2, 3, 10),
        level: 1,
        message: "not before 10:00",
      },
      "/tickets/x/commands",
    );
    expect(p).toEqual({
      type: "urn:ticketfold:problem:escalation-not-yet-possible",
      title: "Escalation not yet possible",
      status: 409,
      detail: "not before 10:00",
      instance: "/tickets/x/commands",
      code: "ESCALATION_NOT_YET_POSSIBLE",
      possibleAt: "2025-03-03T10:00:00.000Z",
      level: 1,
    });
  });

  it("decode issues become errors with paths and JSON pointers", () => {
    const p = problemFromError(
      {
        code: "INVALID_COMMAND",
        issues: [{ path: "data.requester.email", expected: "string", message: "bad" }],
        message: "invalid",
      },
      "/x",
    );
    expect(p.errors).toEqual([{ path: "data.requester.email", pointer: "/data/requester/email", detail: "bad" }]);
  });

  it("a server error says nothing of its message; an unknown error is INTERNAL_ERROR", () => {
    const corrupt = Object.assign(new Error("event acme/T@3 cannot be read: secret"), { code: "CORRUPT_EVENT" });
    expect(problemFromError(corrupt, "/x")).toMatchObject({ status: 500, code: "CORRUPT_EVENT" });
    expect(problemFromError(corrupt, "/x").detail).not.toContain("secret");
    expect(problemFromError(new TypeError("boom"), "/x")).toMatchObject({ status: 500, code: "INTERNAL_ERROR" });
  });

  it("problem() takes another type base and a status override", () => {
    const p = problem(
      { code: "CONCURRENCY_CONFLICT", status: 412, detail: "moved", instance: "/t" },
      "https://desk.example/problems/",
    );
    expect(p).toMatchObject({ type: "https://desk.example/problems/concurrency-conflict", status: 412 });
  });

  it("paths become JSON pointers", () => {
    expect(jsonPointer("")).toBe("");
    expect(jsonPointer("a.b[2].c")).toBe("/a/b/2/c");
    expect(jsonPointer('targets["1"].response')).toBe("/targets/1/response");
    expect(jsonPointer('x["a/b~c"]')).toBe("/x/a~1b~0c");
  });
});

describe("docs/http.md", () => {
  it("tables every code with its status", () => {
    const doc = readFileSync(join(import.meta.dirname, "..", "..", "..", "docs", "http.md"), "utf8");
    for (const [code, { status }] of Object.entries(problemStatuses)) {
      expect(doc, code).toMatch(new RegExp(`\\|\\s*\`${code}\`\\s*\\|\\s*${status}\\s*\\|`));
    }
  });
});
