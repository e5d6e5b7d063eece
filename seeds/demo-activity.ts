// A month of plausible bot activity for demos and the sample report: the demo employees and a few hundred synthetic
// ones in six units register, open menus and topics, download forms and ask the staff questions that are offered
// guide topics, get answered (a few stay open), are closed by the asker, a staff member, a guide topic or by
// themselves, and are rated, some with a comment. Deterministic: the same `now` and `days` give the same rows (a
// seeded PRNG, never Math.random). Meant for a database without activity yet: a second run is refused instead of
// doubling everything.
import { fileURLToPath } from "node:url";
import { packCallbackData, type CallbackAction } from "../src/bot/callback-data.js";
import { loadContent } from "../src/content/load-content.js";
import { buildGuideIndex } from "../src/content/search/guide-index.js";
import type { CategoryKey, Content } from "../src/content/types.js";
import type { Db } from "../src/db/database.js";
import { bindTelegram, findByNip, upsertPengguna, type PenggunaData } from "../src/db/pengguna-repo.js";
import { insertPesan, type PesanData } from "../src/db/pesan-repo.js";
import { awaitComment, closeTicket, createTicket, markAnswered, rateTicket, saveComment, type ClosedBy } from "../src/db/tiket-repo.js";
import { createGuideService, topicKey, type GuideService } from "../src/domain/guides.js";
import { redactDaftar } from "../src/domain/redact.js";
import { seedDemo } from "./demo.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WIB = 7 * HOUR;

/** The shipped demo content: its topics and documents are what the synthetic employees open. */
const CONTENT_DIR = fileURLToPath(new URL("../content", import.meta.url));
/** The employees of seeds/demo.ts who are active, registered here like everyone else. */
const DEMO_NIPS = ["198501012010011001", "199002022015032002", "197912122005011004"];
const STAFF_GROUP_ID = -1001234567890;
const STAFF = [
  { id: 7001, name: "Rina Kartika", weight: 32 },
  { id: 7002, name: "Ahmad Fauzi", weight: 26 },
  { id: 7003, name: "Dewi Lestari", weight: 19 },
  { id: 7004, name: "Yusuf Hidayat", weight: 14 },
  { id: 7005, name: "Maria Ulfa", weight: 9 },
];
/** Size of each unit and the share of its people who registered: the units differ, as they do in real life. */
const UNITS = [
  { name: "Biro Organisasi dan SDM", size: 46, registered: 0.91 },
  { name: "Pusat Data dan Informasi", size: 41, registered: 0.86 },
  { name: "Biro Keuangan", size: 57, registered: 0.72 },
  { name: "Biro Umum", size: 73, registered: 0.61 },
  { name: "Direktorat Kebijakan", size: 94, registered: 0.54 },
  { name: "Inspektorat", size: 35, registered: 0.31 },
];
const FIRST_NAMES = ["Agus", "Ahmad", "Andi", "Ani", "Arif", "Bambang", "Budi", "Citra", "Dani", "Dedi", "Dewi", "Dian", "Eka", "Endang", "Fajar", "Fitri", "Gita", "Hadi", "Hendra", "Ika", "Indah", "Joko", "Kartika", "Lina", "Made", "Maya", "Nur", "Putri", "Rahmat", "Ratna", "Rizki", "Sari", "Slamet", "Sri", "Teguh", "Tri", "Wahyu", "Wulan", "Yanti", "Yudi"];
const LAST_NAMES = ["Setiawan", "Wijaya", "Saputra", "Lestari", "Hidayat", "Nugroho", "Kusuma", "Pratama", "Rahayu", "Siregar", "Nasution", "Simanjuntak", "Harahap", "Santoso", "Susanto", "Wibowo", "Utami", "Purnama", "Hakim", "Fauzi", "Ramadhan", "Permana", "Gunawan", "Putra"];
const POSITIONS = ["Analis SDM Aparatur", "Pranata Komputer", "Analis Kebijakan", "Auditor", "Analis Keuangan", "Arsiparis", "Pengadministrasi Umum", "Perencana", "Pranata Keuangan", "Kepala Subbagian"];
const RANKS = ["Pengatur (II/c)", "Penata Muda (III/a)", "Penata Muda Tk. I (III/b)", "Penata (III/c)", "Penata Tk. I (III/d)", "Pembina (IV/a)"];
const QUESTIONS = [
  "Selamat pagi, tunjangan kinerja bulan ini kapan cair ya?",
  "Mohon info, kenapa tunkin saya ada potongan bulan lalu?",
  "Sisa cuti tahunan saya di bot berbeda dengan catatan saya, mohon dicek.",
  "Bagaimana cara mengajukan izin belajar S2 di luar jam kerja?",
  "Apakah usulan kenaikan pangkat periode April sudah bisa diajukan?",
  "Saya mau update data keluarga karena anak baru lahir, berkasnya apa saja?",
  "SKP saya belum bisa diisi di e-Kinerja, mohon bantuan.",
  "Kapan batas pengumpulan usulan diklat tahun depan?",
  "Mohon informasi syarat mutasi ke unit lain.",
  "Data jabatan saya di bot masih jabatan lama, mohon diperbarui.",
  "Apakah BPJS Kesehatan untuk orang tua bisa ditambahkan?",
  "Saya lupa password untuk /daftar, bagaimana caranya?",
  "Legalisasi SK pangkat bisa dilakukan di mana?",
  "Berapa lama proses Satyalencana Karya Satya?",
];
const FOLLOW_UPS = ["Terima kasih sebelumnya.", "Ini foto SK saya.", "Mohon segera ya, untuk keperluan bank.", "Baik, saya tunggu."];
/** What employees write after rating: praise for 4 and 5, mixed feelings for 3, complaints for 1 and 2. */
const COMMENTS = {
  good: [
    "Terima kasih, jawabannya jelas dan cepat.",
    "Sangat membantu, saya tidak perlu datang ke kantor.",
    "Penjelasannya lengkap, terima kasih Tim OSDM.",
    "Cepat dan ramah. Semoga layanannya terus begini.",
    "Soal tunkin & uang makan sekarang sudah jelas, terima kasih.",
    "Langsung dijawab padahal saya kirim pagi-pagi sekali. Mantap!",
    "Formulirnya langsung dikirim, jadi saya bisa segera mengurus berkasnya.",
    "Petugasnya sabar menjelaskan sampai saya paham.",
    "Lebih praktis daripada harus telepon ke biro.",
    "Jawabannya pas, lengkap dengan dasar aturannya.",
  ],
  mixed: [
    "Jawabannya membantu, tapi saya harus menunggu sampai besok.",
    "Cukup jelas, hanya saja tautan formulirnya sebaiknya langsung disertakan.",
    "Sudah terjawab, tapi saya masih perlu menghubungi bagian kepegawaian unit.",
    "Agak lama dijawabnya, mungkin karena sedang ramai.",
    "Informasinya benar, tapi bahasanya terlalu teknis.",
    "Lumayan, semoga panduannya ditambah supaya tidak perlu bertanya.",
  ],
  poor: [
    "Terlalu lama dijawab, padahal untuk keperluan bank.",
    "Jawabannya belum sesuai dengan pertanyaan saya.",
    "Tiket ditutup padahal masalah saya belum selesai.",
    "Saya diarahkan ke unit lain tanpa penjelasan.",
    "Nilai < 3 karena saya harus bertanya dua kali.",
    "Tidak ada kabar sampai hari berikutnya.",
  ],
};
/** TUTUP_OTOMATIS_HARI's default: an answered ticket closes by itself after this many quiet days. */
const QUIET_DAYS = 3;

/** mulberry32: small, fast and the same everywhere, so the demo month is reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = ReturnType<typeof prng>;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function weighted<T>(random: Random, items: readonly T[], weightOf: (item: T) => number): T {
  const total = items.reduce((sum, item) => sum + weightOf(item), 0);
  let r = random() * total;
  for (const item of items) {
    r -= weightOf(item);
    if (r < 0) return item;
  }
  return items[items.length - 1]!;
}

/** Normal deviate (Box–Muller), for log-normal answer times. */
function gaussian(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Relative traffic per WIB hour: mornings busiest, a dip at lunch, Friday prayers longer, quiet nights and weekends. */
const HOURS_WEEKDAY = [0, 0, 0, 0, 0, 1, 3, 9, 17, 21, 19, 15, 6, 12, 16, 13, 8, 5, 4, 5, 5, 4, 2, 1];
const HOURS_FRIDAY = [0, 0, 0, 0, 0, 1, 3, 9, 17, 20, 16, 6, 2, 9, 14, 11, 7, 4, 4, 5, 5, 4, 2, 1];
const HOURS_WEEKEND = [0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 5, 4, 4, 4, 4, 3, 3, 3, 4, 4, 3, 2, 1];

/** 0 = Monday … 6 = Sunday, of a WIB midnight. */
function weekdayOf(wibMidnight: number): number {
  return (new Date(wibMidnight + WIB).getUTCDay() + 6) % 7;
}

function momentInDay(random: Random, wibMidnight: number): number {
  const weekday = weekdayOf(wibMidnight);
  const weights = weekday >= 5 ? HOURS_WEEKEND : weekday === 4 ? HOURS_FRIDAY : HOURS_WEEKDAY;
  const hour = weighted(random, weights.map((_, h) => h), (h) => weights[h]!);
  return wibMidnight + hour * HOUR + Math.floor(random() * HOUR);
}

/** Staff answer on working days, 07.30–16.00 WIB: the first moment at or after `t` when someone is at a desk. */
function nextDeskMoment(random: Random, t: number): number {
  const midnight = Math.floor((t + WIB) / DAY) * DAY - WIB;
  const opens = midnight + 7.5 * HOUR;
  const closes = midnight + 16 * HOUR;
  if (weekdayOf(midnight) < 5 && t >= opens && t < closes) return t;
  let next = t < opens && weekdayOf(midnight) < 5 ? midnight : midnight + DAY;
  while (weekdayOf(next) >= 5) next += DAY;
  return next + 7.5 * HOUR + Math.floor(random() * 75 * MINUTE);
}

interface Employee {
  nip: string;
  nama: string;
  penggunaId: number;
  telegramId: number;
  /** When the account was bound; the employee is active from then on. */
  registered: number;
  /** How keen this person is on the bot: multiplies the daily chance of using it. */
  keenness: number;
}

/** Builds one logged incoming update, in the shape record-incoming.ts stores it. */
function incoming(e: { telegramId: number; nama: string }, chatId: number, waktu: number, jenis: string, text: string, perintah: string | null): PesanData {
  const from = { id: e.telegramId, is_bot: false, first_name: e.nama };
  const chat = chatId > 0 ? { id: chatId, type: "private", first_name: e.nama } : { id: chatId, type: "supergroup", title: "Tim OSDM" };
  const update =
    jenis === "tombol"
      ? { callback_query: { id: String(waktu), from, message: { message_id: 0, chat, date: Math.floor(waktu / 1000) }, data: text } }
      : { message: { message_id: 0, from, chat, date: Math.floor(waktu / 1000), text } };
  return { waktu, arah: "masuk", id_chat: chatId, id_pengirim: e.telegramId, pengirim: e.nama, isi_pesan: text, jenis, perintah, data: JSON.stringify(update), id_pesan: null, update_id: null };
}

/** A button pressed in the employee's private chat, logged with its callback data as the command. */
function pressed(e: { telegramId: number; nama: string }, waktu: number, action: CallbackAction): PesanData {
  return incoming(e, e.telegramId, waktu, "tombol", packCallbackData(action), packCallbackData(action));
}

interface Question {
  employee: Employee;
  asked: number;
  text: string;
}

/** One sitting with the bot: a few commands and buttons, sometimes ending in a question for the staff. */
function session(random: Random, content: Content, topicWeights: Map<string, number>, e: Employee, start: number, boost: CategoryKey | null): { rows: PesanData[]; question?: Question } {
  const rows: PesanData[] = [];
  let t = start;
  const say = (command: string) => rows.push(incoming(e, e.telegramId, t, "perintah", `/${command}`, command));
  const press = (action: CallbackAction) => rows.push(pressed(e, t, action));
  /** Most services can be typed as a command or pressed as a button; `typed` is the chance of the former. */
  const typedOrPressed = (typed: number, command: string, action: CallbackAction) => (random() < typed ? say(command) : press(action));
  const topics = content.categories.flatMap((c) => c.topics.map((topic) => ({ category: c.key, topic })));

  const actions = 1 + Math.floor(-Math.log(1 - random()) * 1.3);
  for (let i = 0; i < actions; i++) {
    const kind = weighted(random, ["tunkin", "cuti", "datapribadi", "menu", "topic", "terkini", "dokumen", "bantuan", "tentang", "question", "unknown", "cari", "jam"] as const, (k) =>
      ({ tunkin: 17, cuti: 11, datapribadi: 5, menu: 9, topic: 30, terkini: 4, dokumen: 5, bantuan: 2.5, tentang: 0.8, question: 14, unknown: 0.7, cari: 1.5, jam: 1 })[k],
    );
    if (kind === "tunkin" || kind === "cuti" || kind === "datapribadi") typedOrPressed(0.45, kind, { type: "personal", service: kind });
    else if (kind === "menu") typedOrPressed(0.5, "menu", { type: "mainMenu" });
    else if (kind === "terkini") typedOrPressed(0.5, "terkini", { type: "news" });
    else if (kind === "bantuan" || kind === "tentang" || kind === "cari" || kind === "jam") say(kind);
    else if (kind === "unknown") say("halo");
    else if (kind === "dokumen") {
      typedOrPressed(0.4, "dokumen", { type: "documents" });
      if (content.documents.length > 0 && random() < 0.7) {
        t += 20_000 + Math.floor(random() * 40_000);
        press({ type: "document", documentId: pick(random, content.documents).id });
      }
    } else if (kind === "topic") {
      const chosen = weighted(random, topics, (x) => (topicWeights.get(`${x.category}:${x.topic.id}`) ?? 0) * (x.category === boost ? 4 : 1));
      typedOrPressed(0.4, chosen.category, { type: "category", category: chosen.category });
      t += 10_000 + Math.floor(random() * 30_000);
      press({ type: "topic", category: chosen.category, topicId: chosen.topic.id });
    } else {
      const text = pick(random, QUESTIONS);
      rows.push(incoming(e, e.telegramId, t, "teks", text, null));
      const asked = t;
      for (let n = 0; random() < 0.3 && n < 2; n++) {
        t += 30_000 + Math.floor(random() * 120_000);
        rows.push(incoming(e, e.telegramId, t, random() < 0.3 ? "photo" : "teks", pick(random, FOLLOW_UPS), null));
      }
      return { rows, question: { employee: e, asked, text } };
    }
    t += 25_000 + Math.floor(random() * 100_000);
  }
  return { rows };
}

async function makeEmployees(db: Db, random: Random, now: number, windowStart: number): Promise<Employee[]> {
  const people: (PenggunaData & { registers: boolean })[] = [];
  let seq = 0;
  for (const unit of UNITS) {
    for (let i = 0; i < unit.size; i++) {
      seq++;
      const born = 1968 + Math.floor(random() * 32);
      const hired = Math.min(2024, born + 22 + Math.floor(random() * 12));
      const two = (n: number) => String(n).padStart(2, "0");
      const nip = `${born}${two(1 + Math.floor(random() * 12))}${two(1 + Math.floor(random() * 28))}${hired}${two(1 + Math.floor(random() * 12))}${1 + Math.floor(random() * 2)}${String(seq).padStart(3, "0")}`;
      people.push({
        nip,
        nama: `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`,
        jabatan: pick(random, POSITIONS),
        unit_kerja: unit.name,
        pangkat_golongan: pick(random, RANKS),
        status: random() < 0.03 ? "nonaktif" : "aktif",
        registers: random() < unit.registered,
      });
    }
  }
  await upsertPengguna(db, people.map(({ registers: _r, ...p }) => p), now);

  const employees: Employee[] = [];
  const bind = async (nip: string, telegramId: number, mustBeNew: boolean): Promise<void> => {
    // Most registered before the month; about one in eight during it, so new registrations show in the report.
    const registered =
      random() < 0.12 ? momentInDay(random, windowStart + Math.floor(random() * ((now - windowStart) / DAY)) * DAY) : windowStart - Math.floor((10 + random() * 190) * DAY);
    const bound = await bindTelegram(db, nip, telegramId, Math.min(registered, now - HOUR));
    if (!bound && mustBeNew) throw new Error("aktivitas demo sudah pernah dimuat di basis data ini; pakai basis data yang baru");
    const row = await findByNip(db, nip);
    if (!row || row.id_telegram === null || row.status !== "aktif") return;
    employees.push({ nip, nama: row.nama, penggunaId: row.id, telegramId: row.id_telegram, registered: row.terdaftar_pada ?? registered, keenness: 0.4 + random() * 1.4 });
  };
  for (const [i, nip] of DEMO_NIPS.entries()) await bind(nip, 5_100_000_001 + i, false);
  for (const [i, p] of people.entries()) if (p.registers && p.status === "aktif") await bind(p.nip, 6_100_000_001 + i, true);
  return employees;
}

interface Handling {
  db: Db;
  random: Random;
  now: number;
  /** The logged messages, added to as the tickets are handled. */
  rows: PesanData[];
  guides: DemoGuides;
}

type DemoGuides = GuideService & { at: (moment: number) => void };

/** The bot's own guide service on the demo content, its clock set to each question's moment. */
function demoGuides(db: Db, content: Content): DemoGuides {
  let moment = 0;
  const service = createGuideService({ db, clock: () => moment, index: buildGuideIndex(content) });
  return {
    ...service,
    at(m) {
      moment = m;
    },
  };
}

/** A question's ticket from asking to rating; most steps stop at `now`, leaving the ticket where it stands then. */
async function handleQuestion(h: Handling, q: Question, index: number): Promise<void> {
  const { db, random, now, rows } = h;
  const e = q.employee;
  const id = await createTicket(db, e.penggunaId, e.telegramId, q.asked);
  h.guides.at(q.asked);
  const offered = h.guides.suggest(q.text);
  await h.guides.record(q.text, offered);
  // One ticket in forty slips through the cracks and is still waiting, whatever its age.
  if (index % 40 === 17) return;

  // Some askers open an offered topic, and some of those find their answer there.
  if (offered.length > 0 && random() < 0.22) {
    const topic = pick(random, offered);
    const guide = { category: topic.category, topicId: topic.topicId, ticketId: id };
    const opened = q.asked + 60_000 + Math.floor(random() * 4 * MINUTE);
    if (opened >= now) return;
    rows.push(pressed(e, opened, { type: "suggestion", ...guide }));
    if (random() < 0.4) {
      const closed = opened + 90_000 + Math.floor(random() * 4 * MINUTE);
      if (closed >= now) return;
      rows.push(pressed(e, closed, { type: "answeredByGuide", ...guide }));
      await closeTicket(db, id, { by: "panduan", topic: topicKey(topic.category, topic.topicId) }, closed);
      await rate(h, { id, employee: e, closed, kind: "panduan", wait: 0 });
      return;
    }
  }

  const slow = random() < 0.03 ? (1 + random() * 1.5) * DAY : 0;
  const answered = nextDeskMoment(random, q.asked + slow) + Math.round(Math.exp(Math.log(32) + 0.95 * gaussian(random)) * MINUTE);
  if (answered >= now) return;
  const staff = weighted(random, STAFF, (s) => s.weight);
  await markAnswered(db, id, staff.id, staff.name, answered);
  rows.push(incoming({ telegramId: staff.id, nama: staff.name }, STAFF_GROUP_ID, answered - 20_000, "teks", "Baik, sudah kami cek. Silakan lihat penjelasan berikut.", null));

  // The asker presses "Sudah terjawab", a staff member closes it, or the asker goes quiet and it closes by itself.
  const way = random();
  const closer: ClosedBy = way < 0.45 ? { by: "pegawai" } : way < 0.75 ? { by: "staf", staffId: staff.id } : { by: "otomatis" };
  const after = closer.by === "pegawai" ? Math.exp(Math.log(2 * HOUR) + gaussian(random)) : closer.by === "staf" ? random() * 1.5 * DAY : QUIET_DAYS * DAY + random() * HOUR;
  const closed = answered + Math.floor(after);
  if (closed >= now) return;
  await closeTicket(db, id, closer, closed);
  // The asker mostly presses the button under the answer, sometimes types /selesai.
  if (closer.by === "pegawai") {
    rows.push(random() < 0.7 ? pressed(e, closed, { type: "closeTicket", ticketId: id }) : incoming(e, e.telegramId, closed, "perintah", "/selesai", "selesai"));
  }
  if (closer.by === "staf") rows.push(incoming({ telegramId: staff.id, nama: staff.name }, STAFF_GROUP_ID, closed, "perintah", "/selesai", "selesai"));
  await rate(h, { id, employee: e, closed, kind: closer.by, wait: answered - q.asked });
}

/**
 * Most askers rate the service, fewer when the ticket closed without their word; quick answers please most. A
 * comment follows now and then, more often after a poor rating.
 */
async function rate(h: Handling, t: { id: number; employee: Employee; closed: number; kind: ClosedBy["by"]; wait: number }): Promise<void> {
  const { db, random, now, rows } = h;
  const chance = { pegawai: 0.8, panduan: 0.7, staf: 0.55, otomatis: 0.3 }[t.kind];
  if (random() >= chance) return;
  const rated = t.closed + Math.floor((t.kind === "otomatis" ? random() * 12 * HOUR : 30_000 + random() * 90 * MINUTE));
  if (rated >= now) return;
  const hours = t.wait / HOUR;
  const mean = (hours < 2 ? 4.6 : hours < 8 ? 4.2 : hours < 24 ? 3.6 : 2.4) - (t.kind === "otomatis" ? 0.8 : 0);
  const score = Math.min(5, Math.max(1, Math.round(mean + 0.9 * gaussian(random))));
  const e = t.employee;
  await rateTicket(db, t.id, score, rated);
  rows.push(pressed(e, rated, { type: "rate", ticketId: t.id, score }));
  if (random() >= (score <= 2 ? 0.6 : score === 3 ? 0.4 : 0.2)) return;
  const requested = rated + 15_000;
  const written = requested + 40_000 + Math.floor(random() * 3 * MINUTE);
  if (written >= now) return;
  const text = pick(random, score >= 4 ? COMMENTS.good : score === 3 ? COMMENTS.mixed : COMMENTS.poor);
  rows.push(pressed(e, requested, { type: "comment", ticketId: t.id }));
  rows.push(incoming(e, e.telegramId, written, "teks", text, null));
  await awaitComment(db, t.id, e.telegramId, requested);
  await saveComment(db, t.id, text);
}

export async function seedDemoActivity(db: Db, now: number, days = 30): Promise<void> {
  const loaded = await loadContent(CONTENT_DIR);
  if (!loaded.ok) throw new Error(`konten demo di ${CONTENT_DIR} tidak valid`);
  const content = loaded.content;
  const random = prng(20261123);
  const today = Math.floor((now + WIB) / DAY) * DAY - WIB;
  const windowStart = today - days * DAY;

  await seedDemo(db, new Date(now));
  await db.transaction(async (trx) => {
    const employees = await makeEmployees(trx, random, now, windowStart);

    // A few topics are popular, most get some reads, and the last few none at all: what the report should reveal.
    const topicKeys = content.categories.flatMap((c) => c.topics.map((t) => `${c.key}:${t.id}`));
    const order = topicKeys.map((key) => ({ key, r: random() })).sort((a, b) => a.r - b.r);
    const topicWeights = new Map(order.map(({ key }, rank) => [key, rank >= order.length - 3 ? 0 : 1 / (rank + 1) ** 0.9]));
    // Two announcement days bring a burst of traffic on one service area.
    const bursts = new Map<number, CategoryKey>([
      [windowStart + Math.floor(days * 0.35) * DAY, "renbangkompeg"],
      [windowStart + Math.floor(days * 0.8) * DAY, "pengkinpeg"],
    ]);

    const rows: PesanData[] = [];
    const questions: Question[] = [];
    for (let day = windowStart; day <= today; day += DAY) {
      const weekday = weekdayOf(day);
      const burst = bursts.get(day) ?? null;
      const chance = (weekday >= 5 ? 0.03 : weekday === 4 ? 0.11 : 0.14) * (burst ? 2.3 : 1);
      for (const e of employees) {
        if (random() >= chance * e.keenness) continue;
        const start = momentInDay(random, day);
        if (start < e.registered || start >= now) continue;
        const s = session(random, content, topicWeights, e, start, burst);
        rows.push(...s.rows.filter((r) => r.waktu < now));
        if (s.question && s.question.asked < now) questions.push(s.question);
      }
      // New accounts start with /start and /daftar.
      for (const e of employees.filter((x) => x.registered >= day && x.registered < day + DAY)) {
        rows.push(incoming(e, e.telegramId, e.registered - 90_000, "perintah", "/start", "start"));
        rows.push(incoming(e, e.telegramId, e.registered, "perintah", redactDaftar(`/daftar ${e.nip} rahasia123`), "daftar"));
      }
      if (weekday < 5) {
        for (const at of [8.2, 13.3]) {
          const staff = weighted(random, STAFF, (s) => s.weight);
          const t = day + at * HOUR + Math.floor(random() * 40 * MINUTE);
          if (t < now) rows.push(incoming({ telegramId: staff.id, nama: staff.name }, STAFF_GROUP_ID, t, "perintah", "/tiket", "tiket"));
        }
      }
    }

    questions.sort((a, b) => a.asked - b.asked);
    const handling = { db: trx, random, now, rows, guides: demoGuides(trx, content) };
    for (const [i, q] of questions.entries()) await handleQuestion(handling, q, i);

    // Update ids in the order Telegram would have given them; private-chat message ids per chat.
    rows.sort((a, b) => a.waktu - b.waktu);
    const messageIds = new Map<number, number>();
    rows.forEach((row, i) => {
      row.update_id = 900_000_000 + i;
      const next = (messageIds.get(row.id_chat!) ?? 0) + 1;
      messageIds.set(row.id_chat!, next);
      row.id_pesan = next;
    });
    for (let i = 0; i < rows.length; i += 500) await insertPesan(trx, rows.slice(i, i + 500));
  });
}
