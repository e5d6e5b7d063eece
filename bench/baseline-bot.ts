// The baseline: the smallest bot built as node-telegram-bot-api's README shows, answering /tentang with Sinawai's text.
// No database, no pacing, no inbox: what the library alone costs. Started by the bench with the text in TENTANG_TEXT.
import { Bot } from "node-telegram-bot-api";

const { BOT_TOKEN, TELEGRAM_API_ROOT, TENTANG_TEXT } = process.env;
if (!BOT_TOKEN || !TELEGRAM_API_ROOT || !TENTANG_TEXT) throw new Error("baseline-bot needs BOT_TOKEN, TELEGRAM_API_ROOT and TENTANG_TEXT");
const text = TENTANG_TEXT;

const bot = new Bot(BOT_TOKEN, { apiRoot: TELEGRAM_API_ROOT });
bot.command("tentang", (ctx) => ctx.reply(text, { parse_mode: "HTML" }));
await bot.startPolling();
