// The baseline's scenarios, the ones a bot that only answers /tentang can run: start-up, /tentang one at a time, and
// the burst. Its figures carry no targets: they are what Sinawai is compared with.
import path from "node:path";
import { loadContent } from "../src/content/load-content.js";
import { makeUser } from "../test/support/updates.js";
import { REPO_ROOT } from "../test/support/start-command.js";
import { startBot } from "./bot-process.js";
import { figure, type Figure } from "./figures.js";
import type { BenchOptions } from "./options.js";
import { burstScenario } from "./scenarios/burst.js";
import { idleScenario } from "./scenarios/idle.js";
import { BOT_TOKEN, startTelegram, timeToFirstPoll } from "./telegram.js";

export interface BaselineReport {
  figures: Figure[];
  burstS: number;
}

export async function runBaseline(options: BenchOptions, progress: (what: string) => void): Promise<BaselineReport> {
  const { counts, latencyMs, jitterMs } = options;
  progress(`baseline: start-up, ${counts.idleCommands} /tentang one at a time, burst of ${counts.burstUsers}`);
  const fake = await startTelegram({ latencyMs, jitterMs });
  const bot = startBot(["--import", "tsx", "bench/baseline-bot.ts"], { BOT_TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, TENTANG_TEXT: await tentangText() });
  try {
    const figures = [figure("startup.first_getupdates_ms", await timeToFirstPoll(fake, bot), { digits: 0 })];
    const users = Array.from({ length: counts.warmup + counts.idleCommands + counts.burstUsers }, (_, i) => makeUser(500_000 + i));
    const idleUsers = users.slice(0, counts.warmup + counts.idleCommands);
    figures.push(...(await idleScenario(fake, bot, idleUsers, ["/tentang"], counts.warmup)));
    const burst = await burstScenario(fake, bot, users.slice(idleUsers.length), latencyMs);
    figures.push(...burst.figures);
    const peak = await bot.stop();
    figures.push(figure("rss.peak_mb", peak ?? Number.NaN));
    return { figures: figures.map(({ target: _target, ...f }) => f), burstS: burst.drainS };
  } finally {
    await bot.stop();
    await fake.stop();
  }
}

/** /tentang as Sinawai sends it: content/tentang.md rendered to Telegram HTML by the same loader. */
async function tentangText(): Promise<string> {
  const loaded = await loadContent(path.join(REPO_ROOT, "content"));
  if (!loaded.ok) throw new Error("content/ is not valid; run npm run content:check");
  return loaded.content.pages.tentang;
}
