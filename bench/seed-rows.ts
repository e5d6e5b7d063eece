// Rows for the scenarios, written straight into the tables in bulk: employees (registered, or waiting for /daftar) with a
// year of allowance and this year's leave, a year of the message log, and a previous process's last posts; then the
// settling a database needs after such a load. The values look like production's; the counts are the caller's.
import type { User } from "node-telegram-bot-api";
import type { Db } from "../src/db/database.js";
import { hashPassword } from "../src/domain/passwords.js";
import { makeUser } from "../test/support/updates.js";

/** Employee n talks to the bot from Telegram account TELEGRAM_ID_BASE + n (real user ids are this large). */
const TELEGRAM_ID_BASE = 700_000_000;
/** Past update ids in the log sit far above the fake's (which start at 100001), so the two never collide. */
const PAST_UPDATE_ID_BASE = 900_000_000;
/** Message ids of past posts in the staff group, far above those the fake hands out there. */
const PAST_GROUP_MESSAGE_ID = 900_000;
const BOT_ID = 123456;
/** Every seeded employee's password. */
export const EMPLOYEE_PASSWORD = "rahasia";
const DAY_MS = 24 * 60 * 60 * 1000;
const ROWS_PER_STATEMENT = 500;
const ROWS_PER_TRANSACTION = 20_000;
const LOADED_TABLES = "pengguna, tunkin, cuti, pesan";

const FIRST_NAMES = ["Budi", "Siti", "Dewi", "Andi", "Rina", "Agus", "Sri", "Yusuf", "Ratna", "Hendra", "Wulan", "Eko", "Fitri", "Bambang", "Nur", "Rudi", "Maya", "Joko", "Intan", "Dian"];
const LAST_NAMES = ["Santoso", "Rahmawati", "Lestari", "Wijaya", "Kurniawan", "Susanti", "Pratama", "Hidayat", "Saputra", "Wahyuni", "Nugroho", "Permata", "Setiawan", "Anggraini", "Gunawan"];
const UNITS = ["Biro Organisasi dan SDM", "Pusat Data dan Informasi", "Direktorat Kebijakan", "Biro Keuangan", "Inspektorat", "Sekretariat Jenderal", "Biro Hukum"];
const POSITIONS = ["Analis SDM Aparatur Ahli Muda", "Pranata Komputer Ahli Pertama", "Analis Kebijakan Ahli Pertama", "Arsiparis Terampil", "Perencana Ahli Muda", "Auditor Ahli Madya"];
const RANKS = ["Penata Muda (III/a)", "Penata Muda Tk. I (III/b)", "Penata (III/c)", "Penata Tk. I (III/d)", "Pembina (IV/a)"];
const COMMANDS = ["start", "menu", "datapribadi", "tunkin", "cuti", "mutasi", "renbangkompeg", "jahdis", "pengkinpeg", "terkini", "dokumen", "bantuan"];
const QUESTIONS = [
  "Selamat pagi, saya ingin menanyakan status usulan kenaikan pangkat saya periode April. Terima kasih.",
  "Mohon informasi, apakah tunjangan kinerja bulan ini sudah dibayarkan? Di rekening saya belum masuk.",
  "Bagaimana cara mengajukan cuti besar? Formulirnya di mana ya?",
  "Data jabatan saya di aplikasi masih yang lama, mohon diperbarui. Terima kasih.",
];
const REPLIES = [
  "<b>💰 Tunjangan Kinerja</b>\n\n<b>Maret 2025</b> (kelas jabatan 9)\nNominal: Rp 5.079.000\nPotongan: Rp 0\nDiterima: <b>Rp 5.079.000</b>",
  "🏠 <b>Menu utama</b>\nSilakan pilih layanan yang Anda perlukan:",
  "<b>📋 Data Pribadi</b>\n\nNama: <b>Budi Santoso</b>\nNIP: 198501012010011001\nJabatan: Analis SDM Aparatur Ahli Muda\nUnit kerja: Biro Organisasi dan SDM",
  "✅ Pertanyaan Anda sudah diteruskan ke tim OSDM dengan nomor tiket <b>#T1234</b>.\nMohon menunggu; jawaban akan dikirim di chat ini.",
];

export function employeeUser(n: number): User {
  return makeUser(TELEGRAM_ID_BASE + n, { first_name: FIRST_NAMES[n % FIRST_NAMES.length]! });
}

/** 18 digits as NIPs are: birth date, appointment month, sex, sequence. Birth date and sequence together keep n unique. */
export function nipOf(n: number): string {
  const born = new Date(Date.UTC(1970, 0, 1) + Math.floor(n / 1000) * 37 * DAY_MS).toISOString().slice(0, 10).replaceAll("-", "");
  const appointed = `20${String(5 + (n % 15)).padStart(2, "0")}${String(1 + (n % 12)).padStart(2, "0")}`;
  return `${born}${appointed}${1 + (n % 2)}${String(n % 1000).padStart(3, "0")}`;
}

let passwordHash: Promise<string> | undefined;

/**
 * Active employees first … first + count - 1, with twelve months of allowance and this year's leave; registered
 * (bound to employeeUser(n)) unless `registered` is false, in which case they have yet to send /daftar.
 */
export async function insertEmployees(db: Db, first: number, count: number, { now = Date.now(), registered = true } = {}): Promise<void> {
  passwordHash ??= hashPassword(EMPLOYEE_PASSWORD);
  const password = await passwordHash;
  const ns = Array.from({ length: count }, (_, i) => first + i);
  await insertRows(
    db,
    "pengguna",
    ns.map((n) => ({
      nip: nipOf(n),
      nama: `${FIRST_NAMES[n % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(n / FIRST_NAMES.length) % LAST_NAMES.length]}`,
      password,
      id_telegram: registered ? TELEGRAM_ID_BASE + n : null,
      status: "aktif",
      hak_pengguna: "pegawai",
      jabatan: POSITIONS[n % POSITIONS.length],
      unit_kerja: UNITS[n % UNITS.length],
      pangkat_golongan: RANKS[n % RANKS.length],
      terdaftar_pada: registered ? now - (n % 365) * DAY_MS : null,
      dibuat: now - 400 * DAY_MS,
      diubah: now - (n % 365) * DAY_MS,
    })),
  );
  const months = Array.from({ length: 12 }, (_, i) => {
    const d = new Date(now);
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() - 1 - i);
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
  });
  await insertRows(
    db,
    "tunkin",
    ns.flatMap((n) =>
      months.map((periode, i) => {
        const nominal = [4_595_150, 5_079_000, 7_271_000, 9_896_000][n % 4]!;
        const cut = (n + i) % 7 === 0;
        return { nip: nipOf(n), periode, kelas_jabatan: 8 + (n % 5), nominal, potongan: cut ? Math.round(nominal * 0.03) : 0, keterangan: cut ? "Potongan keterlambatan 3%" : null };
      }),
    ),
  );
  const year = new Date(now).getUTCFullYear();
  await insertRows(
    db,
    "cuti",
    ns.flatMap((n) => [
      { nip: nipOf(n), tahun: year, jenis_cuti: "Cuti Tahunan", hak_hari: 12, terpakai_hari: n % 9 },
      { nip: nipOf(n), tahun: year, jenis_cuti: "Cuti Sakit", hak_hari: 14, terpakai_hari: n % 3 },
    ]),
  );
}

/**
 * A year of the message log, oldest first, as the bot writes it: an employee's command or question (`masuk`, with the
 * stored update) and the bot's answer (`keluar`, with the message Telegram returned), among `employees` employees.
 */
export async function insertMessageLog(db: Db, rows: number, employees: number, now = Date.now()): Promise<void> {
  const start = now - 365 * DAY_MS;
  const step = (365 * DAY_MS) / rows;
  let batch: Record<string, unknown>[] = [];
  for (let i = 0; i < rows; i++) {
    // A command and its answer share a chat; a prime stride spreads the conversations over every employee.
    const n = ((i >> 1) * 7919) % employees;
    const chat = { id: TELEGRAM_ID_BASE + n, type: "private", first_name: FIRST_NAMES[n % FIRST_NAMES.length] };
    const waktu = Math.round(start + i * step);
    const date = Math.floor(waktu / 1000);
    const messageId = 1000 + i;
    if (i % 2 === 0) {
      const command = i % 10 < 7 ? COMMANDS[(i >> 1) % COMMANDS.length] : undefined;
      const text = command ? `/${command}` : QUESTIONS[(i >> 1) % QUESTIONS.length]!;
      const from = { id: chat.id, is_bot: false, first_name: chat.first_name, language_code: "id" };
      const message = { message_id: messageId, from, chat, date, text, ...(command ? { entities: [{ offset: 0, length: text.length, type: "bot_command" }] } : {}) };
      batch.push({
        waktu, arah: "masuk", id_chat: chat.id, id_pengirim: chat.id, pengirim: chat.first_name, isi_pesan: text,
        jenis: command ? "perintah" : "teks", perintah: command ?? null, data: JSON.stringify({ update_id: PAST_UPDATE_ID_BASE + i, message }),
        id_pesan: messageId, update_id: PAST_UPDATE_ID_BASE + i,
      });
    } else {
      const text = REPLIES[(i >> 1) % REPLIES.length]!;
      const message = { message_id: messageId, from: { id: BOT_ID, is_bot: true, first_name: "Sinawai", username: "sinawai_bot" }, chat, date, text: text.replace(/<[^>]+>/g, "") };
      batch.push({
        waktu, arah: "keluar", id_chat: chat.id, id_pengirim: BOT_ID, pengirim: "bot", isi_pesan: message.text,
        jenis: "teks", perintah: null, data: JSON.stringify(message), id_pesan: messageId, update_id: null,
      });
    }
    if (batch.length === ROWS_PER_TRANSACTION) {
      await insertRows(db, "pesan", batch);
      batch = [];
    }
  }
  await insertRows(db, "pesan", batch);
}

/** The log rows a previous bot process wrote for messages it posted into `chatId` at `times` (epoch ms). */
export async function insertPastPosts(db: Db, chatId: number, times: readonly number[]): Promise<void> {
  const chat = { id: chatId, type: "supergroup", title: "OSDM Layanan" };
  const from = { id: BOT_ID, is_bot: true, first_name: "Sinawai", username: "sinawai_bot" };
  await insertRows(
    db,
    "pesan",
    times.map((t, i) => {
      const text = QUESTIONS[i % QUESTIONS.length]!;
      const message = { message_id: PAST_GROUP_MESSAGE_ID + i, from, chat, date: Math.floor(t / 1000), text };
      return {
        waktu: Math.round(t), arah: "keluar", id_chat: chatId, id_pengirim: BOT_ID, pengirim: "bot", isi_pesan: text,
        jenis: "teks", perintah: null, data: JSON.stringify(message), id_pesan: message.message_id, update_id: null,
      };
    }),
  );
}

/**
 * Brings a freshly bulk-loaded database to the state of one that grew over a year: statistics gathered, and the
 * load's writes on disk (SQLite's WAL checkpointed, InnoDB's dirty pages flushed), so that the measurements after it
 * do not pay for the load. Returns the seconds it took.
 */
export async function settleAfterBulkLoad(db: Db): Promise<number> {
  const started = performance.now();
  if (db.client.dialect === "mysql") {
    await db.raw(`ANALYZE TABLE ${LOADED_TABLES}`);
    // FOR EXPORT writes the tables' dirty pages out before it returns; UNLOCK must come on the same connection.
    await db.transaction(async (trx) => {
      await trx.raw(`FLUSH TABLES ${LOADED_TABLES} FOR EXPORT`);
      await trx.raw("UNLOCK TABLES");
    });
  } else {
    await db.raw("ANALYZE");
    await db.raw("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  return (performance.now() - started) / 1000;
}

/** Multi-row inserts, one transaction for the lot: a commit per row would measure the disk, not the database. */
async function insertRows(db: Db, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction(async (trx) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) await trx(table).insert(rows.slice(i, i + ROWS_PER_STATEMENT));
  });
}
