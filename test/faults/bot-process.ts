// The bot as a process of its own, for the kill -9 test: `npm start`'s config, logger and startApp, with pacing a
// test can wait for. Telegram's 20-a-minute group limit would hold 30 questions back for over a minute, and it is
// the kill, not the pacing, that is under test.
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { startApp } from "../../src/app.js";
import { TELEGRAM_LIMITS } from "../../src/bot/pacer.js";

const config = loadConfig(process.env);
await startApp(config, createLogger(config.logLevel), { limits: { ...TELEGRAM_LIMITS, group: [{ limit: 1000, ms: 60_000 }], groupShare: [{ limit: 1000, ms: 60_000 }] } });
