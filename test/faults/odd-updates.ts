// Odd but well-formed Telegram updates for the fuzz test, drawn from a seeded PRNG: strange Unicode, empty and
// 4096-character texts, every command with garbage arguments, hostile /daftar (padded NIPs, foreign digits, look-alike
// commands, captions), tampered and stale buttons, foreign groups, bots, and update kinds the bot never asked for.
import type { Chat, ChatMemberUpdated, Message, Update, User } from "node-telegram-bot-api";
import type { FakeTelegram } from "../support/fake-telegram.js";
import {
  buildMessage,
  callbackQuery,
  documentFields,
  makeUser,
  photoFields,
  privateChatOf,
  textFields,
  videoFields,
  voiceFields,
  type MessageFields,
} from "../support/updates.js";
import type { Random } from "./seeded-random.js";

/** Who takes part: each group of people only ever appears in the places the fuzz test expects answers to. */
export interface Cast {
  bot: User;
  staffGroup: Chat;
  employees: User[];
  strangers: User[];
  staff: User[];
  foreignGroups: Chat[];
  /** Bot accounts: Telegram delivers their messages in groups; the bot must ignore them. */
  bots: User[];
  channel: Chat;
  /** Users who only ever edit messages, an update kind the bot does not handle. */
  editors: User[];
  /** Employees not yet bound to Telegram, whose right password would register whoever sends it. */
  unbound: Credentials[];
  /** Unbound employees locked out before the storm: padded forms of their NIP follow, the right password among them. */
  locked: Credentials[];
  /** Unbound employees whose NIP only ever comes in forms that must not register: other digits, look-alikes, captions. */
  guarded: Credentials[];
}

export interface Credentials {
  nip: string;
  password: string;
}

const ODD_PIECES = [
  "مرحبا بكم", "שָׁלוֹם", "\u202Eterbalik\u202C", "\u200F", "\u200B", "\u200C", "\u200D", "\u2060", "\u00AD", "😀", "👩‍👩‍👧‍👦",
  "🇮🇩", "𝕳𝖊𝖑𝖑𝖔", "e\u0301", "Z\u0335\u0322\u031B\u0361", "ﷺ", "İı", "ǅ", "<b>", "</b>", "<i>tebal", "&amp;", "&", "&#x1F600;",
  "<a href=\"javascript:alert(1)\">", "<tg-spoiler>", "*", "_", "`", "[tautan](http://x)", "\n", "\t", "  ", "#T1", "#T999999",
  "%s", "${1}", "\\", "'", "\"", "null", "NIP", "198501012010011001", "Rp 1.000.000", "cuti", "tunkin", "kapan?",
];
const PRIVATE_COMMANDS = [
  "start", "menu", "daftar", "datapribadi", "tunkin", "cuti", "renbangkompeg", "mutasi", "jahdis", "pengkinpeg", "terkini",
  "dokumen", "bantuan", "tentang",
];
const STAFF_COMMANDS = ["tiket", "selesai", "statistik", "pengumuman"];
const CALLBACK_SHAPES = [
  "m", "n", "d", "c:renbangkompeg", "c:mutasi", "c:rahasia", "t:jahdis:zzzz", "t:mutasi:", "d:../../etc/passwd", "p:datapribadi",
  "p:tunkin", "p:cuti", "p:password", "a:1:y", "a:0:y", "a:99999999999:n", "a:1:x", "x".repeat(65), "c:😀", "", ":", "m:m",
];
const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;
/** Format characters nobody sees: zero-width, joiners, bidi marks, embeddings, overrides and isolates, BOM, soft hyphen. */
const INVISIBLES = [
  "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u200E", "\u200F", "\u061C",
  "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
];
const FULL_WIDTH_DIGITS = "０１２３４５６７８９";
/** Decimal digits of other scripts, which NFKC leaves alone and MySQL's unicode collations equate with 0-9. */
const FOREIGN_DIGITS = ["٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "०१२३४५६७८९", "০১২৩৪৫৬৭৮৯"];
/** /daftar with a Cyrillic а or ԁ, a Greek τ, a combining accent: no command of the bot's. */
const LOOKALIKE_COMMANDS = ["/dаftar", "/dаftаr", "/ԁaftar", "/dafτar", "/daftar\u0301", "/daftаr@sinawai_test_bot"];
const inDigits = (nip: string, digits: string) => [...nip].map((d) => digits[Number(d)]!).join("");

export class OddUpdates {
  /** Every /daftar password sent, to look for in the log. */
  readonly secrets: string[] = [];
  private unrequestedMessageId = 0;

  constructor(
    private readonly random: Random,
    private readonly cast: Cast,
  ) {
    this.secrets.push(...[...cast.locked, ...cast.guarded].map((c) => c.password));
  }

  /** Pushes one random update through the fake, as Telegram would deliver it. */
  push(fake: FakeTelegram): Update {
    const r = this.random;
    const roll = r.next();
    if (roll < 0.08) return this.hostileRegistration(fake);
    if (roll < 0.3) return fake.userSays(this.privateSender(), this.privateText());
    if (roll < 0.4) return fake.userSends(r.pick(this.cast.employees), this.media());
    if (roll < 0.42) return fake.userSendsAlbum(r.pick(this.cast.employees), [photoFields({ caption: this.text(CAPTION_LIMIT) }), videoFields()])[0]!;
    if (roll < 0.6) return this.staffMessage(fake);
    if (roll < 0.78) return this.buttonPress(fake);
    if (roll < 0.84) return fake.groupMessage(r.pick(this.cast.foreignGroups), r.pick([...this.cast.strangers, ...this.cast.staff]), this.privateText());
    if (roll < 0.9) return fake.groupMessage(r.pick([this.cast.staffGroup, ...this.cast.foreignGroups]), r.pick(this.cast.bots), this.anyCommand());
    if (roll < 0.93) return fake.userSays(r.pick(this.cast.bots), this.privateText());
    return fake.pushUpdate({ my_chat_member: this.membershipChange() });
  }

  /** Kinds the bot does not ask Telegram for, which can still be waiting from before allowed_updates took effect. */
  unrequested(updateId: number): Update {
    const r = this.random;
    const editor = r.pick(this.cast.editors);
    const date = Math.floor(Date.now() / 1000);
    const message = (chat: Chat, from: User | undefined) => buildMessage(chat, from, textFields(this.privateText()), { message_id: ++this.unrequestedMessageId });
    const kinds: (() => Update)[] = [
      () => ({ update_id: updateId, edited_message: { ...message(privateChatOf(editor), editor), text: this.daftarWithPassword(), edit_date: date } }),
      () => ({ update_id: updateId, channel_post: message(this.cast.channel, undefined) }),
      () => ({ update_id: updateId, edited_channel_post: message(this.cast.channel, undefined) }),
      () => ({
        update_id: updateId,
        message_reaction: { chat: privateChatOf(editor), message_id: r.int(1, 50), user: editor, date, old_reaction: [], new_reaction: [{ type: "emoji", emoji: "👍" }] },
      }),
      () => ({ update_id: updateId, chat_member: this.memberChange(this.cast.channel, editor, makeUser(editor.id + 1), "member", "left") }),
      () => ({
        update_id: updateId,
        poll: {
          id: String(r.int(1, 1e9)), question: this.text(300) || "?", options: [{ persistent_id: "a", text: this.text(100) || "a", voter_count: 1 }],
          total_voter_count: 1, is_closed: false, is_anonymous: true, type: "regular", allows_multiple_answers: false, allows_revoting: false, members_only: false,
        },
      }),
      () => ({ update_id: updateId, inline_query: { id: String(r.int(1, 1e9)), from: editor, query: this.text(256), offset: "" } }),
    ];
    return r.pick(kinds)();
  }

  /** `/daftar NIP PASSWORD` with invisible characters before, inside or after the NIP, sometimes for the space. */
  paddedDaftar(nip: string, password: string): string {
    this.secrets.push(password);
    const padded = this.pad(nip);
    const gap = /^\p{Cf}/u.test(padded) && this.random.chance(0.5) ? "" : this.random.pick([" ", "\n", "  "]);
    return `/daftar${gap}${padded} ${password}`;
  }

  /** A wrong password that appears nowhere else, so finding it stored can only be a leak. */
  wrongPassword(): string {
    const password = `Salah${this.alnum(12)}`;
    this.secrets.push(password);
    return password;
  }

  /**
   * /daftar shaped to dodge the lock or the redaction, or to break the message log: none of these may register
   * anyone or leave its password in a store, a log line or the staff group.
   */
  private hostileRegistration(fake: FakeTelegram): Update {
    const r = this.random;
    const locked = r.pick(this.cast.locked);
    const guarded = r.pick(this.cast.guarded);
    const stranger = r.pick(this.cast.strangers);
    const passwordOf = (c: Credentials) => (r.chance(0.5) ? c.password : this.wrongPassword());
    const kinds: (() => Update)[] = [
      () => fake.userSays(stranger, this.paddedDaftar(locked.nip, passwordOf(locked))),
      // NFKC makes these ASCII digits: the locked NIP once more.
      () => fake.userSays(stranger, `/daftar ${inDigits(locked.nip, FULL_WIDTH_DIGITS)} ${passwordOf(locked)}`),
      () => fake.userSays(stranger, `/daftar ${this.pad(inDigits(guarded.nip, r.pick(FOREIGN_DIGITS)))} ${passwordOf(guarded)}`),
      () => fake.userSays(stranger, `/daftar ${this.misshapen(guarded.nip)} ${passwordOf(guarded)}`),
      () => fake.userSays(stranger, `${r.pick(LOOKALIKE_COMMANDS)} ${this.pad(guarded.nip)} ${passwordOf(guarded)}`),
      () => fake.userSays(this.privateSender(), `/${this.alnum(TEXT_LIMIT - 1)}`),
      () => fake.userSays(stranger, this.paddedTo(TEXT_LIMIT, locked.nip, passwordOf(locked))),
      () => {
        const caption = r.chance(0.5) ? this.paddedDaftar(guarded.nip, passwordOf(guarded)) : this.paddedTo(CAPTION_LIMIT, guarded.nip, passwordOf(guarded));
        const fields = r.chance(0.5) ? photoFields({ caption }) : documentFields({ caption });
        return fake.userSends(r.pick([...this.cast.employees, stranger]), fields);
      },
    ];
    return r.pick(kinds)();
  }

  /** The NIP with runs of invisible characters before it, inside it, after it, or all three. */
  private pad(nip: string): string {
    const r = this.random;
    const run = () => Array.from({ length: r.int(1, 20) }, () => r.pick(INVISIBLES)).join("");
    const where = r.pick(["before", "inside", "after", "everywhere"]);
    const at = r.int(1, nip.length - 1);
    const runAt = (place: string) => (where === place || where === "everywhere" ? run() : "");
    return `${runAt("before")}${nip.slice(0, at)}${runAt("inside")}${nip.slice(at)}${runAt("after")}`;
  }

  /** Nearly the NIP: a digit short or over, a letter or a foreign digit for a digit, a dash inside. */
  private misshapen(nip: string): string {
    return this.random.pick([
      nip.slice(0, 17),
      `${nip}${nip[0]}`,
      `${nip.slice(0, 17)}O`,
      `${nip.slice(0, 17)}${inDigits(nip.slice(17), FOREIGN_DIGITS[0]!)}`,
      `${nip.slice(0, 9)}-${nip.slice(9)}`,
    ]);
  }

  /** `/daftar NIP PASSWORD` padded with one invisible character before or after the NIP to exactly `length`. */
  private paddedTo(length: number, nip: string, password: string): string {
    this.secrets.push(password);
    const fill = this.random.pick(INVISIBLES).repeat(length - `/daftar ${nip} ${password}`.length);
    return this.random.chance(0.5) ? `/daftar ${fill}${nip} ${password}` : `/daftar ${nip}${fill} ${password}`;
  }

  private privateSender(): User {
    return this.random.pick([...this.cast.employees, ...this.cast.employees, ...this.cast.strangers]);
  }

  /** What a person types in a private chat: mostly text, often a command with garbage after it. */
  private privateText(): string {
    const r = this.random;
    if (r.chance(0.45)) return this.anyCommand();
    return this.text(TEXT_LIMIT);
  }

  private anyCommand(): string {
    const r = this.random;
    const name = r.pick([...PRIVATE_COMMANDS, ...STAFF_COMMANDS]);
    if (name === "daftar" && r.chance(0.6)) return this.daftarWithPassword();
    const shown = r.chance(0.1) ? name.toUpperCase() : name;
    const addressed = r.chance(0.15) ? `@${r.pick([this.cast.bot.username ?? "", "other_bot", "😀"])}` : "";
    const args = Array.from({ length: r.int(0, 3) }, () => r.pick(ODD_PIECES)).join(r.pick([" ", "\n", ""]));
    return `/${shown}${addressed}${args === "" ? "" : ` ${args}`}`;
  }

  private daftarWithPassword(): string {
    const r = this.random;
    const known = r.chance(0.3) ? r.pick(this.cast.unbound) : undefined;
    const nip = known?.nip ?? (r.chance(0.5) ? String(r.int(1e17, 1e18 - 1)) : r.pick(ODD_PIECES));
    const password = known?.password ?? `Pw${this.alnum(10)}`;
    this.secrets.push(password);
    const oddTail = known || r.chance(0.5) ? "" : ` ${r.pick(ODD_PIECES)}`;
    const addressed = r.chance(0.1) ? `@${this.cast.bot.username ?? ""}` : "";
    return `/daftar${addressed}${r.pick([" ", "\n", "  "])}${nip} ${password}${oddTail}`;
  }

  /** Odd text as Telegram delivers it: trimmed, at most `limit` UTF-16 units; now and then empty or exactly at the limit. */
  private text(limit: number): string {
    const r = this.random;
    if (r.chance(0.05)) return "";
    const target = r.chance(0.08) ? limit : r.int(1, Math.min(limit, 200));
    let text = "";
    while (text.length < target) text += r.pick([...ODD_PIECES, this.alnum(r.int(1, 12)), " "]);
    text = text.slice(0, target);
    // Never end on half a surrogate pair: Telegram counts UTF-16 units but only ever sends whole characters.
    if (/[\uD800-\uDBFF]$/.test(text)) text = `${text.slice(0, -1)}x`;
    return text.trim();
  }

  private media(): MessageFields {
    const r = this.random;
    const caption = r.chance(0.7) ? this.text(CAPTION_LIMIT) : undefined;
    const kinds: (() => MessageFields)[] = [
      () => photoFields({ caption }),
      () => documentFields({ caption, file_name: `${this.text(40) || "f"}.pdf` }),
      () => voiceFields({ caption }),
      () => ({ sticker: { file_id: `CAACAgUAAx${this.alnum(12)}`, file_unique_id: this.alnum(8), type: "regular", width: 512, height: 512, is_animated: false, is_video: false, emoji: "😀" } }),
      () => ({ location: { latitude: r.next() * 180 - 90, longitude: r.next() * 360 - 180 } }),
      () => ({ contact: { phone_number: "+6281234567890", first_name: this.text(60) || "Kontak" } }),
      () => ({ dice: { emoji: "🎲", value: r.int(1, 6) } }),
      // A message with nothing the bot can relay, as a service message looks to it.
      () => ({}),
    ];
    return r.pick(kinds)();
  }

  /** A staff member in the group: commands with garbage, and replies to the bot's or someone else's messages. */
  private staffMessage(fake: FakeTelegram): Update {
    const r = this.random;
    const group = this.cast.staffGroup;
    const inGroup = fake.messagesIn(group.id);
    const replyTo: Message | undefined = inGroup.length > 0 && r.chance(0.7) ? r.pick(inGroup) : undefined;
    const text = r.chance(0.5) ? this.anyCommand() : this.text(TEXT_LIMIT);
    const content: MessageFields = r.chance(0.15) ? photoFields({ caption: this.text(CAPTION_LIMIT) }) : textFields(text || "ok");
    return fake.groupMessage(group, r.pick(this.cast.staff), { ...content, ...(replyTo ? { reply_to_message: replyTo } : {}) });
  }

  /** A button press: a real button now and then, otherwise tampered or stale data, on a real or an unreachable message. */
  private buttonPress(fake: FakeTelegram): Update {
    const r = this.random;
    const inStaffGroup = r.chance(0.2);
    const user = inStaffGroup ? r.pick(this.cast.staff) : this.privateSender();
    const chat = inStaffGroup ? this.cast.staffGroup : privateChatOf(user);
    const shown = fake.messagesIn(chat.id).filter((m) => m.reply_markup);
    const pressed: Message =
      shown.length > 0 && r.chance(0.7)
        ? r.pick(shown)
        : buildMessage(chat, this.cast.bot, { text: "menu lama" }, { message_id: r.int(1, 5000), date: r.chance(0.5) ? 0 : undefined });
    const real = pressed.reply_markup?.inline_keyboard.flat().map((b) => b.callback_data ?? "") ?? [];
    const data = real.length > 0 && r.chance(0.4) ? r.pick(real) : this.tampered(real);
    return fake.pushUpdate({ callback_query: callbackQuery(user, pressed, data) });
  }

  private tampered(real: string[]): string {
    const r = this.random;
    if (real.length > 0 && r.chance(0.5)) {
      const base = r.pick(real);
      const at = r.int(0, base.length);
      return `${base.slice(0, at)}${r.pick(["", "x", ":", "😀", "9"])}${base.slice(at + r.int(0, 2))}`;
    }
    return r.pick([...CALLBACK_SHAPES, r.pick(ODD_PIECES)]);
  }

  private membershipChange(): ChatMemberUpdated {
    const r = this.random;
    const roll = r.next();
    if (roll < 0.4) {
      const group = r.pick(this.cast.foreignGroups);
      return this.memberChange(group, r.pick(this.cast.strangers), this.cast.bot, r.pick(["member", "administrator", "left", "kicked"]), "left");
    }
    if (roll < 0.6) return this.memberChange(this.cast.staffGroup, r.pick(this.cast.staff), this.cast.bot, r.pick(["member", "administrator"]), "member");
    const user = this.privateSender();
    return this.memberChange(privateChatOf(user), user, this.cast.bot, r.pick(["kicked", "member"]), "member");
  }

  private memberChange(chat: Chat, from: User, member: User, status: string, oldStatus: string): ChatMemberUpdated {
    const date = Math.floor(Date.now() / 1000);
    const as = (s: string) => (s === "kicked" ? { status: s, user: member, until_date: 0 } : { status: s, user: member });
    return { chat, from, date, old_chat_member: as(oldStatus), new_chat_member: as(status) };
  }

  private alnum(length: number): string {
    const chars = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    return Array.from({ length }, () => chars[this.random.int(0, chars.length - 1)]).join("");
  }
}
