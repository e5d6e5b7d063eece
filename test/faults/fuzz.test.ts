import { expect } from "chai";
import type { Chat, Update, User } from "node-telegram-bot-api";
import { testDatabases } from "../support/test-db.js";
import { eachTestWithBot, STAFF_GROUP, type Harness } from "../support/app-harness.js";
import { makeGroup, makeUser } from "../support/updates.js";
import type { Db } from "../../src/db/database.js";
import { acceptUpdates } from "../../src/db/update-masuk-repo.js";
import { TELEGRAM_LIMITS, type PacerLimits } from "../../src/bot/pacer.js";
import { chatKeyOf, redactedJson } from "../../src/bot/update-info.js";
import { MAX_FAILED_TRIES } from "../../src/domain/registration.js";
import { eventually, sleep, textOf } from "./chat-checks.js";
import { OddUpdates, type Cast, type Credentials } from "./odd-updates.js";
import { randomFrom, seededRandom, type Random } from "./seeded-random.js";

/** Of the real shape, so a leak would show as a token does; the harness logger masks nothing. */
const TOKEN = "987654:AAF-fuzzSecretToken_0123456789abcd";
const THROUGH_TELEGRAM = 2000;
const BATCH = 100;
const UNREQUESTED = 100;
/** The fuzz is about what the bot does, not how fast Telegram lets it: pacing would stretch the answers over minutes. */
const UNLIMITED = [{ limit: 1e6, ms: 1000 }];
const UNPACED: PacerLimits = { ...TELEGRAM_LIMITS, global: UNLIMITED, private: UNLIMITED, group: UNLIMITED, groupShare: UNLIMITED, marginMs: 0 };
/** A refusal of what the bot wrote; other 400s come from a chat's state (a menu edited away, a message already gone). */
const MARKUP_REFUSAL = /can't parse|parse_mode|entities|text is empty|too long|inline keyboard|BUTTON_|MESSAGE_TOO_LONG/i;
const QUESTION_HEADER = /^(❓|➕) #T\d+ (pertanyaan baru|lanjutan)/;
const EMPLOYEE_NOTICE = /^(?:💬 Jawaban Tim OSDM \(tiket #T(\d+)\)|🔒 Tiket #T(\d+) telah ditutup)/;
/** The handler errors the fuzz causes on purpose: an answer refused with 403 or 500 (see `hit`). */
const INJECTED_FAILURE = /"error":"(403 Forbidden: bot was blocked by the user|500 Internal Server Error)"/;

for (const database of testDatabases()) {
  describe(`a storm of odd updates (${database.name})`, function () {
    this.timeout(120_000);
    const random = seededRandom("FUZZ_SEED");
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    let h: Harness;
    let db: Db;
    eachTestWithBot(
      database,
      (harness, fresh) => {
        h = harness;
        db = fresh;
      },
      () => ({ fake: { token: TOKEN }, app: { limits: UNPACED } }),
    );
    before(() => process.on("unhandledRejection", onRejection));
    after(() => process.off("unhandledRejection", onRejection));
    afterEach(function () {
      if (this.currentTest?.state === "failed") console.error(`the fuzz failed; replay it with FUZZ_SEED=${random.seed}`);
    });

    it("stays up through 2,100 odd updates, writes only where it should, and logs no secret and no markup Telegram refuses", async () => {
      const cast = await castOf(h, db, random);
      const canary = await h.employee(50099);
      const odd = new OddUpdates(random, cast);
      const pushed: Update[] = await lockOut(h, odd, cast);
      // A few answers meet a refusal or a hiccup, so the error paths, which log the update, run too. Their own
      // stream keeps the updates the same for a seed whatever the timing.
      const faults = randomFrom(random.seed + 1);
      let storming = true;
      const hit = (c: { method: string }) => storming && c.method === "sendMessage" && faults.chance(0.02);
      h.fake.failNext(hit, { status: 403, description: "Forbidden: bot was blocked by the user" }, Infinity);
      h.fake.failNext(hit, { status: 500 }, Infinity);
      const drained = () => eventually(() => h.fake.pendingUpdates().length === 0, 30_000, () => `${h.fake.pendingUpdates().length} updates not taken`);
      for (let batch = 0; batch < THROUGH_TELEGRAM / BATCH; batch++) {
        if (batch === THROUGH_TELEGRAM / BATCH / 2) await restartWithUnrequested(h, db, odd);
        for (let i = 0; i < BATCH; i++) pushed.push(odd.push(h.fake));
        await drained();
      }
      await settled(h, db);

      storming = false;
      pushed.push(h.fake.userSays(canary, "/tentang"));
      await eventually(() => h.fake.messagesIn(canary.id).some((m) => textOf(m).includes("Tentang Sinawai")), 10_000, () => "the bot no longer answers");
      expect(rejections, "unhandled rejections").to.deep.equal([]);

      const allowed = await allowedChats(db, pushed);
      const strays = h.fake.calls.filter((c) => c.params.chat_id !== undefined && !allowed.has(Number(c.params.chat_id)));
      expectNone(strays.map((c) => `${c.method} → ${String(c.params.chat_id)}`), "sent to a chat no update came from");
      expectNone(await misroutedRelays(h, db, allowed), "relayed to the wrong chat");

      const log = h.logLines.join("\n");
      expectNone([...new Set([TOKEN, TOKEN.split(":")[1]!, ...odd.secrets])].filter((secret) => log.includes(secret)), "secrets in the log");
      const stored = await storedTexts(db);
      expectNone([...new Set(odd.secrets)].filter((secret) => stored.includes(secret)), "passwords in pesan or update_masuk");
      const relayed = h.fake.messagesIn(STAFF_GROUP.id).map(textOf).join("\n");
      expectNone([...new Set(odd.secrets)].filter((secret) => relayed.includes(secret)), "passwords shown to the staff");
      const bound = await db("pengguna").whereIn("nip", [...cast.locked, ...cast.guarded].map((c) => c.nip)).whereNotNull("id_telegram");
      expectNone(bound.map((p: { nip: string; id_telegram: unknown }) => `${p.nip} → ${String(p.id_telegram)}`), "bound through a padded, foreign, look-alike or captioned NIP");
      expectNone(h.logLines.filter((l) => l.includes("update gagal diproses") && !INJECTED_FAILURE.test(l)).map((l) => l.slice(0, 400)), "updates whose handler failed");
      expectNone(h.logLines.filter((l) => l.includes("gagal mencatat pesan masuk")).map((l) => l.slice(0, 400)), "messages missing from pesan");

      const refused = h.fake.calls.filter((c) => c.status === 400 && MARKUP_REFUSAL.test(descriptionOf(c.response)));
      expectNone(refused.map((c) => `${c.method}: ${descriptionOf(c.response)} ← ${JSON.stringify(c.params).slice(0, 300)}`), "markup Telegram refused");
    });
  });
}

async function castOf(h: Harness, db: Db, random: Random): Promise<Cast> {
  const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
  const employees = await Promise.all(ids(50001, 8).map((id) => h.employee(id)));
  employees.push(await h.employee(50009, { status: "nonaktif" }));
  const unbound = await unboundEmployees(h, db, random, ids(50011, 2));
  const lockedOut = await unboundEmployees(h, db, random, ids(50021, 2));
  const guarded = await unboundEmployees(h, db, random, ids(50031, 2));
  const channel: Chat = { id: -1008000001, type: "channel", title: "Kanal Berita" };
  return {
    bot: { ...makeUser(123456, { first_name: "Sinawai Test", username: "sinawai_test_bot" }), is_bot: true },
    staffGroup: STAFF_GROUP,
    employees,
    strangers: ids(60001, 6).map((id) => makeUser(id, { first_name: random.pick(["Budi", "سارة", "李", "Zoë\u0301", "😀"]) })),
    staff: ids(70001, 3).map((id) => makeUser(id, { first_name: "Staf", last_name: `<b>${id}</b>` })),
    foreignGroups: [makeGroup(-1007000001, "Grup Arisan 😀"), makeGroup(-1007000002, "<i>Grup</i> & Co")],
    bots: ids(80001, 2).map((id) => ({ ...makeUser(id, { username: `bot${id}_bot` }), is_bot: true })),
    channel,
    editors: ids(90001, 2).map((id) => makeUser(id)),
    unbound,
    locked: lockedOut,
    guarded,
  };
}

async function unboundEmployees(h: Harness, db: Db, random: Random, ids: number[]): Promise<Credentials[]> {
  const made = ids.map((id) => ({ nip: `19700101199001${id - 50000 + 1000}`, password: `Benar${random.int(1e6, 9e6)}${id}` }));
  for (const [i, c] of made.entries()) {
    await h.employee(ids[i]!, c);
    await db("pengguna").where({ nip: c.nip }).update({ id_telegram: null });
  }
  return made;
}

/**
 * Before the storm, each locked NIP gets its wrong tries through padded forms of itself, from one account, and then
 * the right password from another: the padding must not have kept the tries off the real NIP's count.
 */
async function lockOut(h: Harness, odd: OddUpdates, cast: Cast): Promise<Update[]> {
  const pushed: Update[] = [];
  const say = async (user: User, text: string, answers: number) => {
    pushed.push(h.fake.userSays(user, text));
    await eventually(() => h.fake.messagesIn(user.id).length === answers, 10_000, () => `no answer to ${JSON.stringify(text)}`);
    return textOf(h.fake.messagesIn(user.id).at(-1)!);
  };
  for (const [i, c] of cast.locked.entries()) {
    const [guesser, holder] = [makeUser(61001 + 2 * i), makeUser(61002 + 2 * i)];
    for (let n = 1; n <= MAX_FAILED_TRIES; n++) expect(await say(guesser, odd.paddedDaftar(c.nip, odd.wrongPassword()), n)).to.contain("NIP atau password salah");
    expect(await say(holder, odd.paddedDaftar(c.nip, c.password), 1)).to.contain("Terlalu banyak percobaan");
  }
  return pushed;
}

/** What the bot stored of every message and update: the message log and the inbox. */
async function storedTexts(db: Db): Promise<string> {
  const pesan = await db("pesan").select("isi_pesan", "perintah", "data");
  const inbox = await db("update_masuk").select("data");
  return JSON.stringify([pesan, inbox]);
}

/** Halfway, the bot restarts with kinds it never asked for waiting in its inbox, as Telegram can deliver them. */
async function restartWithUnrequested(h: Harness, db: Db, odd: OddUpdates): Promise<void> {
  await h.stopApp();
  const updates = Array.from({ length: UNREQUESTED }, (_, i) => odd.unrequested(i + 1));
  const rows = updates.map((u) => ({ update_id: u.update_id, kunci_chat: chatKeyOf(u), data: redactedJson(u) }));
  await acceptUpdates(db, rows, Date.now(), true);
  await h.startAppAgain();
}

/** Everything taken, handled and delivered, and nothing sent for half a second. */
async function settled(h: Harness, db: Db): Promise<void> {
  const unfinished = async () => (await db("update_masuk").whereNull("selesai")).length + (await db("antrian_kirim").where({ status: "menunggu" })).length;
  await eventually(async () => (await unfinished()) === 0, 60_000, () => "the bot did not finish");
  const sent = () => h.fake.calls.filter((c) => c.method !== "getUpdates").length;
  for (let before = -1; before !== sent(); ) {
    before = sent();
    await sleep(500);
  }
}

/** Where the bot may write: the chat an update it handles came from, the staff group, and the chats of tickets. */
async function allowedChats(db: Db, pushed: Update[]): Promise<Set<number>> {
  const allowed = new Set<number>([STAFF_GROUP.id]);
  for (const u of pushed) {
    const [chat, from]: [Chat | undefined, User | undefined] =
      "message" in u ? [u.message.chat, u.message.from]
      : "callback_query" in u ? [u.callback_query.message?.chat, u.callback_query.from]
      : "my_chat_member" in u ? [u.my_chat_member.chat, u.my_chat_member.from]
      : [undefined, undefined];
    if (chat && chat.type !== "channel" && !from?.is_bot) allowed.add(chat.id);
  }
  for (const t of await db("tiket").select<{ id_chat: number | string }[]>("id_chat")) allowed.add(Number(t.id_chat));
  return allowed;
}

/** Questions must land only in the staff group, and answers and closing notes only in their ticket's chat. */
async function misroutedRelays(h: Harness, db: Db, chats: Set<number>): Promise<string[]> {
  const ticketChat = new Map((await db("tiket").select<{ id: number | string; id_chat: number | string }[]>("id", "id_chat")).map((t) => [Number(t.id), Number(t.id_chat)]));
  const wrong: string[] = [];
  for (const chatId of chats) {
    for (const m of h.fake.messagesIn(chatId)) {
      const text = textOf(m);
      if (QUESTION_HEADER.test(text) && chatId !== STAFF_GROUP.id) wrong.push(`question in ${chatId}: ${text.slice(0, 80)}`);
      const notice = EMPLOYEE_NOTICE.exec(text);
      const ticket = Number(notice?.[1] ?? notice?.[2]);
      if (notice && ticketChat.get(ticket) !== chatId) wrong.push(`ticket ${ticket}'s note in ${chatId}: ${text.slice(0, 80)}`);
    }
  }
  return wrong;
}

function expectNone(found: string[], what: string): void {
  expect(found.length, `${what}:\n${found.slice(0, 10).join("\n")}`).to.equal(0);
}

function descriptionOf(response: unknown): string {
  return typeof response === "object" && response !== null && "description" in response ? String(response.description) : "";
}
