/**
 * @ticketfold/http — the desk over HTTP: a framework-neutral Fetch handler (Node, Bun, Deno,
 * edge; Hono, Express, Fastify), RFC 9457 problem details from one mapping of error codes,
 * `ETag`/`If-Match`, `Idempotency-Key`, body limits, and the OpenAPI 3.1 document of its routes.
 * The `node:http` bridge (`toNodeListener`) is the `@ticketfold/http/node` entry.
 */
export {
  /** Sign-in hook: the principal, or a Response to answer with. @category handler */
  type Authenticate,
  /** The desk over HTTP as one Fetch API function. @category handler */
  createHttpHandler,
  /** A Fetch API request handler. @category handler */
  type FetchHandler,
  /** What the adapter needs of a desk (`createDesk`'s result fits). @category handler */
  type HttpDesk,
  /** What the adapter needs of a handled command. @category handler */
  type HttpHandled,
  /** A command's expected version and id, as the adapter hands them to the desk. @category handler */
  type HttpHandleOptions,
  /** The handler's options: desk, sign-in, limits, clock. @category handler */
  type HttpHandlerOptions,
  /** Who is asking: tenant and actor. @category handler */
  type HttpPrincipal,
  /** A read being asked for, for `authorizeRead`. @category handler */
  type HttpRead,
  /** A fresh ULID (the default new ticket id). @category handler */
  newUlid,
} from "./handler.js";
export {
  /** Options of the OpenAPI document (server URL, base path, title). @category openapi */
  type OpenApiOptions,
  /** The OpenAPI 3.1 document of the routes. @category openapi */
  openApiDocument,
} from "./openapi.js";
export {
  /** The core's error codes. @category problems */
  type CoreErrorCode,
  /** The default base of problem `type` URIs. @category problems */
  DEFAULT_PROBLEM_TYPE_BASE,
  /** The adapter's own error codes. @category problems */
  type HttpErrorCode,
  /** A dotted path as a JSON pointer. @category problems */
  jsonPointer,
  /** `application/problem+json`. @category problems */
  PROBLEM_CONTENT_TYPE,
  /** An RFC 9457 problem details body. @category problems */
  type Problem,
  /** Every code with a problem: the core's and the adapter's. @category problems */
  type ProblemCode,
  /** One bad value in a problem's `errors`. @category problems */
  type ProblemFieldError,
  /** A status and title. @category problems */
  type ProblemStatus,
  /** A problem details body from a code and detail. @category problems */
  problem,
  /** The problem details of an error value or thrown error. @category problems */
  problemFromError,
  /** A Response with a problem details body. @category problems */
  problemResponse,
  /** THE mapping from every error code to an HTTP status and title. @category problems */
  problemStatuses,
} from "./problem.js";
export {
  /** A route's operation id. @category routes */
  type Operation,
  /** One route. @category routes */
  type Route,
  /** The route table the router and the OpenAPI document share. @category routes */
  routes,
} from "./routes.js";
