/**
 * The OpenAPI document against the live routes, over a loopback server: every documented
 * operation answers (not 404/405), every route the router knows is documented (the methods a
 * documented path does not list are 405), every `$ref` resolves, and real answers — successes
 * and problems — validate against the documented schemas (ajv, JSON Schema 2020-12), as do the
 * request bodies the tests send.
 */
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi.js";
import { routes } from "./routes.js";
import { openData, startServer, type TestServer } from "./server.test-support.js";

const doc = openApiDocument();
type Operation = {
  operationId: string;
  requestBody?: { content: Record<string, { schema: object }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: object }> }>;
};
const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({ path, method: method.toUpperCase(), op: op as unknown as Operation })),
);

// ajv and ajv-formats are CommonJS with a `default` export; under NodeNext the namespace is what imports.
const Ajv = (Ajv2020 as unknown as { default: typeof Ajv2020.default }).default ?? Ajv2020;
const formats = (addFormats as unknown as { default: typeof addFormats.default }).default ?? addFormats;
const ajv = new Ajv({ strict: false, allErrors: true });
formats(ajv);
ajv.addSchema({ $id: "https://ticketfold.invalid/openapi.json", components: doc.components });

let inline = 0;
const validatorFor = (schema: object) => {
  const s = schema as { $ref?: string };
  return ajv.compile(
    s.$ref?.startsWith("#/")
      ? { $ref: `https://ticketfold.invalid/openapi.json${s.$ref}` }
      : { $id: `https://ticketfold.invalid/inline/${inline++}.json`, ...schema },
  );
};

/** The documented response of an operation for a status, with its `$ref` resolved. */
const documentedResponse = (op: Operation, status: number) => {
  const r = op.responses[String(status)];
  if (r === undefined) return undefined;
  if (r.$ref === undefined) return r;
  const name = r.$ref.replace("#/components/responses/", "");
  return (doc.components.responses as Record<string, { content?: Record<string, { schema: object }> }>)[name];
};

let s: TestServer;
let ticketId = "";
beforeAll(async () => {
  s = await startServer();
});
afterAll(() => s.close());

const TENANT = { "x-tenant": "acme" };
const AGENT = { "x-tenant": "acme", "x-actor": "agent" };

/** Sends a request, and checks its body and its answer against the document. */
const exchange = async (
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = TENANT,
  bodyValid = true,
) => {
  const route = routes.find(
    (r) =>
      r.method === method &&
      new RegExp(`^${r.path.replace("{ticketId}", "[^/]+")}$`).test(path.split("?")[0] as string),
  );
  expect(route, `${method} ${path} is a documented route`).toBeDefined();
  const op = operations.find((o) => o.path === route?.path && o.method === method)?.op as Operation;
  if (body !== undefined && op.requestBody !== undefined) {
    const validate = validatorFor(op.requestBody.content["application/json"]?.schema ?? {});
    // The document and the server agree on bodies: a body the schema refuses, the server refuses too.
    expect(validate(body), JSON.stringify(validate.errors)).toBe(bodyValid);
  }
  const r = await fetch(`${s.url}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const documented = documentedResponse(op, r.status);
  expect(documented, `${method} ${path} answered ${r.status}, which the document does not list`).toBeDefined();
  const type = r.headers.get("content-type")?.split(";")[0] ?? "";
  const json = r.status === 304 ? undefined : await r.json();
  if (json !== undefined) {
    const schema = documented?.content?.[type]?.schema;
    expect(schema, `${method} ${path} ${r.status} ${type} is documented`).toBeDefined();
    const validate = validatorFor(schema as object);
    expect(validate(json), `${method} ${path} ${r.status}: ${JSON.stringify(validate.errors)}`).toBe(true);
  }
  return { status: r.status, json: json as Record<string, unknown> };
};

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and every $ref in it resolves", () => {
    expect(doc.openapi).toBe("3.1.0");
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/([^"]+)"/g)].map((m) => m[1] as string);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const target = ref.split("/").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], doc);
      expect(target, ref).toBeDefined();
    }
  });

  it("documents exactly the routes the router knows", () => {
    expect(operations.map((o) => `${o.method} ${o.path}`).sort()).toEqual(
      routes.map((r) => `${r.method} ${r.path}`).sort(),
    );
  });
});

describe("the live routes", () => {
  beforeAll(async () => {
    const opened = await exchange("POST", "/tickets", { data: openData() });
    expect(opened.status).toBe(201);
    ticketId = opened.json.ticketId as string;
  });

  it("every documented operation answers (not 404, not 405)", async () => {
    const bodies: Record<string, unknown> = {
      openTicket: { data: openData() },
      handleCommand: { type: "accept" },
    };
    for (const { path, method, op } of operations) {
      const r = await exchange(method, path.replace("{ticketId}", ticketId), bodies[op.operationId], AGENT);
      expect([404, 405], `${method} ${path}`).not.toContain(r.status);
      expect(r.status, `${method} ${path}`).toBeLessThan(300);
    }
  });

  it("a documented path answers 405 to every method it does not document (the router knows no other route there)", async () => {
    for (const path of Object.keys(doc.paths)) {
      const documented = Object.keys(doc.paths[path] as object).map((m) => m.toUpperCase());
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => !documented.includes(m))) {
        const r = await fetch(`${s.url}${path.replace("{ticketId}", ticketId)}`, { method, headers: TENANT });
        expect(r.status, `${method} ${path}`).toBe(405);
        expect(r.headers.get("allow")?.split(", ").sort(), `${method} ${path}`).toEqual(documented.sort());
      }
    }
  });

  it("answers match the documented schemas: successes and problems", async () => {
    await exchange(
      "POST",
      `/tickets/${ticketId}/commands`,
      { type: "comment", data: { body: "On it", visibility: "public" } },
      AGENT,
    );
    await exchange(
      "POST",
      `/tickets/${ticketId}/commands`,
      { type: "resolve", data: { resolution: "Replaced the router" } },
      AGENT,
    );
    await exchange("GET", "/tickets?status=resolved&limit=1");
    await exchange("GET", `/tickets/${ticketId}`);
    await exchange("GET", `/tickets/${ticketId}/customer-view`);
    // Problems, each with its documented status.
    expect((await exchange("POST", `/tickets/${ticketId}/commands`, { type: "accept" }, AGENT)).status).toBe(409);
    expect((await exchange("GET", "/tickets/01JNDG9Q000000000000000099")).status).toBe(404);
    expect((await exchange("GET", "/tickets?limit=9999")).status).toBe(400);
    expect(
      (await exchange("POST", `/tickets/${ticketId}/commands`, { type: "assign", data: {} }, AGENT, false)).status,
    ).toBe(422);
    expect(
      (await exchange("POST", `/tickets/${ticketId}/commands`, { type: "accept" }, { ...AGENT, "if-match": '"1"' }))
        .status,
    ).toBe(412);
  });

  it("the command schemas are the core's, and payload-less commands may leave data out", async () => {
    const schemas = doc.components.schemas as Record<string, { required?: string[] }>;
    expect(schemas["CommandBody.comment"]?.required).toEqual(["type", "data"]);
    expect(schemas["CommandBody.accept"]?.required).toEqual(["type"]);
    expect(schemas["core.Actor"]).toBeDefined();
    const bad = { type: "comment", data: { body: "x", visibility: "everyone" } };
    const r = await exchange("POST", `/tickets/${ticketId}/commands`, bad, AGENT, false);
    expect(r.status).toBe(422);
  });

  it("a body the schema refuses is refused by the server too", async () => {
    const refused = { data: openData(), tenantId: "globex" };
    const op = operations.find((o) => o.op.operationId === "openTicket")?.op as Operation;
    expect(validatorFor(op.requestBody?.content["application/json"]?.schema ?? {})(refused)).toBe(false);
    const r = await fetch(`${s.url}/tickets`, {
      method: "POST",
      headers: { ...TENANT, "content-type": "application/json" },
      body: JSON.stringify(refused),
    });
    expect(r.status).toBe(422);
  });
});
