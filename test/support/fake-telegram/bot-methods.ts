// The methods about the bot and its chats rather than messages: identity, commands, webhook, actions, callbacks.
import type { BotCommand } from "node-telegram-bot-api";
import { badRequest, BotApiError } from "./api-error.js";
import type { MethodHandler } from "./method-context.js";
import { isRecord, optionalBool, optionalRecord, optionalString, type Params } from "./params.js";

const getMe: MethodHandler = (ctx) => ({
  ...ctx.bot,
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
});

const getChat: MethodHandler = (ctx, { params }) => {
  const found = ctx.chats.find(params.chat_id);
  // A user who blocked the bot can still be looked up; a group the bot left cannot.
  const chat = found.type === "private" ? found : ctx.chats.writable(params.chat_id);
  return { ...chat, accent_color_id: 0, max_reaction_count: 11 };
};

const leaveChat: MethodHandler = (ctx, { params }) => {
  const chat = ctx.chats.writable(params.chat_id);
  if (chat.type === "private") throw badRequest("chat member status can't be changed in private chats");
  ctx.chats.setMembership(chat.id, "left");
  return true;
};

const CHAT_ACTIONS = new Set([
  "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
  "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
]);

const sendChatAction: MethodHandler = (ctx, { params }) => {
  ctx.chats.writable(params.chat_id);
  if (!CHAT_ACTIONS.has(optionalString(params, "action") ?? "")) throw badRequest("wrong parameter action in request");
  return true;
};

/** Commands are kept per scope and language, as Telegram keeps them. */
export function commandsKey(scope: unknown, languageCode: string | undefined): string {
  return `${JSON.stringify(scope ?? { type: "default" })}|${languageCode ?? ""}`;
}

function keyOf(params: Params): string {
  return commandsKey(optionalRecord(params, "scope", "can't parse BotCommandScope JSON object"), optionalString(params, "language_code"));
}

const COMMAND_NAME = /^[a-z0-9_]{1,32}$/;

function isBotCommand(value: unknown): value is BotCommand {
  return isRecord(value) && typeof value.command === "string" && typeof value.description === "string";
}

const setMyCommands: MethodHandler = (ctx, { params }) => {
  const commands = params.commands;
  if (!Array.isArray(commands) || !commands.every(isBotCommand)) throw badRequest("can't parse commands JSON object");
  if (commands.length > 100) throw badRequest("too many commands specified");
  for (const c of commands) {
    if (!COMMAND_NAME.test(c.command) || c.description.length < 1 || c.description.length > 256) throw badRequest("BOT_COMMAND_INVALID");
  }
  ctx.commands.set(keyOf(params), commands.map(({ command, description }) => ({ command, description })));
  return true;
};

const getMyCommands: MethodHandler = (ctx, { params }) => ctx.commands.get(keyOf(params)) ?? [];

const deleteMyCommands: MethodHandler = (ctx, { params }) => {
  ctx.commands.delete(keyOf(params));
  return true;
};

const answerCallbackQuery: MethodHandler = (ctx, { params }) => {
  const id = optionalString(params, "callback_query_id") ?? "";
  // A query can be answered once; an unknown or already answered one gets the same refusal.
  if (!ctx.callbacksIssued.has(id) || ctx.callbacksAnswered.has(id)) {
    throw badRequest("query is too old and response timeout expired or query ID is invalid");
  }
  if ((optionalString(params, "text") ?? "").length > 200) throw badRequest("MESSAGE_TOO_LONG");
  ctx.callbacksAnswered.add(id);
  return true;
};

const setWebhook: MethodHandler = (ctx, { params }) => {
  const url = optionalString(params, "url") ?? "";
  if (url !== "" && !url.startsWith("https://")) throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
  if (optionalBool(params, "drop_pending_updates")) ctx.updates.dropAll();
  ctx.webhookUrl = url;
  return true;
};

const deleteWebhook: MethodHandler = (ctx, { params }) => {
  if (optionalBool(params, "drop_pending_updates")) ctx.updates.dropAll();
  ctx.webhookUrl = "";
  return true;
};

const getWebhookInfo: MethodHandler = (ctx) => ({
  url: ctx.webhookUrl,
  has_custom_certificate: false,
  pending_update_count: ctx.updates.pending().length,
});

export function webhookConflict(): BotApiError {
  return new BotApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
}

export const BOT_METHODS: Record<string, MethodHandler> = {
  getMe,
  getChat,
  leaveChat,
  sendChatAction,
  setMyCommands,
  getMyCommands,
  deleteMyCommands,
  answerCallbackQuery,
  setWebhook,
  deleteWebhook,
  getWebhookInfo,
};
