// getChatMember: what the bot, or a user, is in a chat, with the admin rights a test gave the bot there.
import type { ChatAdministratorRights, ChatMember } from "node-telegram-bot-api";
import type { MethodHandler } from "./method-context.js";
import { requiredInt } from "./params.js";

/**
 * The rights Telegram's "Add admin" screen offers a bot by default in a group: everything but anonymity and
 * promoting others; topics only exist in a forum.
 */
export function defaultAdminRights(forum: boolean): ChatAdministratorRights {
  return {
    is_anonymous: false,
    can_manage_chat: true,
    can_delete_messages: true,
    can_manage_video_chats: true,
    can_restrict_members: true,
    can_promote_members: false,
    can_change_info: true,
    can_invite_users: true,
    can_post_stories: true,
    can_edit_stories: true,
    can_delete_stories: true,
    can_pin_messages: true,
    can_send_welcome_messages: false,
    ...(forum ? { can_manage_topics: true } : {}),
  };
}

const getChatMember: MethodHandler = (ctx, { params }): ChatMember => {
  const chat = ctx.chats.find(params.chat_id);
  const userId = requiredInt(params, "user_id");
  if (userId === ctx.bot.id) {
    // A bot that left or was removed from a group is asked about as Telegram answers a non-member: refused.
    if (chat.type !== "private") ctx.chats.writable(chat.id);
    const rights = ctx.botRights.get(chat.id);
    return rights ? { status: "administrator", user: ctx.bot, can_be_edited: false, ...rights } : { status: "member", user: ctx.bot };
  }
  // Only the bot's own standing is modelled; a user counts as a member of a chat they wrote in.
  const user = { id: userId, is_bot: false, first_name: `User${userId}` };
  const wrote = ctx.chats.messagesIn(chat.id, userId).length > 0 || (chat.type === "private" && chat.id === userId);
  return { status: wrote ? "member" : "left", user };
};

export const MEMBER_METHODS: Record<string, MethodHandler> = { getChatMember };
