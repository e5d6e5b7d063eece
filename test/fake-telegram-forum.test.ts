// The fake Bot API's forum supergroups behave like Telegram's topics, driven by the real v2 client.
import { expect } from "chai";
import { Api, Bot, InputFile, TelegramApiError, type Message, type Update } from "node-telegram-bot-api";
import { FakeTelegram, type FakeTelegramOptions } from "./support/fake-telegram.js";
import { documentFields, makeGroup, makeUser, photoFields, privateChatOf } from "./support/updates.js";

const employee = makeUser(7001, { first_name: "Ani" });
const staff = makeUser(7101, { first_name: "Budi" });
const forum = makeGroup(-1001234567890, "Staf OSDM");
const plainGroup = makeGroup(-1009876543210, "Pimpinan");
const BLUE = 0x6fb9f0;
const RED = 0xfb6f5f;

let fake: FakeTelegram;
let api: Api;

async function startFake(opts: FakeTelegramOptions = {}): Promise<void> {
  await fake?.stop();
  fake = await FakeTelegram.start(opts);
  api = new Api(fake.token, { apiRoot: fake.apiRoot, retryBackoffMs: 10, maxRetries: 0 });
  fake.knowChat(forum);
  fake.knowChat(plainGroup);
  fake.makeForum(forum.id);
}

/** The refusal a call ends in; fails the test if the call succeeds or fails another way. */
async function refusal(call: Promise<unknown>): Promise<TelegramApiError> {
  try {
    await call;
  } catch (err) {
    if (err instanceof TelegramApiError) return err;
    throw err;
  }
  throw new Error("expected Telegram to refuse the call");
}

async function description(call: Promise<unknown>): Promise<string> {
  const err = await refusal(call);
  expect(err.errorCode).to.equal(400);
  return err.description;
}

function messageOf(update: Update): Message {
  if ("message" in update) return update.message;
  if ("edited_message" in update) return update.edited_message;
  throw new Error("expected a message update");
}

/** A topic the bot opens, as an admin that may manage topics. */
async function botTopic(name = "Cuti"): Promise<number> {
  fake.makeBotAdmin(forum.id);
  return (await api.createForumTopic({ chat_id: forum.id, name })).message_thread_id;
}

/** A topic a staff member opens; the bot gets its forum_topic_created message. */
function staffTopic(name = "Gaji"): number {
  const threadId = messageOf(fake.staffCreatesTopic(forum.id, name, staff)).message_thread_id;
  if (threadId === undefined) throw new Error("a topic opening carries its thread id");
  return threadId;
}

describe("fake Telegram forum topics", () => {
  beforeEach(() => startFake());
  afterEach(() => fake.stop());

  describe("forums", () => {
    it("makeForum makes getChat and messages say is_forum, with a General topic", async () => {
      expect(await api.getChat({ chat_id: forum.id })).to.include({ id: forum.id, type: "supergroup", title: "Staf OSDM", is_forum: true });
      expect(await api.getChat({ chat_id: plainGroup.id })).to.not.have.property("is_forum");
      expect(fake.topicsOf(forum.id)).to.deep.equal([{ threadId: 1, name: "General", iconColor: BLUE, closed: false, deleted: false }]);
      expect(messageOf(fake.groupMessage(forum, staff, "halo")).chat.is_forum, "the test's Chat object lacks it").to.equal(true);
      fake.knowChat(privateChatOf(employee));
      expect(() => fake.makeForum(employee.id)).to.throw(/only a supergroup/);
    });

    it("an admin bot in a forum has can_manage_topics unless told otherwise", async () => {
      const bot = await api.getMe();
      fake.makeBotAdmin(forum.id);
      expect(await api.getChatMember({ chat_id: forum.id, user_id: bot.id })).to.include({ status: "administrator", can_manage_topics: true });
      fake.makeBotAdmin(forum.id, { can_manage_topics: false, can_delete_messages: false });
      expect(await api.getChatMember({ chat_id: forum.id, user_id: bot.id })).to.include({ can_manage_topics: false, can_delete_messages: false });
    });
  });

  describe("createForumTopic", () => {
    it("answers the topic and opens it with a forum_topic_created message whose id is the thread id", async () => {
      fake.makeBotAdmin(forum.id);
      const topic = await api.createForumTopic({ chat_id: forum.id, name: "  Cuti tahunan " });
      expect(topic).to.deep.equal({ message_thread_id: topic.message_thread_id, name: "Cuti tahunan", icon_color: BLUE });
      const [opening] = fake.messagesIn(forum.id, topic.message_thread_id);
      expect(opening).to.deep.include({
        message_id: topic.message_thread_id,
        message_thread_id: topic.message_thread_id,
        is_topic_message: true,
        forum_topic_created: { name: "Cuti tahunan", icon_color: BLUE },
      });
      expect(opening).to.not.have.property("reply_to_message");

      const red = await api.createForumTopic({ chat_id: forum.id, name: "x".repeat(140), icon_color: RED, icon_custom_emoji_id: "5312536423851630001" });
      expect(red).to.include({ icon_color: RED, icon_custom_emoji_id: "5312536423851630001" });
      expect(red.name, "Telegram cuts a long name to 128 characters").to.have.length(128);
      expect(fake.topicsOf(forum.id).map((t) => [t.threadId, t.createdBy])).to.deep.equal([
        [1, undefined],
        [topic.message_thread_id, (await api.getMe()).id],
        [red.message_thread_id, (await api.getMe()).id],
      ]);
    });

    it("is refused outside a forum, without the can_manage_topics right, without a name and with a colour Telegram does not offer", async () => {
      fake.makeBotAdmin(plainGroup.id);
      expect(await description(api.createForumTopic({ chat_id: plainGroup.id, name: "Cuti" }))).to.equal("Bad Request: the chat is not a forum");
      const noRights = "Bad Request: not enough rights to create a topic";
      expect(await description(api.createForumTopic({ chat_id: forum.id, name: "Cuti" })), "a plain member").to.equal(noRights);
      fake.makeBotAdmin(forum.id, { can_manage_topics: false });
      expect(await description(api.createForumTopic({ chat_id: forum.id, name: "Cuti" })), "an admin without the right").to.equal(noRights);
      fake.makeBotAdmin(forum.id);
      expect(await description(api.createForumTopic({ chat_id: forum.id, name: "   " }))).to.equal("Bad Request: name must be non-empty");
      expect(await description(api.createForumTopic({ chat_id: forum.id, name: "Cuti", icon_color: 0x123456 }))).to.equal(
        "Bad Request: invalid icon color specified",
      );
      expect(fake.topicsOf(forum.id)).to.have.length(1);
    });

    it("counts toward the group's flood window like a send, and so does editForumTopic", async () => {
      await startFake({ enforceLimits: { group: [{ count: 3, windowMs: 60_000 }] } });
      const threadId = await botTopic();
      await api.editForumTopic({ chat_id: forum.id, message_thread_id: threadId, name: "Cuti 2026" });
      await api.sendMessage({ chat_id: forum.id, message_thread_id: threadId, text: "halo" });
      const err = await refusal(api.sendMessage({ chat_id: forum.id, message_thread_id: threadId, text: "lagi" }));
      expect(err.errorCode).to.equal(429);
      expect(fake.floodLog.map((r) => r.scope)).to.deep.equal(["chat"]);
    });
  });

  describe("sending into topics", () => {
    it("a message in a topic carries message_thread_id and is_topic_message, and shows the topic's opening as reply_to_message", async () => {
      const threadId = await botTopic();
      const sent = await api.sendMessage({ chat_id: forum.id, message_thread_id: threadId, text: "Tiket #12" });
      expect(sent).to.deep.include({ message_thread_id: threadId, is_topic_message: true, text: "Tiket #12" });
      expect(sent.reply_to_message).to.deep.include({ message_id: threadId, forum_topic_created: { name: "Cuti", icon_color: BLUE } });

      const general = await api.sendMessage({ chat_id: forum.id, text: "Pengumuman" });
      for (const key of ["message_thread_id", "is_topic_message", "reply_to_message"]) expect(general).to.not.have.property(key);
      expect(fake.messagesIn(forum.id, 1).map((m) => m.text)).to.deep.equal(["Pengumuman"]);
      expect(fake.messagesIn(forum.id, threadId).map((m) => m.text ?? "(opening)")).to.deep.equal(["(opening)", "Tiket #12"]);
    });

    it("files, albums, copies and forwards land in the topic named", async () => {
      const threadId = await botTopic();
      const source = messageOf(fake.userSends(employee, photoFields({ caption: "KTP" })));
      const album = fake.userSendsAlbum(employee).map(messageOf);
      const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
      const inTopic = { chat_id: forum.id, message_thread_id: threadId };

      const document = await api.sendDocument({ ...inTopic, document: new InputFile(bytes, { filename: "sk.pdf", contentType: "application/pdf" }) });
      const photo = await api.sendPhoto({ ...inTopic, photo: source.photo?.at(-1)?.file_id ?? "" });
      const sentAlbum = await api.sendMediaGroup({
        ...inTopic,
        media: [
          { type: "photo", media: new InputFile(bytes, { filename: "a.jpg", contentType: "image/jpeg" }) },
          { type: "photo", media: new InputFile(bytes, { filename: "b.jpg", contentType: "image/jpeg" }) },
        ],
      });
      const copy = await api.copyMessage({ ...inTopic, from_chat_id: employee.id, message_id: source.message_id });
      const copies = await api.copyMessages({ ...inTopic, from_chat_id: employee.id, message_ids: album.map((m) => m.message_id) });
      const forwarded = await api.forwardMessage({ ...inTopic, from_chat_id: employee.id, message_id: source.message_id });

      for (const m of [document, photo, ...sentAlbum, forwarded]) expect(m).to.include({ message_thread_id: threadId, is_topic_message: true });
      const ids = [document, photo, ...sentAlbum, copy, ...copies, forwarded].map((m) => m.message_id);
      expect(fake.messagesIn(forum.id, threadId).map((m) => m.message_id)).to.deep.equal([threadId, ...ids]);
    });

    it("a reply without message_thread_id goes into the replied message's topic", async () => {
      const threadId = staffTopic();
      const question = messageOf(fake.groupMessage(forum, staff, "Siapa yang menangani?", { threadId }));
      const answer = await api.sendMessage({ chat_id: forum.id, text: "Saya", reply_parameters: { message_id: question.message_id } });
      expect(answer).to.deep.include({ message_thread_id: threadId, is_topic_message: true });
      expect(answer.reply_to_message?.message_id).to.equal(question.message_id);

      const missing = await description(api.sendMessage({ chat_id: forum.id, text: "x", reply_parameters: { message_id: 9999 } }));
      expect(missing).to.equal("Bad Request: message to be replied not found");
    });

    it("a deleted topic, General by id, or a topic that never was is 'message thread not found'; outside forums the id is ignored", async () => {
      const notFound = "Bad Request: message thread not found";
      const byBot = await botTopic();
      const byStaff = staffTopic();
      fake.groupMessage(forum, staff, "slip gaji", { threadId: byStaff });
      expect(await api.deleteForumTopic({ chat_id: forum.id, message_thread_id: byBot })).to.equal(true);
      fake.staffDeletesTopic(forum.id, byStaff);
      expect(fake.messagesIn(forum.id, byBot)).to.deep.equal([]);
      expect(fake.topicsOf(forum.id).filter((t) => t.deleted).map((t) => t.threadId)).to.deep.equal([byBot, byStaff]);

      for (const threadId of [byBot, byStaff, 1, 9999]) {
        expect(await description(api.sendMessage({ chat_id: forum.id, message_thread_id: threadId, text: "halo" })), `thread ${threadId}`).to.equal(notFound);
      }
      expect(await description(api.copyMessage({ chat_id: forum.id, message_thread_id: byBot, from_chat_id: forum.id, message_id: 9999 }))).to.equal(notFound);
      fake.userSays(employee, "halo");
      expect(await description(api.sendMessage({ chat_id: employee.id, message_thread_id: 5, text: "halo" }))).to.equal(notFound);
      const plain = await api.sendMessage({ chat_id: plainGroup.id, message_thread_id: 5, text: "halo" });
      expect(plain).to.not.have.property("message_thread_id");
      expect(() => fake.staffDeletesTopic(forum.id, byStaff)).to.throw(/no topic/);
    });

    it("a closed topic refuses the bot with TOPIC_CLOSED unless it may manage topics or opened the topic", async () => {
      const closedText = "Bad Request: TOPIC_CLOSED";
      const byStaff = staffTopic();
      const question = messageOf(fake.groupMessage(forum, staff, "masih buka?", { threadId: byStaff }));
      const closing = messageOf(fake.staffClosesTopic(forum.id, byStaff));
      expect(closing).to.deep.include({ message_thread_id: byStaff, is_topic_message: true, forum_topic_closed: {}, sender_chat: { ...forum, is_forum: true } });
      expect(closing.from?.username).to.equal("GroupAnonymousBot");

      fake.makeBotAdmin(forum.id, { can_manage_topics: false });
      expect(await description(api.sendMessage({ chat_id: forum.id, message_thread_id: byStaff, text: "halo" }))).to.equal(closedText);
      expect(await description(api.sendMessage({ chat_id: forum.id, text: "halo", reply_parameters: { message_id: question.message_id } })), "a reply").to.equal(closedText);
      fake.makeBotAdmin(forum.id);
      expect(await api.sendMessage({ chat_id: forum.id, message_thread_id: byStaff, text: "admin boleh" })).to.include({ message_thread_id: byStaff });

      const byBot = await api.createForumTopic({ chat_id: forum.id, name: "Cuti" });
      fake.staffClosesTopic(forum.id, byBot.message_thread_id, staff);
      fake.dismissBotAdmin(forum.id);
      await api.sendMessage({ chat_id: forum.id, message_thread_id: byBot.message_thread_id, text: "topik saya sendiri" });

      fake.staffClosesTopic(forum.id, 1);
      expect(await description(api.sendMessage({ chat_id: forum.id, text: "ke General" }))).to.equal(closedText);
      fake.staffReopensTopic(forum.id, 1);
      await api.sendMessage({ chat_id: forum.id, text: "ke General" });
      expect(fake.topicsOf(forum.id).map((t) => t.closed)).to.deep.equal([false, true, true]);
    });
  });

  describe("managing topics", () => {
    it("editForumTopic renames and posts forum_topic_edited; the same name is TOPIC_NOT_MODIFIED; nothing asked changes nothing", async () => {
      const threadId = await botTopic();
      expect(await api.editForumTopic({ chat_id: forum.id, message_thread_id: threadId, name: "Cuti 2026" })).to.equal(true);
      expect(fake.topicsOf(forum.id)[1]?.name).to.equal("Cuti 2026");
      expect(fake.messagesIn(forum.id, threadId).at(-1)).to.deep.include({ forum_topic_edited: { name: "Cuti 2026" }, message_thread_id: threadId });

      expect(await description(api.editForumTopic({ chat_id: forum.id, message_thread_id: threadId, name: "Cuti 2026" }))).to.equal(
        "Bad Request: TOPIC_NOT_MODIFIED",
      );
      expect(await api.editForumTopic({ chat_id: forum.id, message_thread_id: threadId })).to.equal(true);
      expect(await description(api.editForumTopic({ chat_id: forum.id, message_thread_id: 9999, name: "x" }))).to.equal("Bad Request: TOPIC_ID_INVALID");
      expect(await description(api.editForumTopic({ chat_id: plainGroup.id, message_thread_id: threadId, name: "x" }))).to.equal(
        "Bad Request: the chat is not a forum",
      );
    });

    it("without can_manage_topics the bot may still change the topics it opened, but not others'", async () => {
      const mine = await botTopic();
      const theirs = staffTopic();
      fake.makeBotAdmin(forum.id, { can_manage_topics: false, can_delete_messages: false });

      await api.editForumTopic({ chat_id: forum.id, message_thread_id: mine, name: "Cuti bersama" });
      await api.closeForumTopic({ chat_id: forum.id, message_thread_id: mine });
      const refused = (call: Promise<unknown>) => description(call);
      expect(await refused(api.editForumTopic({ chat_id: forum.id, message_thread_id: theirs, name: "x" }))).to.equal(
        "Bad Request: not enough rights to edit the topic",
      );
      expect(await refused(api.closeForumTopic({ chat_id: forum.id, message_thread_id: theirs }))).to.equal(
        "Bad Request: not enough rights to close or open the topic",
      );
      expect(await refused(api.deleteForumTopic({ chat_id: forum.id, message_thread_id: theirs }))).to.equal(
        "Bad Request: not enough rights to delete the topic",
      );
      expect(await api.deleteForumTopic({ chat_id: forum.id, message_thread_id: mine })).to.equal(true);
    });

    it("closeForumTopic and reopenForumTopic post their service messages; asking for the state it is in is TOPIC_NOT_MODIFIED", async () => {
      const threadId = await botTopic();
      const topic = { chat_id: forum.id, message_thread_id: threadId };
      expect(await api.closeForumTopic(topic)).to.equal(true);
      expect(await description(api.closeForumTopic(topic))).to.equal("Bad Request: TOPIC_NOT_MODIFIED");
      expect(fake.topicsOf(forum.id)[1]?.closed).to.equal(true);
      expect(await api.reopenForumTopic(topic)).to.equal(true);
      expect(await description(api.reopenForumTopic(topic))).to.equal("Bad Request: TOPIC_NOT_MODIFIED");
      const services = fake.messagesIn(forum.id, threadId).slice(1);
      expect(services.map((m) => Object.keys(m).filter((k) => k.startsWith("forum_topic_")))).to.deep.equal([["forum_topic_closed"], ["forum_topic_reopened"]]);
      expect(() => fake.staffReopensTopic(forum.id, threadId)).to.throw(/already open/);
    });

    it("deleteForumTopic takes every message of the topic with it; General cannot be deleted", async () => {
      const threadId = await botTopic();
      const staffSaid = messageOf(fake.groupMessage(forum, staff, "data", { threadId }));
      await api.sendMessage({ chat_id: forum.id, message_thread_id: threadId, text: "diterima" });
      await api.sendMessage({ chat_id: forum.id, text: "di General" });
      await api.deleteForumTopic({ chat_id: forum.id, message_thread_id: threadId });
      expect(fake.messagesIn(forum.id).map((m) => m.text)).to.deep.equal(["di General"]);
      expect(await description(api.deleteMessage({ chat_id: forum.id, message_id: staffSaid.message_id }))).to.equal(
        "Bad Request: message to delete not found",
      );
      expect(await description(api.deleteForumTopic({ chat_id: forum.id, message_thread_id: threadId }))).to.equal("Bad Request: TOPIC_ID_INVALID");
      expect(await description(api.deleteForumTopic({ chat_id: forum.id, message_thread_id: 1 }))).to.equal("Bad Request: TOPIC_ID_INVALID");
    });
  });

  describe("people in topics", () => {
    it("staffCreatesTopic delivers forum_topic_created; groupMessage posts into a topic, or into the topic of the message it replies to", async () => {
      const opening = messageOf(fake.staffCreatesTopic(forum.id, "Mutasi", staff));
      const threadId = opening.message_thread_id ?? 0;
      expect(opening).to.deep.include({ message_id: threadId, from: staff, is_topic_message: true, forum_topic_created: { name: "Mutasi", icon_color: BLUE } });

      const first = messageOf(fake.groupMessage(forum, staff, "SK mutasi sudah terbit", { threadId }));
      expect(first).to.deep.include({ message_thread_id: threadId, is_topic_message: true });
      expect(first.reply_to_message?.forum_topic_created?.name, "a topic message replies to the topic's opening").to.equal("Mutasi");
      const answer = messageOf(fake.groupMessage(forum, employee, { text: "terima kasih", reply_to_message: first }));
      expect(answer).to.deep.include({ message_thread_id: threadId, is_topic_message: true });
      expect(answer.reply_to_message?.message_id).to.equal(first.message_id);
      expect(answer.reply_to_message).to.not.have.property("reply_to_message");

      expect(messageOf(fake.groupMessage(forum, staff, "umum", { threadId: 1 }))).to.not.have.property("message_thread_id");
      expect(() => fake.groupMessage(forum, staff, { text: "x", reply_to_message: first }, { threadId: 1 })).to.throw(/not in topic 1/);
      expect(() => fake.groupMessage(plainGroup, staff, "x", { threadId })).to.throw(/not a forum/);
      fake.staffDeletesTopic(forum.id, threadId);
      expect(() => fake.groupMessage(forum, staff, "x", { threadId })).to.throw(/no topic/);
    });

    it("the real Bot answers a topic message in its topic when it passes the thread on", async () => {
      const threadId = staffTopic();
      const bot = new Bot(fake.token, { apiRoot: fake.apiRoot });
      bot.on("message", async (ctx) => {
        const asked = ctx.message;
        if (asked?.text) await ctx.reply("Diterima", { message_thread_id: asked.message_thread_id });
      });
      const polling = bot.startPolling(undefined, { timeout: 1 });
      fake.groupMessage(forum, staff, "/tiket", { threadId });
      await fake.waitForCall((c) => c.method === "sendMessage");
      bot.stop();
      await polling;
      expect(fake.messagesIn(forum.id, threadId).map((m) => m.text)).to.deep.equal(["Diterima"]);
    });
  });

  describe("edits", () => {
    it("userEdits delivers edited_message with edit_date and the new text's entities", async () => {
      const said = messageOf(fake.userSays(employee, "cuti besok"));
      const update = fake.userEdits(employee, said.message_id, "/cuti besok lusa");
      if (!("edited_message" in update)) throw new Error("expected edited_message");
      expect(update.edited_message).to.deep.include({
        message_id: said.message_id,
        chat: privateChatOf(employee),
        text: "/cuti besok lusa",
        entities: [{ type: "bot_command", offset: 0, length: 5 }],
      });
      expect(update.edited_message.edit_date).to.be.a("number");
      expect(() => fake.userEdits(employee, said.message_id, "/cuti besok lusa")).to.throw(/unchanged/);
      const botSaid = await api.sendMessage({ chat_id: employee.id, text: "Baik" });
      expect(() => fake.userEdits(employee, botSaid.message_id, "x")).to.throw(/is by 123456, not 7001/);
    });

    it("groupEdits changes a caption in a topic and keeps the message in its topic", async () => {
      const threadId = staffTopic();
      const sent = messageOf(fake.groupMessage(forum, staff, documentFields({ caption: "draf" }), { threadId }));
      const edited = messageOf(fake.groupEdits(forum, staff, sent.message_id, "final"));
      expect(edited).to.deep.include({ caption: "final", message_thread_id: threadId, is_topic_message: true, document: sent.document });
      expect(edited.edit_date).to.be.a("number");
      const opening = messageOf(fake.staffCreatesTopic(forum.id, "Lain"));
      expect(() => fake.groupEdits(forum, staff, opening.message_id, "x")).to.throw(/is by 1087968824/);
    });

    it("the bot edits its own text and caption in a topic; the message stays there", async () => {
      const threadId = await botTopic();
      const text = await api.sendMessage({ chat_id: forum.id, message_thread_id: threadId, text: "Diproses" });
      const file = await api.sendDocument({ chat_id: forum.id, message_thread_id: threadId, document: new InputFile(new Uint8Array([1]), { filename: "a.pdf" }), caption: "v1" });
      await api.editMessageText({ chat_id: forum.id, message_id: text.message_id, text: "Selesai" });
      await api.editMessageCaption({ chat_id: forum.id, message_id: file.message_id, caption: "v2" });
      const [, editedText, editedFile] = fake.messagesIn(forum.id, threadId);
      expect(editedText).to.deep.include({ text: "Selesai", message_thread_id: threadId, is_topic_message: true });
      expect(editedFile).to.deep.include({ caption: "v2", message_thread_id: threadId });
      expect(editedText?.reply_to_message?.message_id).to.equal(threadId);
    });
  });
});
