// The only module that knows prom-client: owns Sinawai's own registry (not prom-client's global one) and gives each
// part of the bot a typed function to report with. What the database holds (the queue, open tickets) is read when
// Prometheus scrapes, not kept up to date on every change.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { TelegramFailure } from "../bot/telegram-failure.js";
import type { RegistrationResult } from "../domain/registration.js";

/** starting: not yet polling; standby: waiting for the leader lock (HOT_STANDBY); active: polling and sending. */
export type Role = "starting" | "standby" | "active";
/** How a call to Telegram ended: accepted, or the kind of failure telegram-failure.ts says it was. */
export type CallOutcome = "ok" | TelegramFailure["kind"];

/** What the database holds, read at each scrape. */
export interface Backlog {
  outboxPending: number;
  /** How long the oldest pending item has waited, in ms; 0 when nothing waits. */
  oldestPendingMs: number;
  openTickets: number;
}

export interface Metrics {
  updateHandled(kind: string, seconds: number, failed: boolean): void;
  /** One attempt at a send (a flood wait that is waited out and tried again counts twice). */
  sent(method: string, outcome: CallOutcome): void;
  polled(outcome: CallOutcome): void;
  registration(result: RegistrationResult["kind"]): void;
  databaseError(): void;
  role(role: Role): void;
  /** The text Prometheus scrapes, and its content type. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

const PREFIX = "sinawai_";

export function createMetrics(readBacklog: () => Promise<Backlog>): Metrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry, prefix: PREFIX });

  const updates = new Counter({ name: `${PREFIX}updates_total`, help: "Updates handled, by kind and whether the handler failed", labelNames: ["kind", "result"], registers });
  const handlerTime = new Histogram({
    name: `${PREFIX}update_handler_seconds`,
    help: "Time to handle one update, answers included",
    labelNames: ["kind"],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const sends = new Counter({ name: `${PREFIX}telegram_sends_total`, help: "Send attempts to Telegram, by method and outcome", labelNames: ["method", "outcome"], registers });
  const polls = new Counter({ name: `${PREFIX}telegram_get_updates_total`, help: "getUpdates calls, by outcome", labelNames: ["outcome"], registers });
  const lastPoll = new Gauge({ name: `${PREFIX}telegram_last_get_updates_seconds`, help: "Unix time of the last successful getUpdates", registers });
  const floods = new Counter({ name: `${PREFIX}telegram_429_total`, help: "Too Many Requests answers from Telegram, by method", labelNames: ["method"], registers });
  const registrations = new Counter({ name: `${PREFIX}registrations_total`, help: "/daftar attempts, by result", labelNames: ["result"], registers });
  const databaseErrors = new Counter({ name: `${PREFIX}database_errors_total`, help: "Database queries that failed", registers });
  const active = new Gauge({ name: `${PREFIX}active`, help: "1 while this instance is the active one (polls and sends), 0 while it starts or stands by", registers });
  const outboxPending = new Gauge({ name: `${PREFIX}outbox_pending`, help: "Messages waiting in the durable queue (NaN when the database did not answer)", registers });
  const outboxOldest = new Gauge({ name: `${PREFIX}outbox_oldest_pending_seconds`, help: "Age of the oldest message waiting in the queue (NaN when unknown)", registers });
  const openTickets = new Gauge({ name: `${PREFIX}open_tickets`, help: "Tickets still open (NaN when the database did not answer)", registers });

  return {
    updateHandled(kind, seconds, failed) {
      updates.inc({ kind, result: failed ? "error" : "ok" });
      handlerTime.observe({ kind }, seconds);
    },
    sent(method, outcome) {
      sends.inc({ method, outcome });
      if (outcome === "flood") floods.inc({ method });
    },
    polled(outcome) {
      polls.inc({ outcome });
      if (outcome === "ok") lastPoll.setToCurrentTime();
      if (outcome === "flood") floods.inc({ method: "getUpdates" });
    },
    registration(result) {
      registrations.inc({ result });
    },
    databaseError() {
      databaseErrors.inc();
    },
    role(role) {
      active.set(role === "active" ? 1 : 0);
    },
    async scrape() {
      // A database that does not answer shows as unknown values (its failure is already counted), not as a failed scrape.
      const backlog = await readBacklog().catch(() => ({ outboxPending: NaN, oldestPendingMs: NaN, openTickets: NaN }));
      outboxPending.set(backlog.outboxPending);
      outboxOldest.set(backlog.oldestPendingMs / 1000);
      openTickets.set(backlog.openTickets);
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
