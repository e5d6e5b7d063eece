// Decides which chats the bot serves: private chats and the staff group. Other groups are told their id and left,
// except the supergroup the staff group just became, which is told how to point the bot at it;
// bots and channels are ignored; edits of messages pass (they follow to the other side).
import type { Context, NextFn } from "node-telegram-bot-api";
import type { BotDeps } from "../deps.js";
import { M } from "../messages.js";
import { describeError } from "../describe-error.js";
import { describeUpdate } from "../update-info.js";

export function chatFilter(deps: BotDeps) {
  /**
   * Supergroups the staff group became (Telegram gives a group a new id when it turns into a supergroup, e.g. when
   * topics are turned on): the bot stays there, waiting for STAFF_GROUP_ID to be updated, instead of leaving.
   */
  const upgradedStaffGroups = new Set<number>();
  return async (ctx: Context, next: NextFn): Promise<void> => {
    const info = describeUpdate(ctx.update);
    if (info.from?.is_bot && info.kind !== "my_chat_member") return;
    if (!["message", "edited_message", "callback_query", "my_chat_member"].includes(info.kind)) return;
    const chat = info.chat;
    if (!chat || chat.type === "private") return next();
    if (chat.type === "channel") return;
    if (chat.id === deps.config.staffGroupId) {
      if (info.kind === "my_chat_member") return greetStaffGroup(deps, ctx, chat.id);
      return next();
    }
    if (upgradedStaffGroups.has(chat.id)) return;
    if (info.message?.migrate_from_chat_id === deps.config.staffGroupId) {
      upgradedStaffGroups.add(chat.id);
      return staffGroupUpgraded(deps, chat.id);
    }
    // An edit in a foreign group says nothing new: the bot left (or leaves) at its first message.
    if (info.kind !== "edited_message") await leaveForeignGroup(deps, ctx, chat.id, chat.title);
  };
}

async function greetStaffGroup(deps: BotDeps, ctx: Context, chatId: number): Promise<void> {
  const status = "my_chat_member" in ctx.update ? ctx.update.my_chat_member.new_chat_member.status : undefined;
  deps.log.info("status bot di grup staf berubah", { chatId, status });
  if (status === "member" || status === "administrator") {
    await deps.gateway.sendMessage({ chat_id: chatId, text: M.staffGroupHello(chatId), parse_mode: "HTML" });
  }
}

async function leaveForeignGroup(deps: BotDeps, ctx: Context, chatId: number, title: string | undefined): Promise<void> {
  const joined = "my_chat_member" in ctx.update ? ctx.update.my_chat_member.new_chat_member.status : undefined;
  if (joined === "left" || joined === "kicked") return;
  deps.log.warn("bot berada di grup yang bukan STAFF_GROUP_ID; keluar dari grup", {
    chatId,
    title,
    hint: `jika ini grup staf OSDM, isi STAFF_GROUP_ID=${chatId}`,
  });
  try {
    await deps.gateway.sendMessage({ chat_id: chatId, text: M.groupNotStaff(chatId), parse_mode: "HTML" });
  } catch (err) {
    deps.log.warn("tidak dapat menulis di grup asing", { chatId, error: describeError(err) });
  }
  await ctx.api.leaveChat({ chat_id: chatId }).catch((err: unknown) => deps.log.warn("gagal keluar dari grup", { chatId, error: describeError(err) }));
}

/** The staff group became a supergroup with a new id: everything stops there until the admin updates the setting. */
async function staffGroupUpgraded(deps: BotDeps, chatId: number): Promise<void> {
  deps.log.error("grup staf berganti id (menjadi supergroup); isi STAFF_GROUP_ID dengan id baru lalu jalankan ulang bot", {
    oldId: deps.config.staffGroupId,
    newId: chatId,
    hint: `STAFF_GROUP_ID=${chatId}`,
  });
  await deps.gateway
    .sendMessage({ chat_id: chatId, text: M.staffGroupUpgraded(deps.config.staffGroupId, chatId), parse_mode: "HTML" })
    .catch((err: unknown) => deps.log.warn("tidak dapat menulis di grup staf yang baru", { chatId, error: describeError(err) }));
}
