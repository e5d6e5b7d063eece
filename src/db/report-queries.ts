// The service report's SQL over `pesan`, `tiket`, `pengguna` and `saran_panduan`: counts, groupings and rows for a time range,
// written once for MySQL/MariaDB and SQLite alike (no date functions: both only share integer arithmetic).
import type { Knex } from "knex";
import type { Db } from "./database.js";
import type { ClosedBy } from "./tiket-repo.js";

/** Western Indonesia Time is UTC+7 all year (no daylight saving). */
export const WIB_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

/** Epoch milliseconds, `end` exclusive. */
export interface TimeRange {
  start: number;
  end: number;
}

// Days since 1970-01-01 in WIB. Times are positive, so floor and SQLite's integer division agree.
const wibDay = (column: string) => `floor((${column} + ${WIB_OFFSET_MS}) / ${DAY_MS})`;
// 1970-01-01 was a Thursday: shifting by 3 makes 0 Monday (Senin) … 6 Sunday (Minggu).
const WEEKDAY = `(${wibDay("waktu")} + 3) % 7`;
const HOUR = `floor((waktu + ${WIB_OFFSET_MS}) / ${HOUR_MS}) % 24`;
/** Commands and buttons are answered by the bot itself; any other message goes to the staff as a consultation. */
/** Handled by the bot alone: commands, button presses, and comments on a closed ticket (never relayed). */
const AUTOMATIC = "jenis in ('perintah', 'tombol', 'komentar')";

/** MySQL hands SUM and DECIMAL results over as strings, SQLite as numbers. */
function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/**
 * What employees sent the bot in the range: incoming messages and button presses in private chats. Telegram gives
 * private chats the user's (positive) id and groups negative ids, so the staff group's own traffic stays out.
 */
function employeeMessages(db: Db, range: TimeRange): Knex.QueryBuilder {
  // An edit is a new version of a message already counted.
  return db("pesan").where("arah", "masuk").whereNot("jenis", "suntingan").where("id_chat", ">", 0).where("waktu", ">=", range.start).where("waktu", "<", range.end);
}

export interface MessageTotals {
  total: number;
  automatic: number;
  free: number;
  /** Distinct employees (Telegram accounts) who wrote or pressed a button. */
  senders: number;
}

export async function messageTotals(db: Db, range: TimeRange): Promise<MessageTotals> {
  const row: Record<string, unknown> | undefined = await employeeMessages(db, range)
    .first(
      db.raw("count(*) as total"),
      db.raw(`sum(case when ${AUTOMATIC} then 1 else 0 end) as automatic`),
      db.raw(`sum(case when ${AUTOMATIC} then 0 else 1 end) as free`),
      db.raw("count(distinct id_pengirim) as senders"),
    );
  return { total: num(row?.total), automatic: num(row?.automatic), free: num(row?.free), senders: num(row?.senders) };
}

export interface DayMessages {
  /** Days since 1970-01-01, WIB. */
  day: number;
  automatic: number;
  free: number;
}

/** Only days with at least one message. */
export async function messagesPerDay(db: Db, range: TimeRange): Promise<DayMessages[]> {
  const rows: Record<string, unknown>[] = await employeeMessages(db, range)
    .select(
      db.raw(`${wibDay("waktu")} as hari`),
      db.raw(`sum(case when ${AUTOMATIC} then 1 else 0 end) as automatic`),
      db.raw(`sum(case when ${AUTOMATIC} then 0 else 1 end) as free`),
    )
    .groupBy("hari")
    .orderBy("hari");
  return rows.map((r) => ({ day: num(r.hari), automatic: num(r.automatic), free: num(r.free) }));
}

export interface HourCount {
  /** 0 = Monday (Senin) … 6 = Sunday (Minggu), WIB. */
  weekday: number;
  /** 0–23, WIB. */
  hour: number;
  messages: number;
}

/** Only the hours of the week with at least one message. */
export async function messagesPerHourOfWeek(db: Db, range: TimeRange): Promise<HourCount[]> {
  const rows: Record<string, unknown>[] = await employeeMessages(db, range)
    .select(db.raw(`${WEEKDAY} as hari_pekan`), db.raw(`${HOUR} as jam`), db.raw("count(*) as messages"))
    .groupBy("hari_pekan", "jam")
    .orderBy(["hari_pekan", "jam"]);
  return rows.map((r) => ({ weekday: num(r.hari_pekan), hour: num(r.jam), messages: num(r.messages) }));
}

export interface CommandUse {
  jenis: "perintah" | "tombol";
  /** The command name without slash, or the button's callback data. */
  perintah: string;
  /** True for the staff group, false for employees' private chats. */
  staffGroup: boolean;
  uses: number;
}

export async function commandUse(db: Db, range: TimeRange): Promise<CommandUse[]> {
  const rows: Record<string, unknown>[] = await db("pesan")
    .where("arah", "masuk")
    .whereIn("jenis", ["perintah", "tombol"])
    .whereNotNull("perintah")
    .where("waktu", ">=", range.start)
    .where("waktu", "<", range.end)
    .select("jenis", "perintah", db.raw("case when id_chat < 0 then 1 else 0 end as staff_group"), db.raw("count(*) as uses"))
    .groupBy("jenis", "perintah", "staff_group")
    .orderBy([{ column: "uses", order: "desc" }, "perintah"]);
  return rows.map((r) => ({
    jenis: r.jenis === "tombol" ? "tombol" : "perintah",
    perintah: String(r.perintah),
    staffGroup: num(r.staff_group) === 1,
    uses: num(r.uses),
  }));
}

/** The tickets a period is judged on: those opened (first question) within it, whenever they were answered. */
function ticketsAsked(db: Db, range: TimeRange): Knex.QueryBuilder {
  return db("tiket").where("ditanya", ">=", range.start).where("ditanya", "<", range.end);
}

/** How a ticket was closed: by its asker, by its asker with a guide topic, by a staff member, or after the asker went quiet. */
export type ClosingKind = ClosedBy["by"];
/** Every way of closing, in the order the report lists them: the employee's own first. */
export const CLOSING_KINDS: readonly ClosingKind[] = ["pegawai", "panduan", "staf", "otomatis"];

export interface AskedTicket {
  /** The first question. */
  asked: number;
  /** When the first staff answer reached the employee; null while unanswered. */
  firstAnswer: number | null;
  /** The staff member of the first answer, and the name Telegram gave them then. */
  staffId: number | null;
  staffName: string | null;
  /** Null while open. */
  closed: number | null;
  closedBy: ClosingKind | null;
  /** 1 (sangat kurang) to 5 (sangat baik); null when not rated. */
  rating: number | null;
  /** The staff member who took the ticket last (/ambil), and their name then; null when nobody did. */
  claimedBy: number | null;
  claimerName: string | null;
}

/**
 * Every ticket of the range, in the order asked. Rows rather than counts: the caller measures each wait in service
 * hours (weekdays, holidays), which is calendar arithmetic neither database can do; a period holds at most a few
 * thousand tickets.
 */
export async function askedTickets(db: Db, range: TimeRange): Promise<AskedTicket[]> {
  const rows: Record<string, unknown>[] = await ticketsAsked(db, range)
    .select("ditanya", "dijawab_pertama", "dijawab_oleh", "nama_penjawab", "status", "ditutup", "ditutup_cara", "nilai", "diambil_oleh", "nama_pengambil")
    .orderBy(["ditanya", "id"]);
  return rows.map((r) => ({
    asked: num(r.ditanya),
    firstAnswer: numOrNull(r.dijawab_pertama),
    staffId: numOrNull(r.dijawab_oleh),
    staffName: r.nama_penjawab === null ? null : String(r.nama_penjawab),
    closed: r.status === "selesai" ? num(r.ditutup) : null,
    closedBy: r.status === "selesai" ? (CLOSING_KINDS.find((kind) => kind === r.ditutup_cara) ?? null) : null,
    rating: numOrNull(r.nilai),
    claimedBy: numOrNull(r.diambil_oleh),
    claimerName: r.nama_pengambil === null ? null : String(r.nama_pengambil),
  }));
}

export interface TicketComment {
  /** The first question of the ticket: the report shows only its week. */
  asked: number;
  rating: number | null;
  text: string;
}

/** The comments employees left on the range's tickets. Nothing that could name the writer is selected: no ticket id, chat, or person. */
export async function ticketComments(db: Db, range: TimeRange): Promise<TicketComment[]> {
  const rows: Record<string, unknown>[] = await ticketsAsked(db, range).whereNotNull("komentar").select("ditanya", "nilai", "komentar");
  return rows.map((r) => ({ asked: num(r.ditanya), rating: numOrNull(r.nilai), text: String(r.komentar) }));
}

/** Upper bounds (exclusive, ms) of the open-ticket age classes; the last class is open-ended. */
export const AGE_CLASS_LIMITS = [DAY_MS, 3 * DAY_MS, 7 * DAY_MS] as const;

/** `case when x < l0 then 0 when x < l1 then 1 … else n end`: the class index of a duration. */
function classOf(expression: string, limits: readonly number[]): string {
  return `case ${limits.map((limit, i) => `when ${expression} < ${limit} then ${i}`).join(" ")} else ${limits.length} end`;
}

/** Tickets still open at `now` that were asked before `until` (the end of the period: later ones are not its concern). */
function openTicketsBefore(db: Db, until: number): Knex.QueryBuilder {
  return db("tiket").where("tiket.status", "terbuka").where("tiket.ditanya", "<", until);
}

export interface OpenTicketClass {
  tickets: number;
  unanswered: number;
}

/** Open tickets per class of AGE_CLASS_LIMITS (age at `now`); index = class. */
export async function openTicketAges(db: Db, until: number, now: number): Promise<OpenTicketClass[]> {
  const age = `${Math.trunc(now)} - ditanya`;
  const rows: Record<string, unknown>[] = await openTicketsBefore(db, until)
    .select(
      db.raw(`${classOf(age, AGE_CLASS_LIMITS)} as kelas`),
      db.raw("count(*) as tickets"),
      db.raw("sum(case when dijawab_pertama is null then 1 else 0 end) as unanswered"),
    )
    .groupBy("kelas");
  const tickets = countsByIndex(rows, AGE_CLASS_LIMITS.length + 1, "tickets");
  const unanswered = countsByIndex(rows, AGE_CLASS_LIMITS.length + 1, "unanswered");
  return tickets.map((n, i) => ({ tickets: n, unanswered: unanswered[i]! }));
}

export interface OpenTicket {
  id: number;
  asked: number;
  /** Milliseconds since the question, at `now`. */
  age: number;
  answered: boolean;
  unitKerja: string | null;
}

/** The oldest open tickets first. */
export async function oldestOpenTickets(db: Db, until: number, now: number, limit: number): Promise<OpenTicket[]> {
  const rows: Record<string, unknown>[] = await openTicketsBefore(db, until)
    .join("pengguna", "pengguna.id", "tiket.id_pengguna")
    .select("tiket.id", "tiket.ditanya", "tiket.dijawab_pertama", "pengguna.unit_kerja", db.raw(`${Math.trunc(now)} - tiket.ditanya as age`))
    .orderBy([{ column: "tiket.ditanya" }, { column: "tiket.id" }])
    .limit(limit);
  return rows.map((r) => ({
    id: num(r.id),
    asked: num(r.ditanya),
    age: num(r.age),
    answered: r.dijawab_pertama !== null,
    unitKerja: r.unit_kerja === null ? null : String(r.unit_kerja),
  }));
}

export interface UnitRegistration {
  unitKerja: string | null;
  active: number;
  registered: number;
}

/** Active employees per work unit and how many of them bound a Telegram account, as of now. */
export async function registrationPerUnit(db: Db): Promise<UnitRegistration[]> {
  const rows: Record<string, unknown>[] = await db("pengguna")
    // The same test as registration.isActive: the HR export may write the status in any case.
    .whereRaw("lower(status) = 'aktif'")
    .select("unit_kerja", db.raw("count(*) as active"), db.raw("sum(case when id_telegram is null then 0 else 1 end) as registered"))
    .groupBy("unit_kerja")
    .orderBy("unit_kerja");
  return rows.map((r) => ({ unitKerja: r.unit_kerja === null ? null : String(r.unit_kerja), active: num(r.active), registered: num(r.registered) }));
}

/** Active employees who bound their Telegram account within the range. */
export async function newRegistrations(db: Db, range: TimeRange): Promise<number> {
  const row: Record<string, unknown> | undefined = await db("pengguna")
    .whereRaw("lower(status) = 'aktif'")
    .where("terdaftar_pada", ">=", range.start)
    .where("terdaftar_pada", "<", range.end)
    .first(db.raw("count(*) as registered"));
  return num(row?.registered);
}

/** Rows of (class, count) as an array indexed by class, absent classes 0. */
function countsByIndex(rows: Record<string, unknown>[], length: number, column: string): number[] {
  const counts = new Array<number>(length).fill(0);
  for (const row of rows) counts[num(row.kelas)] = num(row[column]);
  return counts;
}

export interface SuggestionTotals {
  /** Questions and follow-ups with words, searched in the guides when they reached the staff. */
  searched: number;
  /** Of those, the ones offered at least one guide topic. */
  offered: number;
}

export async function suggestionTotals(db: Db, range: TimeRange): Promise<SuggestionTotals> {
  const row: Record<string, unknown> | undefined = await db("saran_panduan")
    .where("waktu", ">=", range.start)
    .where("waktu", "<", range.end)
    .first(db.raw("count(*) as searched"), db.raw("sum(case when jumlah_saran > 0 then 1 else 0 end) as offered"));
  return { searched: num(row?.searched), offered: num(row?.offered) };
}

/** The words kept of each question no guide topic matched (space-separated), oldest first; counted by the caller. */
export async function unmatchedQuestionWords(db: Db, range: TimeRange): Promise<string[]> {
  const rows: { kata: string }[] = await db("saran_panduan")
    .where("waktu", ">=", range.start)
    .where("waktu", "<", range.end)
    .where("jumlah_saran", 0)
    .whereNotNull("kata")
    .orderBy("id")
    .select("kata");
  return rows.map((r) => String(r.kata));
}

export interface GuideClosure {
  /** "mutasi:0123456789": the topic its asker said answered the question. */
  topic: string;
  tickets: number;
}

/** Tickets of the range their askers closed with a guide topic, per topic, most first. */
export async function ticketsClosedByGuide(db: Db, range: TimeRange): Promise<GuideClosure[]> {
  const rows: Record<string, unknown>[] = await ticketsAsked(db, range)
    .whereNotNull("ditutup_topik")
    .select("ditutup_topik", db.raw("count(*) as tickets"))
    .groupBy("ditutup_topik")
    .orderBy([{ column: "tickets", order: "desc" }, "ditutup_topik"]);
  return rows.map((r) => ({ topic: String(r.ditutup_topik), tickets: num(r.tickets) }));
}
