// The consumer smoke test's CommonJS app: the same scenario as esm.mjs through `require`, so the
// packages' CJS builds (and store-postgres's dynamic import of PGlite from CJS) are exercised.
const assert = require("node:assert/strict");
const {
  compilePolicy,
  decodeCommand,
  decodePolicy,
  handleCommand,
  loadTicket,
  singlePolicy,
  slaStatus,
} = require("@ticketfold/core");
const { createInMemoryEventStore } = require("@ticketfold/store-memory");
const { createPostgresEventStore, pgliteDriver } = require("@ticketfold/store-postgres");
const E = require("fp-ts/lib/Either");
const desk = require("./desk.json");

const main = async () => {
  const policy = decodePolicy(desk.policy);
  if (E.isLeft(policy)) throw new Error(policy.left.message);
  const compiled = compilePolicy(policy.right);
  if (E.isLeft(compiled)) throw new Error(compiled.left.message);
  const open = decodeCommand(desk.open);
  if (E.isLeft(open)) throw new Error(open.left.message);
  const stores = [
    ["memory", createInMemoryEventStore(), async () => {}],
    ["pglite", createPostgresEventStore({ driver: pgliteDriver() }), (s) => s.close()],
  ];
  for (const [name, store, close] of stores) {
    const opened = await handleCommand(store, singlePolicy(policy.right), open.right);
    assert.ok(E.isRight(opened), `${name}: open was refused: ${JSON.stringify(opened)}`);
    const { state, version } = await loadTicket(store, "acme", open.right.ticketId);
    assert.equal(version, 1, `${name}: version`);
    assert.equal(state.status, "new", `${name}: status`);
    const sla = slaStatus(state, compiled.right, Date.parse("2025-03-03T08:45:00Z"));
    assert.equal(sla.response?.state, "running", `${name}: response clock`);
    assert.equal(sla.response?.remaining, 15 * 60_000, `${name}: response remaining`);
    await close(store);
    console.log(`cjs: ${name}: ticket ${state.status} at version ${version}, response ${sla.response?.state}`);
  }
};
main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
