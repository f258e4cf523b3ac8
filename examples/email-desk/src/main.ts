/**
 * `pnpm --filter @ticketfold/example-email-desk start [data-dir]`: a bounded demo. It starts the
 * desk (embedded PGlite: in memory, or in `data-dir`), a local mail catcher and webhook
 * receiver, sends two customer mails, moves the simulated clock past P-D's response target,
 * lets the timer worker and the dispatcher run, prints what happened, and stops.
 */
import { formatInstant, HOUR, MINUTE } from "@ticketfold/core";
import { simulatedClock } from "./clock.js";
import { startEmailDesk } from "./desk.js";
import { sendToDesk } from "./mailer.js";
import { startHookReceiver, startMailCatcher } from "./peers.js";

const SECRET = "whsec-demo";
const clock = simulatedClock();
const at = () => formatInstant(clock.now()).replace(".000Z", "Z");
const catcher = await startMailCatcher();
const hooks = await startHookReceiver(SECRET);
const dataDir = process.argv[2] ?? process.env.EMAIL_DESK_DATA_DIR;
const desk = await startEmailDesk({
  clock,
  ...(dataDir ? { dataDir } : {}),
  outgoingSmtp: { host: "127.0.0.1", port: catcher.port },
  webhook: { url: hooks.url, secret: SECRET },
});

const deliver = async () => {
  const r = await desk.dispatch();
  console.log(`  dispatcher: ${r.delivered.length} delivered, ${r.retried.length} to retry, ${r.dead.length} dead`);
};
const showMail = (from: number) => {
  for (const m of catcher.mails.slice(from)) console.log(`  mail → ${m.to.join(", ")}: ${m.subject}`);
};

try {
  console.log(`Email desk on PGlite (${dataDir ?? "in memory"}), intake SMTP 127.0.0.1:${desk.intakePort}\n`);
  console.log(`${at()} Carla writes in`);
  await sendToDesk(desk.intakePort, {
    from: "Carla Kunde <carla@customer.example>",
    subject: "Drucker im 3. OG offline",
    text: "Seit heute früh zeigt der Drucker im 3. OG nur noch 'offline'.",
  });
  const opened = desk.intakeLog.at(-1);
  console.log(`  intake: ${JSON.stringify(opened)}`);
  await deliver();
  showMail(0);

  clock.advance(45 * MINUTE);
  const tag = opened?.kind === "opened" ? `[#${opened.number}]` : "[#0]";
  console.log(`\n${at()} Carla replies to ${tag}`);
  await sendToDesk(desk.intakePort, {
    from: "carla@customer.example",
    subject: `Re: ${tag} Drucker im 3. OG offline`,
    text: "Neustart hat nicht geholfen.",
  });
  console.log(`  intake: ${JSON.stringify(desk.intakeLog.at(-1))}`);

  const seen = catcher.mails.length;
  clock.advance(3 * HOUR + 30 * MINUTE);
  console.log(`\n${at()} nobody has answered: the timer worker runs`);
  for (const t of (await desk.runTimers()).tickets) console.log(`  timers: ${t.ticketId} ${t.applied.join(", ")}`);
  await deliver();
  showMail(seen);

  console.log("\nWebhook receiver:");
  for (const r of hooks.received)
    console.log(`  ${r.rule} key=${r.key} signature ${r.verified ? "verified" : "REJECTED"}`);
  const attempts = await desk.store.outbox.attempts();
  console.log(
    `\nOutbox attempt log: ${attempts.length} attempts, ${attempts.filter((a) => a.outcome === "failed").length} failed`,
  );
} finally {
  await desk.close();
  await catcher.close();
  await hooks.close();
}
