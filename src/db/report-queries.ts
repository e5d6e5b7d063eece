// The service report's SQL over `pesan`, `tiket`, `pengguna` and `saran_panduan`: counts, groupings and durations for a time range,
// written once for MySQL/MariaDB and SQLite alike (no date functions: both only share integer arithmetic).
import type { Knex } from "knex";
import type { Db } from "./database.js";

/** Western Indonesia Time is UTC+7 all year (no daylight saving). */
export const WIB_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

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
const AUTOMATIC = "jenis in ('perintah', 'tombol')";

/** MySQL hands SUM and DECIMAL results over as strings, SQLite as numbers. */
function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/**
 * What employees sent the bot in the range: incoming messages and button presses in private chats. Telegram gives
 * private chats the user's (positive) id and groups negative ids, so the staff group's own traffic stays out.
 */
function employeeMessages(db: Db, range: TimeRange): Knex.QueryBuilder {
  return db("pesan").where("arah", "masuk").where("id_chat", ">", 0).where("waktu", ">=", range.start).where("waktu", "<", range.end);
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

export interface TicketTotals {
  asked: number;
  answered: number;
  closed: number;
}

export async function ticketTotals(db: Db, range: TimeRange): Promise<TicketTotals> {
  const row: Record<string, unknown> | undefined = await ticketsAsked(db, range).first(
    db.raw("count(*) as asked"),
    db.raw("sum(case when dijawab_pertama is null then 0 else 1 end) as answered"),
    db.raw("sum(case when status = 'selesai' then 1 else 0 end) as closed"),
  );
  return { asked: num(row?.asked), answered: num(row?.answered), closed: num(row?.closed) };
}

export interface FirstAnswer {
  /** Milliseconds from the question to the first staff answer that reached the employee. */
  duration: number;
  staffId: number;
}

/** Shortest first; the caller takes median and percentiles from this list. */
export async function firstAnswerTimes(db: Db, range: TimeRange): Promise<FirstAnswer[]> {
  const rows: Record<string, unknown>[] = await ticketsAsked(db, range)
    .whereNotNull("dijawab_pertama")
    .select(db.raw("dijawab_pertama - ditanya as duration"), "dijawab_oleh")
    .orderBy(["duration", "id"]);
  return rows.map((r) => ({ duration: num(r.duration), staffId: num(r.dijawab_oleh) }));
}

/** Upper bounds (exclusive, ms) of the response-time classes; the last class is open-ended. */
export const RESPONSE_CLASS_LIMITS = [15 * 60_000, HOUR_MS, 4 * HOUR_MS, DAY_MS] as const;
/** Upper bounds (exclusive, ms) of the open-ticket age classes; the last class is open-ended. */
export const AGE_CLASS_LIMITS = [DAY_MS, 3 * DAY_MS, 7 * DAY_MS] as const;

/** `case when x < l0 then 0 when x < l1 then 1 … else n end`: the class index of a duration. */
function classOf(expression: string, limits: readonly number[]): string {
  return `case ${limits.map((limit, i) => `when ${expression} < ${limit} then ${i}`).join(" ")} else ${limits.length} end`;
}

/** How many answered tickets fall in each class of RESPONSE_CLASS_LIMITS; index = class. */
export async function responseClasses(db: Db, range: TimeRange): Promise<number[]> {
  const rows: Record<string, unknown>[] = await ticketsAsked(db, range)
    .whereNotNull("dijawab_pertama")
    .select(db.raw(`${classOf("dijawab_pertama - ditanya", RESPONSE_CLASS_LIMITS)} as kelas`), db.raw("count(*) as tickets"))
    .groupBy("kelas");
  return countsByIndex(rows, RESPONSE_CLASS_LIMITS.length + 1, "tickets");
}

export interface StaffAnswers {
  staffId: number;
  /** The alphabetically last name recorded for them (a renamed Telegram account leaves several). */
  name: string;
  tickets: number;
}

/** Tickets of the range first answered by each staff member, most first. */
export async function answersPerStaff(db: Db, range: TimeRange): Promise<StaffAnswers[]> {
  const rows: Record<string, unknown>[] = await ticketsAsked(db, range)
    .whereNotNull("dijawab_oleh")
    .select("dijawab_oleh", db.raw("max(nama_penjawab) as name"), db.raw("count(*) as tickets"))
    .groupBy("dijawab_oleh")
    .orderBy([{ column: "tickets", order: "desc" }, "name"]);
  return rows.map((r) => ({ staffId: num(r.dijawab_oleh), name: r.name === null ? "" : String(r.name), tickets: num(r.tickets) }));
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
