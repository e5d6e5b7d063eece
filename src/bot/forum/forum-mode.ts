// Which way the staff work: in topics when the staff group is a forum and the bot may manage its topics, otherwise by
// replying to the bot's messages (reply mode, unchanged). Decided once at start; what is missing is said in the group
// and in the log, so the admin knows which right to give.
import type { Api } from "node-telegram-bot-api";
import type { Logger } from "../../logger.js";
import { describeError } from "../describe-error.js";
import { M } from "../messages.js";
import type { Gateway } from "../telegram-gateway.js";

export type DeskMode = "forum" | "reply";

/** The admin rights forum mode needs, with their names as Telegram's group settings show them. */
const TOPIC_RIGHT = { key: "can_manage_topics", label: "Kelola Topik (Manage Topics)" } as const;
const DELETE_RIGHT = { key: "can_delete_messages", label: "Hapus Pesan (Delete Messages)" } as const;

export async function deskModeOf(api: Api, gateway: Gateway, groupId: number, botId: number, log: Logger): Promise<DeskMode> {
  try {
    const chat = await api.getChat({ chat_id: groupId });
    if (!("is_forum" in chat) || chat.is_forum !== true) return "reply";
    const member = await api.getChatMember({ chat_id: groupId, user_id: botId });
    const rights = member as unknown as Record<string, unknown>;
    const missing = [TOPIC_RIGHT, DELETE_RIGHT].filter((right) => member.status !== "creator" && rights[right.key] !== true).map((right) => right.label);
    const mode: DeskMode = missing.includes(TOPIC_RIGHT.label) ? "reply" : "forum";
    if (missing.length > 0) {
      log.warn("grup staf berupa forum, tetapi hak admin bot kurang", { missing, mode });
      await gateway.sendMessage({ chat_id: groupId, text: mode === "forum" ? M.forumRightsPartial(missing) : M.forumRightsMissing(missing), parse_mode: "HTML" });
    }
    log.info(mode === "forum" ? "grup staf memakai topik: satu topik per pegawai" : "grup staf memakai mode balas (reply)");
    return mode;
  } catch (err) {
    log.warn("jenis grup staf tidak dapat diperiksa; memakai mode balas (reply)", { error: describeError(err) });
    return "reply";
  }
}
