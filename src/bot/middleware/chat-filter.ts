// Decides which chats the bot serves: private chats and the staff group. Other groups are told their id and left;
// bots, channels and edits are ignored.
import type { Context, NextFn } from "node-telegram-bot-api";
import type { BotDeps } from "../deps.js";
import { M } from "../messages.js";
import { describeError } from "../describe-error.js";
import { describeUpdate } from "../update-info.js";

export function chatFilter(deps: BotDeps) {
  return async (ctx: Context, next: NextFn): Promise<void> => {
    const info = describeUpdate(ctx.update);
    if (info.from?.is_bot && info.kind !== "my_chat_member") return;
    if (!["message", "callback_query", "my_chat_member"].includes(info.kind)) return;
    const chat = info.chat;
    if (!chat || chat.type === "private") return next();
    if (chat.type === "channel") return;
    if (chat.id === deps.config.staffGroupId) {
      if (info.kind === "my_chat_member") return greetStaffGroup(deps, ctx, chat.id);
      return next();
    }
    await leaveForeignGroup(deps, ctx, chat.id, chat.title);
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
