// The Telegram part of npm run doctor: the token, the webhook, the staff group and the bot's rights in it, asked of
// the Bot API through the same client, fetch and failure classification the bot uses.
import { Bot, TelegramApiError, TelegramBotError, TimeoutError, type Api, type ChatFullInfo } from "node-telegram-bot-api";
import type { Config } from "../config.js";
import { describeError } from "../bot/describe-error.js";
import { classifyFailure } from "../bot/telegram-failure.js";
import { telegramFetch } from "../bot/telegram-fetch.js";
import { fail, pass, type CheckLine, type Checked } from "./check.js";

export type TelegramSettings = Pick<Config, "botToken" | "staffGroupId" | "telegramApiRoot">;

interface Right {
  key: "can_delete_messages" | "can_manage_topics";
  /** As Telegram's admin screen names it. */
  name: string;
}

const DELETE_MESSAGES: Right = { key: "can_delete_messages", name: '"Hapus Pesan"' };
const MANAGE_TOPICS: Right = { key: "can_manage_topics", name: '"Kelola Topik"' };

const GROUP_ID_FIX =
  "periksa STAFF_GROUP_ID (id supergroup berawalan -100; README: Creating the bot and finding the staff group id) " +
  "dan pastikan bot sudah ditambahkan ke grup itu";

export async function checkTelegram(settings: TelegramSettings, timeoutMs: number): Promise<Checked> {
  // As the bot builds it, with a short timeout: a dead network is a ✗ within seconds, not a wait.
  const bot = new Bot(settings.botToken, { apiRoot: settings.telegramApiRoot, timeoutMs, maxRetries: 0, fetch: telegramFetch() });
  const failed = (method: string, err: unknown) => callFailed(method, err, settings.telegramApiRoot, timeoutMs);
  let me;
  try {
    me = await bot.api.getMe();
  } catch (err) {
    return { lines: [failed("getMe", err)], notChecked: ["webhook", "grup staf", "hak bot di grup staf"] };
  }
  const lines = [pass(`Telegram menerima BOT_TOKEN: bot @${me.username ?? me.first_name} (id ${me.id})`)];
  lines.push(await webhook(bot.api, settings.telegramApiRoot, failed));

  let chat: ChatFullInfo;
  try {
    chat = await bot.api.getChat({ chat_id: settings.staffGroupId });
  } catch (err) {
    lines.push(groupUnreachable(settings.staffGroupId, err, failed));
    return { lines, notChecked: ["hak bot di grup staf"] };
  }
  const kind = groupKind(chat);
  if (kind === undefined) {
    lines.push(
      fail(
        `STAFF_GROUP_ID ${chat.id} adalah ${chat.type === "channel" ? "kanal (channel)" : `chat ${chat.type}`}, bukan grup`,
        "buat grup untuk staf OSDM, tambahkan bot, lalu isi STAFF_GROUP_ID dengan id grup itu",
      ),
    );
    return { lines, notChecked: ["hak bot di grup staf"] };
  }
  lines.push(pass(`grup staf "${chat.title ?? chat.id}" (${chat.id}) terjangkau: ${kind}`));
  lines.push(await rights(bot.api, chat, me.id, failed));
  return { lines, notChecked: [] };
}

/** Long polling and a webhook exclude each other: while a webhook is set, getUpdates is answered 409 Conflict. */
async function webhook(api: Api, apiRoot: string, failed: (method: string, err: unknown) => CheckLine): Promise<CheckLine> {
  try {
    const info = await api.getWebhookInfo();
    if (info.url === "") return pass("tidak ada webhook: long polling dapat menerima pesan");
    return fail(
      `webhook terpasang ke ${info.url}: selama itu Telegram menolak long polling bot ini (409 Conflict)`,
      `hapus webhook-nya: buka ${apiRoot}/bot<BOT_TOKEN>/deleteWebhook (ganti <BOT_TOKEN> dengan token bot), ` +
        "dan hentikan layanan lain yang memasangnya",
    );
  } catch (err) {
    return failed("getWebhookInfo", err);
  }
}

function groupKind(chat: ChatFullInfo): string | undefined {
  if (chat.type === "group") return "grup biasa (group)";
  if (chat.type !== "supergroup") return undefined;
  return chat.is_forum ? "forum (supergroup dengan topik)" : "supergroup";
}

function groupUnreachable(groupId: number, err: unknown, failed: (method: string, err: unknown) => CheckLine): CheckLine {
  const failure = classifyFailure(err);
  // Telegram gives a group upgraded to a supergroup a new id, and says which.
  const movedTo = err instanceof TelegramApiError ? err.migrateToChatId : undefined;
  if (movedTo !== undefined) {
    return fail(`grup staf ${groupId} sudah menjadi supergroup dengan id baru ${movedTo}`, `ganti STAFF_GROUP_ID menjadi ${movedTo}`);
  }
  if (failure.kind !== "refused") return failed("getChat", err);
  return failure.blocked ? notMember(groupId, describeError(err)) : fail(`grup staf ${groupId} tidak ditemukan (${describeError(err)})`, GROUP_ID_FIX);
}

/** Left, removed or restricted: Telegram refuses getChat, or getChatMember says so. */
function notMember(groupId: number, detail: string): CheckLine {
  return fail(`bot bukan anggota aktif grup staf ${groupId} (${detail})`, "tambahkan bot ke grup staf lagi, lalu jadikan bot admin");
}

/**
 * The bot must be an admin of the staff group: group commands then reach it without @botname, and it may delete
 * messages there; in a forum it must also manage topics.
 */
async function rights(api: Api, chat: ChatFullInfo, botId: number, failed: (method: string, err: unknown) => CheckLine): Promise<CheckLine> {
  const needed = chat.is_forum ? [DELETE_MESSAGES, MANAGE_TOPICS] : [DELETE_MESSAGES];
  const names = needed.map((right) => right.name).join(" dan ");
  let member;
  try {
    member = await api.getChatMember({ chat_id: chat.id, user_id: botId });
  } catch (err) {
    return failed("getChatMember", err);
  }
  if (member.status === "administrator" && "can_delete_messages" in member) {
    const missing = needed.filter((right) => member[right.key] !== true);
    if (missing.length === 0) return pass(`bot admin di grup staf dengan hak ${names}`);
    const missingNames = missing.map((right) => right.name).join(" dan ");
    return fail(
      `bot admin di grup staf tetapi tanpa hak ${missingNames}`,
      `di Telegram: info grup → Edit → Administrator → pilih bot → aktifkan ${missingNames}`,
    );
  }
  if (member.status === "member") {
    return fail(
      "bot anggota grup staf tetapi bukan admin",
      `jadikan bot admin: info grup → Edit → Administrator → Tambah Admin → pilih bot, dengan hak ${names}`,
    );
  }
  return notMember(chat.id, `status ${member.status}`);
}

/** What a failed call means for the admin, by the classification every path of the bot uses. */
function callFailed(method: string, err: unknown, apiRoot: string, timeoutMs: number): CheckLine {
  const failure = classifyFailure(err);
  switch (failure.kind) {
    case "auth":
      return fail(
        `Telegram menolak BOT_TOKEN (${method}: ${describeError(err)})`,
        "salin ulang token dari @BotFather (/mybots → pilih bot → API Token) ke BOT_TOKEN",
      );
    case "outage":
      return fail(
        `Telegram tidak dapat dihubungi di ${apiRoot} (${method}: ${outageReason(err, timeoutMs)})`,
        "periksa koneksi internet server, proxy dan firewall (keluar ke port 443), atau TELEGRAM_API_ROOT",
      );
    case "flood":
      return fail(
        `Telegram meminta menunggu ${Math.ceil(failure.retryAfterMs / 1000)} detik (${method}: 429)`,
        "jalankan lagi sesudahnya; bila sering terjadi, ada proses lain yang memakai token yang sama",
      );
    default:
      return fail(`${method} gagal: ${describeError(err)}`, "periksa TELEGRAM_API_ROOT: alamat itu harus Bot API Telegram");
  }
}

/** The timeout, or the network's own code (ECONNREFUSED, ENOTFOUND…) found down the client's error's causes. */
function outageReason(err: unknown, timeoutMs: number): string {
  if (err instanceof TimeoutError) return `tidak menjawab dalam ${timeoutMs / 1000} detik`;
  for (let cause: unknown = err; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    // The client's own errors carry codes of their own (EFETCH); the socket's is further down.
    if (!(cause instanceof TelegramBotError) && typeof code === "string") return code;
  }
  return describeError(err);
}
