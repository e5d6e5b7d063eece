// The staff group: a reply to a ticket's message goes back to the employee; `/tiket` lists open tickets; as a reply
// to a ticket's message (or in its topic, in forum mode), `/selesai` closes it, `/ambil` takes it, `/blokir` and
// `/bukablokir` stop and restart relaying its asker, `/jawab kode` sends a saved answer; `/statistik` sums up the
// last 7 days; `/pengumuman` goes to the announcements feature. Commands work as `/tiket` and `/tiket@botname`.
import type { Bot, Context, Message } from "node-telegram-bot-api";
import type { AnswerPromise } from "../../domain/relay/answer-promise.js";
import type { RelayService, StaffTarget } from "../../domain/relay/relay-service.js";
import type { StaffDeskService } from "../../domain/relay/staff-desk.js";
import type { TicketClosing } from "../../domain/relay/ticket-closing.js";
import type { TiketWithAsker } from "../../db/tiket-repo.js";
import type { TopicKeeper } from "../forum/topic-keeper.js";
import { weeklySummary } from "../../report/weekly-summary.js";
import { reply, replyToMessage, type BotDeps } from "../deps.js";
import { M } from "../messages.js";
import { displayName, relayMessageOf } from "../relay-message.js";

const OPEN_TICKETS_SHOWN = 30;

export interface StaffDesk {
  relay: RelayService;
  closing: TicketClosing;
  promise: AnswerPromise;
  staff: StaffDeskService;
  /** Forum mode only: the employees' topics. */
  topics?: TopicKeeper;
}

/** The staff commands that act on the ticket of the message they reply to. */
type TicketCommand = (deps: BotDeps, desk: StaffDesk, message: Message, ticket: TiketWithAsker) => Promise<void>;

export function registerStaffGroup(bot: Bot, deps: BotDeps, desk: StaffDesk, announce: (message: Message) => Promise<void>): void {
  const { relay } = desk;
  bot.on("message", async (ctx, next) => {
    if (ctx.chat?.id !== deps.config.staffGroupId) return next();
    const message = ctx.message!;
    const command = commandFor(message.text, deps.me.username);
    if (command === "tiket") return listTickets(deps, ctx, desk);
    if (command === "jawab" && argumentOf(message.text) === "") return void (await replyToMessage(deps, message, M.savedAnswerList(savedCodes(deps))));
    if (command === "pengumuman") return announce(message);
    if (command === "statistik") return void (await reply(deps, ctx, await weeklySummary(deps.db, deps.clock(), desk.promise.target())));
    if (desk.topics && message.is_topic_message && message.message_thread_id !== undefined) {
      return inTopic(deps, desk, desk.topics, message, command);
    }
    const onTicket = command === undefined ? undefined : TICKET_COMMANDS[command];
    if (onTicket) return withTicket(deps, desk, message, command!, onTicket);
    if (command !== undefined) return;
    const target = targetOf(message, deps.me.id);
    if (!target) return;
    const relayed = relayMessageOf(message);
    if (!relayed) return void (await reply(deps, ctx, M.relayUnsupported));
    const ticket = await relay.ticketFor(target);
    if (!ticket) return void (await replyToMessage(deps, message, M.notATicket));
    const result = await relay.answer(ticket, staffOf(message), relayed);
    if (result.kind === "nobody-bound") await replyToMessage(deps, message, M.nobodyBound(result.ticket));
  });
}

async function listTickets(deps: BotDeps, ctx: Context, desk: StaffDesk): Promise<void> {
  const { rows, total } = await desk.relay.openTickets(OPEN_TICKETS_SHOWN);
  const now = deps.clock();
  await reply(deps, ctx, M.openTickets(rows, total, now, (t) => desk.promise.state(t.ditanya, now)));
}

const TICKET_COMMANDS: Record<string, TicketCommand | undefined> = {
  async selesai(deps, desk, message, ticket) {
    const result = await desk.closing.byStaff(ticket, message.from!.id);
    await replyToMessage(deps, message, result.kind === "closed" ? M.ticketClosedInGroup(ticket) : M.ticketAlreadyClosed(ticket));
  },
  async ambil(deps, desk, message, ticket) {
    const staff = staffOf(message);
    const result = await desk.staff.claim(ticket, staff);
    const text = result.kind === "taken-over" ? M.ticketTakenOver(ticket, staff.name, result.from) : result.kind === "already-yours" ? M.ticketAlreadyYours(ticket) : M.ticketClaimed(ticket, staff.name);
    await replyToMessage(deps, message, text);
  },
  async jawab(deps, desk, message, ticket) {
    const code = argumentOf(message.text).toLowerCase();
    const saved = deps.content.current().savedAnswers.find((answer) => answer.code === code);
    if (!saved) return void (await replyToMessage(deps, message, M.savedAnswerUnknown(code, savedCodes(deps))));
    const result = await desk.relay.answer(ticket, staffOf(message), relayMessageOf(message)!, saved.html);
    if (result.kind === "nobody-bound") await replyToMessage(deps, message, M.nobodyBound(result.ticket));
  },
  async blokir(deps, desk, message, ticket) {
    const done = await desk.staff.block(ticket, staffOf(message));
    await replyToMessage(deps, message, done ? M.askerBlocked(ticket, staffOf(message).name) : M.askerAlreadyBlocked(ticket));
  },
  async bukablokir(deps, desk, message, ticket) {
    const done = await desk.staff.unblock(ticket, staffOf(message));
    await replyToMessage(deps, message, done ? M.askerUnblocked(ticket, staffOf(message).name) : M.askerNotBlocked(ticket));
  },
};

/** Telegram's notes about the topic itself (made, renamed, closed by someone): nothing to relay or answer. */
const SERVICE_FIELDS = ["forum_topic_created", "forum_topic_edited", "forum_topic_closed", "forum_topic_reopened", "pinned_message"] as const;
/** A staff message kept in the group: "!…" or "/catatan …". */
const NOTE = /^\s*!/;

/**
 * Forum mode: in an employee's topic, whatever a staff member writes goes to that employee (no reply needed), a
 * ticket command works on their newest ticket, and a note stays in the group. Other topics are the staff's own.
 */
async function inTopic(deps: BotDeps, desk: StaffDesk, topics: TopicKeeper, message: Message, command: string | undefined): Promise<void> {
  if (message.forum_topic_closed || message.forum_topic_reopened) return topics.closedByHand(message.message_thread_id!, message.forum_topic_closed !== undefined);
  if (SERVICE_FIELDS.some((field) => field in message)) return;
  const ticket = await topics.ticketOfTopic(message.message_thread_id!);
  if (!ticket) return;
  const onTicket = command === undefined ? undefined : TICKET_COMMANDS[command];
  if (onTicket) {
    await onTicket(deps, desk, message, ticket);
    return void (await topics.sync(ticket.id));
  }
  if (command === "catatan" || NOTE.test(message.text ?? message.caption ?? "")) return void (await replyToMessage(deps, message, M.noteKept));
  if (command !== undefined) return;
  const relayed = relayMessageOf(message);
  if (!relayed) return void (await replyToMessage(deps, message, M.relayUnsupported));
  const result = await desk.relay.answer(ticket, staffOf(message), relayed);
  if (result.kind === "nobody-bound") await replyToMessage(deps, message, M.nobodyBound(result.ticket));
}

/** Runs a ticket command on the ticket of the message it replies to, or says how to use it. */
async function withTicket(deps: BotDeps, desk: StaffDesk, message: Message, command: string, run: TicketCommand): Promise<void> {
  const target = targetOf(message, deps.me.id);
  if (!target) return void (await replyToMessage(deps, message, M.ticketCommandUsage(command)));
  const ticket = await desk.relay.ticketFor(target);
  if (!ticket) return void (await replyToMessage(deps, message, M.notATicket));
  await run(deps, desk, message, ticket);
}

/** What follows a command: "/jawab tunkin-cair" → "tunkin-cair". */
function argumentOf(text: string | undefined): string {
  return text?.replace(/^\/\S+\s*/, "").trim() ?? "";
}

function savedCodes(deps: BotDeps): string[] {
  return deps.content.current().savedAnswers.map((answer) => answer.code);
}

function staffOf(message: Message): { id: number; name: string } {
  return { id: message.from!.id, name: displayName(message.from) };
}

/** The bot's message a staff member replied to; replies to anyone else's message are conversation, not answers. */
function targetOf(message: Message, botId: number): StaffTarget | undefined {
  const original = message.reply_to_message;
  if (!original || original.from?.id !== botId) return undefined;
  return { replyToMessageId: original.message_id, replyToText: original.text ?? original.caption ?? null };
}

/** `/tiket` or `/tiket@thisbot` → "tiket"; a command addressed to another bot → undefined, as is plain text. */
function commandFor(text: string | undefined, botUsername: string): string | undefined {
  const m = text?.match(/^\/([A-Za-z0-9_]+)(?:@(\w+))?(?:\s|$)/);
  if (!m) return undefined;
  if (m[2] && m[2].toLowerCase() !== botUsername.toLowerCase()) return "";
  return m[1]!.toLowerCase();
}
