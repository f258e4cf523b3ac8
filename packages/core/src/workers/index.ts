export * from "./outbox-dispatch.js";
export * from "./timer-worker.js";
export * from "./worker-loop.js";
