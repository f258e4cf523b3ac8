import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTimeline, DEMO_START } from "./clock.js";
import { runQuickstart, walkTenants } from "./flow.js";
import { chooseStore, createStore, defaultDataDir } from "./store.js";
import { runSlaWeekDemo, weekPolicies } from "./week.js";

describe("chooseStore", () => {
  it.each([
    ["nothing set: PGlite in the repo's data folder", {}, { kind: "pglite", dataDir: defaultDataDir() }],
    ["a data folder", { TICKETFOLD_DEMO_DATA_DIR: "/tmp/x" }, { kind: "pglite", dataDir: "/tmp/x" }],
    ["the demo's URL", { TICKETFOLD_DEMO_PG_URL: "postgres://a@h/d" }, { kind: "postgres", url: "postgres://a@h/d" }],
    ["the tests' URL", { TICKETFOLD_PG_URL: "postgres://b@h/d" }, { kind: "postgres", url: "postgres://b@h/d" }],
    [
      "the demo's URL before the tests'",
      { TICKETFOLD_DEMO_PG_URL: "postgres://a@h/d", TICKETFOLD_PG_URL: "postgres://b@h/d" },
      { kind: "postgres", url: "postgres://a@h/d" },
    ],
    [
      "memory, even with a URL",
      { TICKETFOLD_DEMO_STORE: "memory", TICKETFOLD_PG_URL: "postgres://b@h/d" },
      { kind: "memory" },
    ],
    [
      "PGlite, even with a URL",
      { TICKETFOLD_DEMO_STORE: "pglite", TICKETFOLD_PG_URL: "postgres://b@h/d" },
      { kind: "pglite", dataDir: defaultDataDir() },
    ],
  ])("%s", (_name, env, expected) => {
    expect(chooseStore(env)).toEqual(expected);
  });

  it.each([
    [{ TICKETFOLD_DEMO_STORE: "postgres" }, /needs TICKETFOLD_DEMO_PG_URL/],
    [{ TICKETFOLD_DEMO_STORE: "sqlite" }, /use memory, pglite or postgres/],
  ])("refuses %o", (env, message) => {
    expect(() => chooseStore(env)).toThrow(message);
  });

  it("keeps the default data folder under the repository's git-ignored .ticketfold-data", () => {
    expect(defaultDataDir()).toMatch(/[/\\]\.ticketfold-data[/\\]quickstart$/);
  });
});

describe("the demo on embedded PGlite with a data folder", () => {
  const tenants = [...walkTenants, ...Object.keys(weekPolicies)];
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ticketfold-quickstart-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("runs both parts, keeps the events across a restart, and clears the demo's tenants at the next start", async () => {
    const dataDir = join(dir, "nested", "quickstart");
    const timeline = createTimeline();
    const first = await createStore(timeline.now, tenants, { kind: "pglite", dataDir });
    let written = 0;
    try {
      expect(first.cleared).toBe(0);
      expect(first.description).toContain(dataDir);
      const walk = await runQuickstart(first.store, timeline.start(DEMO_START));
      expect(walk.tickets.map((t) => t.loaded.state.status)).toEqual(["closed", "closed", "open"]);
      const { hourly, week } = await runSlaWeekDemo(first.store, timeline);
      expect(week.ticks.at(-1)?.tickets.find((v) => v.key === "C1")?.escalation.level).toBe(3);
      const versions = [
        ...walk.tickets.map((t) => t.loaded),
        ...[hourly, week].flatMap((r) => r.ticks.at(-1)?.tickets.map((v) => v.loaded) ?? []),
      ];
      written = versions.reduce((n, l) => n + l.version, 0);
    } finally {
      await first.close();
    }

    const second = await createStore(timeline.now, tenants, { kind: "pglite", dataDir });
    try {
      expect(second.cleared).toBe(written);
      expect((await second.store.readAll()).events).toEqual([]);
    } finally {
      await second.close();
    }
  }, 60_000);
});
