/**
 * Intake benchmark: how the time to read one inbound mail grows with its body, for a hostile
 * body and a normal one of the same size, each taken through the whole intake
 * (`parseInboundMail` with P-C's key fields on: mailparser, cleaning, `Login:` / `Priority:`,
 * the core's decoder). Sizes double from limit/128 up to the body limit (`maxBodyChars`,
 * 100,000 characters). The hostile body is the one that froze intake: a single line of spaces
 * ending in `x`, read as a would-be key-field line. The normal body is a P-C mail of prose
 * lines. Both travel base64-encoded, as a client sends long lines.
 *
 * Prints, per size, ns/byte for both, the ratio hostile/normal (the baseline is the normal
 * mail in the same run, read in alternation with the hostile one) and the growth
 * time(2n)/time(n): ≈ 2 is linear, ≈ 4 quadratic. Single doublings are noisy on a shared
 * machine (mailparser's stream chunks add steps), so the verdict reads the growth over the three
 * largest doublings together: time(limit)/time(limit/8), ≈ 8 when linear, ≈ 64 when quadratic.
 * Goal: the hostile growth at most 2× the normal mail's (the baseline carries mailparser's own
 * steps) and the hostile body at most 3× the normal one at every size. A size
 * whose single hostile read takes over 5 s stops the climb (larger ones: not measured), so the
 * bench ends on slow code too.
 *
 * Run alone: `npx tsx --conditions=@ticketfold/source src/intake.ts` (from bench/).
 */
import { loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import { tenantId } from "@ticketfold/core";
import { defaultIntakeLimits, type IntakeOptions, parseInboundMail } from "@ticketfold/intake-email";

const LIMIT = defaultIntakeLimits.maxBodyChars;
const SIZES = Array.from({ length: 8 }, (_, k) => Math.round(LIMIT / 2 ** (7 - k)));
const MIN_RUNS = 9;
const MIN_MS = 1_000;
const GIVE_UP_MS = 5_000;
const GOAL_GROWTH_VS_NORMAL = 2;
const GOAL_RATIO = 3;

const options = (): IntakeOptions => ({
  tenantId: tenantId("bench"),
  now: Date.parse("2025-03-03T13:00:00Z"),
  newTicketId: () => "01JNQ50000000000000000000A",
  resolveTag: async () => undefined,
  keyFields: {
    login: { lookup: async (login) => (login === "C-1001" ? { id: "C-1001" } : undefined) },
    priority: true,
  },
});

/** An RFC 822 mail whose text/plain body is `body`, base64 in 76-character lines. */
const mailWith = (body: string): Buffer => {
  const b64 = Buffer.from(body, "utf8").toString("base64").replace(/.{76}/g, "$&\r\n");
  const head = [
    "From: Ivan Petrov <ivan.petrov@zakazchik.example>",
    "To: support@desk.example",
    "Subject: Backup job fails",
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: base64",
  ].join("\r\n");
  return Buffer.from(`${head}\r\n\r\n${b64}\r\n`);
};

const hostileBody = (n: number): string => `${" ".repeat(n - 1)}x`;

const PROSE = "The nightly backup job on host db-3 fails with code 17 after the snapshot step. ";
const normalBody = (n: number): string => {
  const head = "Login: C-1001\nPriority: 2\n\n";
  let text = head;
  while (text.length < n) text += PROSE.length + text.length < n ? `${PROSE}\n` : "x".repeat(n - text.length);
  return text.slice(0, n);
};

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const timeOnce = async (raw: Buffer): Promise<number> => {
  const start = performance.now();
  await parseInboundMail(raw, options());
  return performance.now() - start;
};

/**
 * Median ms of one read of each body, the two read in alternation so load from other processes
 * falls on both. The hostile side stops early (and says so) when one read is over the budget.
 */
const timeSize = async (size: number, withHostile: boolean) => {
  const normalMail = mailWith(normalBody(size));
  const hostileMail = mailWith(hostileBody(size));
  (globalThis as { gc?: () => void }).gc?.();
  const normal: number[] = [];
  const hostile: number[] = [];
  let spent = 0;
  while (normal.length < MIN_RUNS || spent < MIN_MS) {
    const n = await timeOnce(normalMail);
    normal.push(n);
    spent += n;
    if (!withHostile) continue;
    const h = await timeOnce(hostileMail);
    hostile.push(h);
    spent += h;
    if (h > GIVE_UP_MS) return { normal: median(normal), hostile: h, gaveUp: true };
  }
  return { normal: median(normal), hostile: withHostile ? median(hostile) : undefined, gaveUp: false };
};

const cell = (s: string, width: number): string => s.padStart(width);

export async function benchIntake(): Promise<string[]> {
  // Warm up mailparser and the intake path once, so the first size does not pay for it.
  for (let i = 0; i < 20; i++) await parseInboundMail(mailWith(normalBody(SIZES[0] as number)), options());
  const rows: { size: number; hostile: number | undefined; normal: number }[] = [];
  let stopped = false;
  for (const size of SIZES) {
    const timed = await timeSize(size, !stopped);
    rows.push({ size, hostile: timed.hostile, normal: timed.normal });
    stopped ||= timed.gaveUp;
  }
  const lines = [
    `intake: parseInboundMail (P-C key fields on), hostile body (one line of spaces, then x) vs a normal P-C mail; limit ${LIMIT.toLocaleString("en")} characters`,
    `intake: ${["body chars", "hostile ms", "ns/byte", "normal ms", "ns/byte", "hostile/normal", "growth h", "growth n"].map((h) => cell(h, 16)).join("")}`,
  ];
  rows.forEach((r, i) => {
    const before = rows[i - 1];
    const growth = (a: number | undefined, b: number | undefined) =>
      a === undefined || b === undefined ? "" : (a / b).toFixed(2);
    const ns = (ms: number | undefined) => (ms === undefined ? "" : ((ms * 1e6) / r.size).toFixed(0));
    lines.push(
      `intake: ${[
        r.size.toLocaleString("en"),
        r.hostile === undefined ? "not measured" : r.hostile.toFixed(2),
        ns(r.hostile),
        r.normal.toFixed(2),
        ns(r.normal),
        r.hostile === undefined ? "" : (r.hostile / r.normal).toFixed(2),
        growth(r.hostile, before?.hostile),
        growth(r.normal, before?.normal),
      ]
        .map((c) => cell(c, 16))
        .join("")}`,
    );
  });
  // Over the last three doublings (limit/8 → limit) fixed costs are small: linear is ≈ 8, quadratic ≈ 64.
  const last = rows.at(-1);
  const eighth = rows.at(-4);
  const growth8 =
    last?.hostile === undefined || eighth?.hostile === undefined
      ? Number.POSITIVE_INFINITY
      : last.hostile / eighth.hostile;
  const normal8 = last === undefined || eighth === undefined ? Number.NaN : last.normal / eighth.normal;
  const ratios = rows.map((r) => (r.hostile === undefined ? Number.POSITIVE_INFINITY : r.hostile / r.normal));
  const worstRatio = Math.max(...ratios);
  // The normal mail is the baseline: its growth carries mailparser's own steps (stream chunks, GC).
  const verdict = growth8 <= GOAL_GROWTH_VS_NORMAL * normal8 && worstRatio <= GOAL_RATIO ? "goal met" : "GOAL MISSED";
  lines.push(
    `intake: time(limit)/time(limit/8): hostile ${growth8.toFixed(1)}, normal ${normal8.toFixed(1)} (linear ≈ 8, quadratic ≈ 64; goal: hostile ≤ ${GOAL_GROWTH_VS_NORMAL}× normal)`,
    `intake: hostile/normal, worst over all sizes ${worstRatio.toFixed(2)} (goal ≤ ${GOAL_RATIO}): ${verdict} (load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")})`,
  );
  return lines;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const l of await benchIntake()) console.log(l);
}
