// The fake Bot API behaves like Telegram where the bot's tests depend on it, driven by the real v2 client.
import { expect } from "chai";
import { Api, Bot, InputFile, NetworkError, TelegramApiError, TimeoutError, type Message, type Update } from "node-telegram-bot-api";
import { FakeTelegram, type FakeTelegramOptions, type RecordedCall } from "./support/fake-telegram.js";
import { preciseNow } from "./support/fake-telegram/precise-clock.js";
import { documentFields, makeGroup, makeUser, photoFields, privateChatOf } from "./support/updates.js";

const employee = makeUser(7001, { first_name: "Ani", username: "ani_osdm" });
const staffGroup = makeGroup(-1001234567890, "Staf OSDM");

let fake: FakeTelegram;
let api: Api;

async function startFake(opts: FakeTelegramOptions = {}, transport: { maxRetries?: number; timeoutMs?: number } = {}): Promise<void> {
  await fake?.stop();
  fake = await FakeTelegram.start(opts);
  api = new Api(fake.token, { apiRoot: fake.apiRoot, retryBackoffMs: 10, ...transport });
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

async function until(condition: () => boolean, timeoutMs = 1000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function messageOf(update: Update): Message {
  if (!("message" in update)) throw new Error("expected a message update");
  return update.message;
}

const pollArrived = (): boolean => fake.isPolling();

/** A Bot API call over plain HTTP, without a client's retries or parsing: the status and the body as answered. */
async function post(method: string, params: Record<string, unknown>): Promise<{ status: number; contentType: string; body: unknown }> {
  const res = await fetch(`${fake.apiRoot}/bot${fake.token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(params),
  });
  const text = await res.text();
  const contentType = res.headers.get("content-type") ?? "";
  return { status: res.status, contentType, body: contentType.startsWith("application/json") ? (JSON.parse(text) as unknown) : text };
}

const say = (chatId: number, text = "halo") => post("sendMessage", { chat_id: chatId, text });
const statuses = (answers: { status: number }[]) => answers.map((a) => a.status);

/** The flood windows are the subject here, so these waits are for the clock itself, with nothing else to wait on. */
async function untilClock(at: number): Promise<void> {
  const ms = at - preciseNow();
  if (ms > 0) await new Promise((resolve) => setTimeout(resolve, Math.ceil(ms)));
}

/** When the first message-producing call (matching `pred`) took effect at the fake. */
function firstExecuted(pred: (c: RecordedCall) => boolean): number {
  const at = fake.calls.find((c) => pred(c) && c.status === 200)?.executedAt;
  if (at === undefined) throw new Error("no executed call matches");
  return at;
}

describe("fake Telegram Bot API", () => {
  beforeEach(() => startFake());
  afterEach(() => fake.stop());

  describe("identity and routing", () => {
    it("getMe answers with the configured bot", async () => {
      await startFake({ botId: 999, botUsername: "osdm_bot" });
      const me = await api.getMe();
      expect(me).to.include({ id: 999, is_bot: true, username: "osdm_bot" });
    });

    it("a wrong token is answered 401 Unauthorized", async () => {
      const stranger = new Api("999:WRONG", { apiRoot: fake.apiRoot });
      const err = await refusal(stranger.getMe());
      expect(err.errorCode).to.equal(401);
      expect(err.description).to.equal("Unauthorized");
    });

    it("an unknown method is answered 404 Not Found", async () => {
      const res = await fetch(`${fake.apiRoot}/bot${fake.token}/sendTelepathy`, { method: "POST" });
      expect(res.status).to.equal(404);
      expect(await res.json()).to.deep.equal({ ok: false, error_code: 404, description: "Not Found" });
    });
  });

  describe("long polling", () => {
    it("a held getUpdates wakes as soon as an update is pushed", async () => {
      let answered = false;
      const poll = api.getUpdates({ timeout: 10 }).finally(() => (answered = true));
      await until(pollArrived);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(answered, "answered before any update existed").to.equal(false);

      const pushed = fake.userSays(employee, "halo");
      const started = Date.now();
      const updates = await poll;
      expect(Date.now() - started).to.be.lessThan(200);
      expect(updates).to.deep.equal([pushed]);
    });

    it("an album pushed while a poll is held arrives in one answer", async () => {
      const poll = api.getUpdates({ timeout: 5 });
      await until(pollArrived);
      const album = fake.userSendsAlbum(employee, [photoFields(), photoFields({ caption: "dua" })]);
      expect(await poll).to.deep.equal(album);
    });

    it("a poll with nothing to deliver answers [] when its timeout ends", async () => {
      const started = Date.now();
      expect(await api.getUpdates({ timeout: 1 })).to.deep.equal([]);
      expect(Date.now() - started).to.be.within(950, 1500);
    });

    it("unconfirmed updates are delivered again until an offset confirms them", async () => {
      const first = fake.userSays(employee, "satu");
      const second = fake.userSays(employee, "dua");
      expect(await api.getUpdates({ timeout: 0 })).to.deep.equal([first, second]);
      // The bot crashed before confirming: Telegram hands the same updates out again.
      expect(await api.getUpdates({ timeout: 0 })).to.deep.equal([first, second]);

      expect(await api.getUpdates({ offset: first.update_id + 1, timeout: 0 })).to.deep.equal([second]);
      expect(fake.confirmedOffset).to.equal(first.update_id + 1);
      expect(fake.pendingUpdates()).to.deep.equal([second]);
    });

    it("a second getUpdates ends the held one with 409 Conflict", async () => {
      const older = refusal(api.getUpdates({ timeout: 5 }));
      await until(pollArrived);
      await api.getUpdates({ timeout: 0 });
      const err = await older;
      expect(err.errorCode).to.equal(409);
      expect(err.description).to.match(/^Conflict: terminated by other getUpdates request/);
    });

    it("a client that gives up on a held poll loses no update", async () => {
      const abort = new AbortController();
      const abandoned = api.getUpdates({ timeout: 5 }, abort.signal).catch((err: unknown) => err);
      await until(pollArrived);
      abort.abort();
      await abandoned;
      await until(() => !fake.isPolling());

      const pushed = fake.userSays(employee, "masih ada?");
      expect(await api.getUpdates({ timeout: 5 })).to.deep.equal([pushed]);
    });

    it("the real Bot polls, handles a command and replies", async () => {
      const bot = new Bot(fake.token, { apiRoot: fake.apiRoot });
      bot.command("start", (ctx) => ctx.reply("Selamat datang"));
      const polling = bot.startPolling(undefined, { timeout: 1 });
      const update = fake.userSays(employee, "/start");

      const reply = await fake.waitForCall((c) => c.method === "sendMessage");
      expect(reply.params).to.include({ chat_id: employee.id, text: "Selamat datang" });
      expect(fake.messagesIn(employee.id).map((m) => m.text)).to.deep.equal(["Selamat datang"]);
      await until(() => fake.confirmedOffset === update.update_id + 1 && fake.isPolling());
      bot.stop();
      await polling;
      await until(() => !fake.isPolling());
    });
  });

  describe("fault injection", () => {
    it("a 429 with retry_after is waited out and retried by the client", async () => {
      fake.userSays(employee, "halo");
      fake.failNext("sendMessage", { status: 429, retryAfter: 1 });
      const started = Date.now();
      await api.sendMessage({ chat_id: employee.id, text: "coba lagi" });
      expect(Date.now() - started).to.be.at.least(950);
      expect(fake.callsOf("sendMessage").map((c) => c.status)).to.deep.equal([429, 200]);
      expect(fake.callsOf("sendMessage")[0]?.response).to.deep.equal({
        ok: false,
        error_code: 429,
        description: "Too Many Requests: retry after 1",
        parameters: { retry_after: 1 },
      });
      expect(fake.count429).to.equal(1);
    });

    it("a 500 then success is retried into one message", async () => {
      fake.userSays(employee, "halo");
      fake.failNext("sendMessage", { status: 500 });
      await api.sendMessage({ chat_id: employee.id, text: "sekali saja" });
      expect(fake.callsOf("sendMessage").map((c) => c.status)).to.deep.equal([500, 200]);
      expect(fake.messagesIn(employee.id)).to.have.length(1);
    });

    it("a dropped answer after the send took effect leaves the message delivered", async () => {
      await startFake({}, { maxRetries: 0 });
      fake.userSays(employee, "halo");
      fake.failNext((c) => c.method === "sendMessage" && c.params.chat_id === employee.id, { drop: true, processed: true });
      let failure: unknown;
      await api.sendMessage({ chat_id: employee.id, text: "terkirim?" }).catch((err: unknown) => (failure = err));
      expect(failure).to.be.instanceOf(NetworkError);
      expect(fake.messagesIn(employee.id).map((m) => m.text)).to.deep.equal(["terkirim?"]);
    });

    it("a hung call times out in the client and is closed by stop()", async () => {
      await startFake({}, { maxRetries: 0, timeoutMs: 200 });
      fake.failNext("getMe", { hang: true });
      let failure: unknown;
      await api.getMe().catch((err: unknown) => (failure = err));
      expect(failure).to.be.instanceOf(TimeoutError);
      expect(fake.callsOf("getMe")[0]?.status).to.equal(0);
    });

    it("an injected 403 carries the given description, once", async () => {
      fake.userSays(employee, "halo");
      fake.failNext("sendMessage", { status: 403, description: "Forbidden: user is deactivated" });
      const err = await refusal(api.sendMessage({ chat_id: employee.id, text: "x" }));
      expect(err.errorCode).to.equal(403);
      expect(err.description).to.equal("Forbidden: user is deactivated");
      await api.sendMessage({ chat_id: employee.id, text: "y" });
    });
  });

  describe("text and formatting", () => {
    beforeEach(() => fake.userSays(employee, "halo"));

    it("HTML with a stray '<' is refused; escaped HTML is stored as plain text with entities", async () => {
      const err = await refusal(api.sendMessage({ chat_id: employee.id, text: "Sisa cuti < 5 hari", parse_mode: "HTML" }));
      expect(err.errorCode).to.equal(400);
      expect(err.description).to.equal(`Bad Request: can't parse entities: Unsupported start tag "" at byte offset 10`);

      const sent = await api.sendMessage({ chat_id: employee.id, text: "<b>Sisa cuti</b> &lt; 5 &amp; <a href=\"https://osdm.example/cuti\">cek</a>", parse_mode: "HTML" });
      expect(sent.text).to.equal("Sisa cuti < 5 & cek");
      expect(sent.entities).to.deep.equal([
        { type: "bold", offset: 0, length: 9 },
        { type: "text_link", offset: 16, length: 3, url: "https://osdm.example/cuti" },
      ]);
    });

    it("HTML that Telegram cannot parse is refused with 'can't parse entities'", async () => {
      const broken = ["<h1>Judul</h1>", "<b>tebal", "<b><i>x</b></i>", "Tom & Jerry", "</b>", '<span class="x">s</span>'];
      for (const text of broken) {
        const err = await refusal(api.sendMessage({ chat_id: employee.id, text, parse_mode: "HTML" }));
        expect(err.description, text).to.match(/^Bad Request: can't parse entities: /);
      }
      const fine = await api.sendMessage({ chat_id: employee.id, text: '<pre><code class="language-sql">SELECT 1</code></pre> <tg-spoiler>x</tg-spoiler> &#128512;', parse_mode: "HTML" });
      expect(fine.entities?.map((e) => e.type)).to.deep.equal(["pre", "spoiler"]);
      expect(fine.entities?.[0]?.language).to.equal("sql");
    });

    it("MarkdownV2 refuses an unescaped reserved character", async () => {
      const err = await refusal(api.sendMessage({ chat_id: employee.id, text: "Gaji *naik* 5.5%", parse_mode: "MarkdownV2" }));
      expect(err.description).to.equal("Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'");
      const sent = await api.sendMessage({ chat_id: employee.id, text: "Gaji *naik* 5\\.5%", parse_mode: "MarkdownV2" });
      expect(sent.text).to.equal("Gaji naik 5.5%");
      expect(sent.entities).to.deep.equal([{ type: "bold", offset: 5, length: 4 }]);
    });

    it("length is counted after entity parsing, in UTF-16 code units", async () => {
      const atLimit = await api.sendMessage({ chat_id: employee.id, text: "&lt;".repeat(4096), parse_mode: "HTML" });
      expect(atLimit.text).to.have.length(4096);
      const err = await refusal(api.sendMessage({ chat_id: employee.id, text: "😀".repeat(2049) }));
      expect(err.description).to.equal("Bad Request: message is too long");
      const empty = await refusal(api.sendMessage({ chat_id: employee.id, text: " <b> </b> ", parse_mode: "HTML" }));
      expect(empty.description).to.equal("Bad Request: message text is empty");
      const caption = await refusal(api.sendPhoto({ chat_id: employee.id, photo: "https://osdm.example/a.jpg", caption: "x".repeat(1025) }));
      expect(caption.description).to.equal("Bad Request: message caption is too long");
    });
  });

  describe("files", () => {
    beforeEach(() => fake.userSays(employee, "halo"));

    it("a multipart document upload is recorded and answered with a file_id the fake then accepts", async () => {
      const csv = new TextEncoder().encode("nip,nama\n198001,Ani\n");
      const sent = await api.sendDocument({
        chat_id: employee.id,
        document: new InputFile(csv, { filename: "rekap.csv", contentType: "text/csv" }),
        caption: "Rekap cuti",
        reply_markup: { inline_keyboard: [[{ text: "OK", callback_data: "ok" }]] },
      });
      const [upload] = fake.callsOf("sendDocument");
      expect(upload?.params).to.deep.equal({
        chat_id: employee.id,
        caption: "Rekap cuti",
        reply_markup: { inline_keyboard: [[{ text: "OK", callback_data: "ok" }]] },
      });
      expect(upload?.files.map(({ field, filename, contentType, size }) => ({ field, filename, contentType, size }))).to.deep.equal([
        { field: "document", filename: "rekap.csv", contentType: "text/csv", size: csv.length },
      ]);
      expect(upload?.files[0]?.data.toString("utf8")).to.equal("nip,nama\n198001,Ani\n");
      expect(sent.document).to.include({ file_name: "rekap.csv", mime_type: "text/csv", file_size: csv.length });

      const fileId = sent.document?.file_id ?? "";
      const resent = await api.sendDocument({ chat_id: employee.id, document: fileId });
      expect(resent.document?.file_id).to.equal(fileId);

      const err = await refusal(api.sendDocument({ chat_id: employee.id, document: "BQACAgUAAxkBAAIinvented" }));
      expect(err.description).to.equal("Bad Request: wrong file identifier/HTTP URL specified");
    });

    it("a media group upload becomes one album of messages", async () => {
      const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
      const album = await api.sendMediaGroup({
        chat_id: employee.id,
        media: [
          { type: "photo", media: new InputFile(bytes, { filename: "a.jpg", contentType: "image/jpeg" }), caption: "Dua foto" },
          { type: "photo", media: new InputFile(bytes, { filename: "b.jpg", contentType: "image/jpeg" }) },
        ],
      });
      expect(album).to.have.length(2);
      expect(album[0]?.media_group_id).to.be.a("string").and.equal(album[1]?.media_group_id);
      expect(album[0]?.caption).to.equal("Dua foto");
      expect(fake.callsOf("sendMediaGroup")[0]?.files.map((f) => f.filename)).to.deep.equal(["a.jpg", "b.jpg"]);
    });
  });

  describe("copying and forwarding", () => {
    beforeEach(() => fake.knowChat(staffGroup));

    it("copyMessage keeps a photo and honours the caption override, reply and keyboard", async () => {
      const original = messageOf(fake.userSends(employee, photoFields({ caption: "KTP saya" })));
      const ticket = await api.sendMessage({ chat_id: staffGroup.id, text: "Tiket #12" });
      const { message_id } = await api.copyMessage({
        chat_id: staffGroup.id,
        from_chat_id: employee.id,
        message_id: original.message_id,
        caption: "<i>dari Ani</i>",
        parse_mode: "HTML",
        reply_parameters: { message_id: ticket.message_id },
        reply_markup: { inline_keyboard: [[{ text: "Balas", callback_data: "reply:12" }]] },
      });

      const copy = fake.messagesIn(staffGroup.id).find((m) => m.message_id === message_id);
      expect(copy?.photo).to.deep.equal(original.photo);
      expect(copy?.caption).to.equal("dari Ani");
      expect(copy?.caption_entities).to.deep.equal([{ type: "italic", offset: 0, length: 8 }]);
      expect(copy?.reply_to_message?.message_id).to.equal(ticket.message_id);
      expect(copy?.reply_markup?.inline_keyboard[0]?.[0]?.callback_data).to.equal("reply:12");
    });

    it("copyMessages keeps an album together under a new media_group_id", async () => {
      const sources = fake.userSendsAlbum(employee).map(messageOf);
      const ids = await api.copyMessages({ chat_id: staffGroup.id, from_chat_id: employee.id, message_ids: sources.map((m) => m.message_id) });
      expect(ids).to.have.length(2);
      const copies = fake.messagesIn(staffGroup.id);
      expect(copies.map((m) => m.message_id)).to.deep.equal(ids.map((r) => r.message_id));
      expect(copies[0]?.media_group_id).to.be.a("string").and.equal(copies[1]?.media_group_id);
      expect(copies[0]?.media_group_id).to.not.equal(sources[0]?.media_group_id);
    });

    it("copying or forwarding a message the fake never saw is refused", async () => {
      fake.userSays(employee, "halo");
      const copy = await refusal(api.copyMessage({ chat_id: staffGroup.id, from_chat_id: employee.id, message_id: 9999 }));
      expect(copy.description).to.equal("Bad Request: message to copy not found");
      const forward = await refusal(api.forwardMessage({ chat_id: staffGroup.id, from_chat_id: employee.id, message_id: 9999 }));
      expect(forward.description).to.equal("Bad Request: message to forward not found");
    });

    it("forwardMessage keeps the content and names the original sender", async () => {
      const original = messageOf(fake.userSends(employee, documentFields({ file_name: "sk.pdf" })));
      const forwarded = await api.forwardMessage({ chat_id: staffGroup.id, from_chat_id: employee.id, message_id: original.message_id });
      expect(forwarded.document).to.deep.equal(original.document);
      expect(forwarded.forward_origin).to.deep.include({ type: "user", sender_user: employee });
    });
  });

  describe("chats", () => {
    it("a chat the fake never saw is 'chat not found'", async () => {
      const err = await refusal(api.sendMessage({ chat_id: 424242, text: "halo" }));
      expect(err.errorCode).to.equal(400);
      expect(err.description).to.equal("Bad Request: chat not found");
    });

    it("after blockUser sends are 403 until the user writes again", async () => {
      fake.userSays(employee, "halo");
      fake.blockUser(employee.id);
      const err = await refusal(api.sendMessage({ chat_id: employee.id, text: "pengingat" }));
      expect(err.errorCode).to.equal(403);
      expect(err.description).to.equal("Forbidden: bot was blocked by the user");
      expect((await refusal(api.sendChatAction({ chat_id: employee.id, action: "typing" }))).errorCode).to.equal(403);

      fake.userSays(employee, "/start");
      await api.sendMessage({ chat_id: employee.id, text: "selamat datang kembali" });
    });

    it("getChat describes a known chat; leaveChat makes later sends 403", async () => {
      fake.knowChat(staffGroup);
      expect(await api.getChat({ chat_id: staffGroup.id })).to.include({ id: staffGroup.id, type: "supergroup", title: "Staf OSDM" });
      expect(await api.leaveChat({ chat_id: staffGroup.id })).to.equal(true);
      const err = await refusal(api.sendMessage({ chat_id: staffGroup.id, text: "halo" }));
      expect(err.description).to.equal("Forbidden: bot is not a member of the supergroup chat");
    });

    it("getChatMember tells the bot's standing: a member, an admin with the rights given, then refused once it left", async () => {
      fake.knowChat(staffGroup);
      const bot = await api.getMe();
      const member = await api.getChatMember({ chat_id: staffGroup.id, user_id: bot.id });
      expect([member.status, member.user.id]).to.deep.equal(["member", bot.id]);
      fake.makeBotAdmin(staffGroup.id, { can_delete_messages: false });
      expect(await api.getChatMember({ chat_id: staffGroup.id, user_id: bot.id })).to.include({
        status: "administrator",
        can_delete_messages: false,
        can_manage_chat: true,
      });
      expect(await api.getChatMember({ chat_id: staffGroup.id, user_id: employee.id })).to.include({ status: "left" });
      await api.leaveChat({ chat_id: staffGroup.id });
      expect((await refusal(api.getChatMember({ chat_id: staffGroup.id, user_id: bot.id }))).errorCode).to.equal(403);
    });
  });

  describe("editing and deleting", () => {
    beforeEach(() => fake.userSays(employee, "halo"));

    it("edits apply to the stored message; an identical edit is 'not modified'", async () => {
      const keyboard = { inline_keyboard: [[{ text: "Ya", callback_data: "yes" }]] };
      const sent = await api.sendMessage({ chat_id: employee.id, text: "Lanjut?", reply_markup: keyboard });
      await api.editMessageText({ chat_id: employee.id, message_id: sent.message_id, text: "Lanjut?", reply_markup: keyboard }).then(
        () => expect.fail("an identical edit must be refused"),
        (err: unknown) => expect(err).to.be.instanceOf(TelegramApiError).with.property("description").that.match(/^Bad Request: message is not modified: /),
      );
      await api.editMessageText({ chat_id: employee.id, message_id: sent.message_id, text: "Selesai" });
      const [edited] = fake.messagesIn(employee.id);
      expect(edited?.text).to.equal("Selesai");
      expect(edited?.reply_markup, "an edit without reply_markup removes the keyboard").to.equal(undefined);
      expect(edited?.edit_date).to.be.a("number");

      const missing = await refusal(api.editMessageText({ chat_id: employee.id, message_id: 9999, text: "x" }));
      expect(missing.description).to.equal("Bad Request: message to edit not found");
    });

    it("deleteMessage removes the message; an unknown one is 'not found'", async () => {
      const sent = await api.sendMessage({ chat_id: employee.id, text: "sementara" });
      expect(await api.deleteMessage({ chat_id: employee.id, message_id: sent.message_id })).to.equal(true);
      expect(fake.messagesIn(employee.id)).to.deep.equal([]);
      const err = await refusal(api.deleteMessage({ chat_id: employee.id, message_id: sent.message_id }));
      expect(err.description).to.equal("Bad Request: message to delete not found");
    });
  });

  describe("callback queries", () => {
    it("pressButton delivers a callback query the bot can answer once", async () => {
      fake.userSays(employee, "halo");
      const menu = await api.sendMessage({ chat_id: employee.id, text: "Menu", reply_markup: { inline_keyboard: [[{ text: "Cuti", callback_data: "cuti" }]] } });
      const update = fake.pressButton(employee, menu, "cuti");
      if (!("callback_query" in update)) throw new Error("expected a callback query");
      expect(update.callback_query).to.deep.include({ data: "cuti", from: employee });
      expect(update.callback_query.message?.message_id).to.equal(menu.message_id);

      await api.answerCallbackQuery({ callback_query_id: update.callback_query.id, text: "Sebentar…" });
      expect(fake.answeredCallbacks.has(update.callback_query.id)).to.equal(true);
      const again = await refusal(api.answerCallbackQuery({ callback_query_id: update.callback_query.id }));
      expect(again.description).to.match(/^Bad Request: query is too old/);
      expect(() => fake.pressButton(employee, menu, "gaji")).to.throw(/no button "gaji"/);
    });
  });

  describe("flood control", () => {
    it("a private chat takes 3 in a second; the 4th gets 429 with retry_after and the 5th, asked during that wait, a longer one", async () => {
      await startFake({ enforceLimits: true }, { maxRetries: 0 });
      fake.userSays(employee, "halo");
      const results = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => api.sendMessage({ chat_id: employee.id, text: `pesan ${n}` })));
      expect(results.map((r) => r.status)).to.deep.equal(["fulfilled", "fulfilled", "fulfilled", "rejected", "rejected"]);
      const retryAfter = results.map((r) => (r.status === "rejected" && r.reason instanceof TelegramApiError ? r.reason.retryAfter : undefined));
      expect(retryAfter.slice(3)).to.deep.equal([1, 2]);
      expect(fake.count429).to.equal(2);
    });

    it("a group gets at most the group limit's messages in a rolling window", async () => {
      await startFake({ enforceLimits: { group: [{ count: 3, windowMs: 60_000 }] } }, { maxRetries: 0 });
      fake.knowChat(staffGroup);
      for (let i = 0; i < 3; i += 1) await api.sendMessage({ chat_id: staffGroup.id, text: `laporan ${i}` });
      const err = await refusal(api.copyMessage({ chat_id: staffGroup.id, from_chat_id: staffGroup.id, message_id: 1 }));
      expect(err.errorCode).to.equal(429);
      expect(err.retryAfter).to.be.within(59, 60);
    });

    it("all chats together share the global window", async () => {
      await startFake({ enforceLimits: { global: [{ count: 4, windowMs: 1000 }] } }, { maxRetries: 0 });
      const users = [1, 2, 3, 4, 5].map((n) => makeUser(8000 + n));
      for (const user of users) fake.knowChat(privateChatOf(user));
      const results = await Promise.allSettled(users.map((u) => api.sendMessage({ chat_id: u.id, text: "pengumuman" })));
      expect(results.filter((r) => r.status === "rejected")).to.have.length(1);
      expect(fake.count429).to.equal(1);
    });

    describe("strict rolling windows", () => {
      const users = Array.from({ length: 32 }, (_, i) => makeUser(8100 + i));
      beforeEach(async () => {
        await startFake({ enforceLimits: true });
        for (const user of users) fake.knowChat(privateChatOf(user));
      });

      it("30 at once pass; a 31st later in the same second is refused, though a rate of 30/s would have refilled by then", async () => {
        expect(statuses(await Promise.all(users.slice(0, 30).map((u) => say(u.id))))).to.deep.equal(Array(30).fill(200));
        await untilClock(firstExecuted(() => true) + 900);
        const refused = await say(users[30]!.id);
        expect(refused).to.deep.include({
          status: 429,
          body: { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } },
        });
        expect(fake.floodLog).to.have.length(1);
        expect(fake.floodLog[0]).to.deep.include({ method: "sendMessage", chatId: users[30]!.id, retryAfter: 1, reason: "window", scope: "global" });
      });

      it("a 31st that arrives 1001 ms after the first passes", async () => {
        await Promise.all(users.slice(0, 30).map((u) => say(u.id)));
        await untilClock(firstExecuted(() => true) + 1001);
        expect((await say(users[30]!.id)).status).to.equal(200);
        expect(fake.count429).to.equal(0);
      });

      it("a private chat takes at most 10 in any 10 s, even paced at 3 a second", async () => {
        const chat = users[0]!.id;
        for (const round of [0, 1, 2]) {
          if (round > 0) await untilClock(fake.calls.filter((c) => c.status === 200).at(-3)!.executedAt! + 1001);
          expect(statuses(await Promise.all([1, 2, 3].map(() => say(chat)))), `round ${round}`).to.deep.equal([200, 200, 200]);
        }
        await untilClock(fake.calls.filter((c) => c.status === 200).at(-3)!.executedAt! + 1001);
        expect((await say(chat)).status, "the 10th").to.equal(200);
        const eleventh = await say(chat);
        expect(eleventh.status).to.equal(429);
        expect(fake.floodLog[0]).to.deep.include({ chatId: chat, reason: "window", scope: "chat" });
        expect(fake.floodLog[0]?.retryAfter).to.be.within(6, 7);
      });

      it("copyMessages counts once per message it copies", async () => {
        fake.knowChat(staffGroup);
        const sources = Array.from({ length: 10 }, (_, i) => messageOf(fake.userSays(employee, `lampiran ${i}`)).message_id);
        const copy = () => post("copyMessages", { chat_id: staffGroup.id, from_chat_id: employee.id, message_ids: sources });
        expect(statuses([await copy(), await copy()])).to.deep.equal([200, 200]);
        const refused = await say(staffGroup.id, "yang ke-21");
        expect(refused.status).to.equal(429);
        expect(fake.floodLog[0]).to.deep.include({ chatId: staffGroup.id, reason: "window", scope: "chat" });
        expect(fake.messagesIn(staffGroup.id)).to.have.length(20);
      });
    });

    it("asking again during a flood wait is refused with a growing wait, up to the cap; after the wait a send passes", async () => {
      await startFake({ enforceLimits: { maxFloodWaitSec: 2 } });
      fake.userSays(employee, "halo");
      expect(statuses(await Promise.all([1, 2, 3].map(() => say(employee.id))))).to.deep.equal([200, 200, 200]);
      for (let i = 0; i < 3; i += 1) expect((await say(employee.id)).status).to.equal(429);
      expect(fake.floodLog.map(({ retryAfter, reason }) => [retryAfter, reason])).to.deep.equal([
        [1, "window"],
        [2, "flood-wait"],
        [2, "flood-wait"],
      ]);
      const last = fake.floodLog.at(-1)!;
      await untilClock(last.at + last.retryAfter * 1000);
      expect((await say(employee.id)).status).to.equal(200);
      // What a test of the bot asserts to be empty: 429s that came inside the wait an earlier one gave. Here, provoked.
      const repeats = fake.floodLog.filter((r, i) => i > 0 && r.at < fake.floodLog[i - 1]!.at + fake.floodLog[i - 1]!.retryAfter * 1000);
      expect(repeats).to.have.length(2);
    });

    it("the overall flood wait refuses every chat, and grows too", async () => {
      await startFake({ enforceLimits: { global: [{ count: 2, windowMs: 1000 }] } });
      const users = [1, 2, 3, 4].map((n) => makeUser(8200 + n));
      for (const user of users) fake.knowChat(privateChatOf(user));
      expect(statuses([await say(users[0]!.id), await say(users[1]!.id), await say(users[2]!.id), await say(users[3]!.id)])).to.deep.equal([200, 200, 429, 429]);
      expect(fake.floodLog.map(({ chatId, retryAfter, reason, scope }) => ({ chatId, retryAfter, reason, scope }))).to.deep.equal([
        { chatId: users[2]!.id, retryAfter: 1, reason: "window", scope: "global" },
        { chatId: users[3]!.id, retryAfter: 2, reason: "flood-wait", scope: "global" },
      ]);
    });

    it("a prefilled group window leaves room for the rest, as if a previous process had just sent there", async () => {
      await startFake({ enforceLimits: true });
      fake.knowChat(staffGroup);
      fake.prefillWindow(staffGroup.id, 15, { spreadMs: 15_000 });
      const counted = fake.countedSends(staffGroup.id);
      expect(counted).to.have.length(15);
      expect(preciseNow() - counted[0]!).to.be.within(14_000, 14_100);
      // A bot restarting opens new connections; the windows live in the fake and do not care.
      const restarted = new Api(fake.token, { apiRoot: fake.apiRoot, maxRetries: 0 });
      for (let i = 1; i <= 5; i += 1) await restarted.sendMessage({ chat_id: staffGroup.id, text: `tiket ${i}` });
      const err = await refusal(restarted.sendMessage({ chat_id: staffGroup.id, text: "tiket 6" }));
      // The oldest prefilled send is 14 s old: it leaves the 60 s window in 46 s.
      expect(err.retryAfter).to.be.within(45, 46);
    });

    it("a prefilled overall window counts against every chat", async () => {
      await startFake({ enforceLimits: true });
      const users = [1, 2].map((n) => makeUser(8300 + n));
      for (const user of users) fake.knowChat(privateChatOf(user));
      fake.prefillWindow(undefined, 29, { spreadMs: 500 });
      expect(statuses([await say(users[0]!.id), await say(users[1]!.id)])).to.deep.equal([200, 429]);
      expect(fake.floodLog[0]).to.deep.include({ scope: "global", reason: "window" });
    });
  });

  describe("network latency and jitter", () => {
    it("jitter makes calls sent together reach the fake in another order, and ids follow that order", async () => {
      await startFake({ latencyMs: 100, jitterMs: 50, jitterSeed: 1234 });
      fake.knowChat(staffGroup);
      const texts = Array.from({ length: 15 }, (_, i) => `pesan ${i + 1}`);
      await Promise.all(texts.map((text) => say(staffGroup.id, text)));
      const sends = fake.callsOf("sendMessage");
      const textOf = (c: RecordedCall) => String(c.params.text);
      const byArrival = [...sends].sort((a, b) => a.arrivedAt - b.arrivedAt).map(textOf);
      const byExecution = [...sends].sort((a, b) => a.executedAt! - b.executedAt!).map(textOf);
      expect(byExecution).to.not.deep.equal(byArrival);
      expect(fake.messagesIn(staffGroup.id).map((m) => m.text)).to.deep.equal(byExecution);
      for (const c of sends) {
        // Timers may fire late on a busy machine, never early.
        expect(c.executedAt! - c.arrivedAt).to.be.within(0, 100 + 50);
        expect(c.answeredAt! - c.executedAt!).to.be.at.least(50 - 1);
      }
    });

    it("without jitter a call executes halfway through the latency", async () => {
      await startFake({ latencyMs: 200 });
      fake.userSays(employee, "halo");
      await say(employee.id);
      const [call] = fake.callsOf("sendMessage");
      expect(call!.executedAt! - call!.arrivedAt).to.be.within(99, 150);
      expect(call!.answeredAt! - call!.executedAt!).to.be.within(99, 150);
    });
  });

  describe("odd answers", () => {
    beforeEach(() => fake.userSays(employee, "halo"));

    it("a raw-body fault answers any status with a body that is not Telegram's envelope", async () => {
      fake.failNext("sendMessage", { status: 502, body: "<html>502 Bad Gateway</html>", contentType: "text/html" });
      fake.failNext("sendMessage", { status: 400, body: '{"error":"bad"}' });
      expect(await say(employee.id)).to.deep.equal({ status: 502, contentType: "text/html", body: "<html>502 Bad Gateway</html>" });
      expect(await say(employee.id)).to.deep.equal({ status: 400, contentType: "application/json", body: { error: "bad" } });
      expect(fake.callsOf("sendMessage").map((c) => c.response)).to.deep.equal(["<html>502 Bad Gateway</html>", { error: "bad" }]);
      expect(fake.messagesIn(employee.id)).to.deep.equal([]);
      expect((await say(employee.id)).status).to.equal(200);
    });

    it("failAlways hits every matching call until cleared", async () => {
      fake.knowChat(staffGroup);
      const clear = fake.failAlways((c) => c.params.chat_id === staffGroup.id, { status: 500, body: "upstream error", contentType: "text/plain" });
      expect(statuses([await say(staffGroup.id), await say(staffGroup.id), await say(staffGroup.id)])).to.deep.equal([500, 500, 500]);
      expect((await say(employee.id)).status, "other chats are not hit").to.equal(200);
      clear();
      expect((await say(staffGroup.id)).status).to.equal(200);
    });

    it("a missing method answers 404 as an emulator without it would; the others work", async () => {
      await startFake({ missingMethods: ["copyMessages"] });
      fake.knowChat(staffGroup);
      const source = messageOf(fake.userSays(employee, "halo")).message_id;
      for (const method of ["copyMessages", "copymessages"]) {
        const answer = await post(method, { chat_id: staffGroup.id, from_chat_id: employee.id, message_ids: [source] });
        expect(answer, method).to.deep.include({ status: 404, body: { ok: false, error_code: 404, description: "Not Found" } });
      }
      expect((await post("copyMessage", { chat_id: staffGroup.id, from_chat_id: employee.id, message_id: source })).status).to.equal(200);
    });
  });

  describe("test helpers", () => {
    it("latency delays every answer but the long poll's", async () => {
      fake.setLatency(150);
      fake.userSays(employee, "halo");
      let started = Date.now();
      await api.getUpdates({ timeout: 0 });
      expect(Date.now() - started).to.be.lessThan(100);
      started = Date.now();
      await api.sendMessage({ chat_id: employee.id, text: "pelan" });
      expect(Date.now() - started).to.be.at.least(145);
    });

    it("waitForCall rejects on timeout with the recent calls listed", async () => {
      await api.getMe();
      const err = await fake.waitForCall((c) => c.method === "sendMessage", 50).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).to.be.instanceOf(Error);
      expect(String(err)).to.include("waited 50 ms").and.include("getMe → 200");
    });

    it("stop drops a held poll, and a new fake can take over the same port", async () => {
      await startFake({}, { maxRetries: 0 });
      const held = api.getUpdates({ timeout: 5 }).catch((err: unknown) => err);
      await until(pollArrived);
      const { port, apiRoot } = fake;
      await fake.stop();
      expect(await held).to.be.instanceOf(NetworkError);

      fake = await FakeTelegram.start({ port });
      expect(fake.apiRoot).to.equal(apiRoot);
      expect(await api.getMe()).to.include({ username: "sinawai_test_bot" });
    });
  });
});
