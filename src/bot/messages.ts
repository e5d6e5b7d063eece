// Every sentence the bot writes from code (the editable pages and menus live in CONTENT_DIR). HTML parse mode.
import type { PenggunaRow } from "../db/pengguna-repo.js";
import type { LeaveBalance, TunkinMonth } from "../domain/employee-data.js";
import type { AnnouncementTexts } from "../domain/announcements.js";
import type { RelayTexts } from "../domain/relay/relay-service.js";
import type { ClosingTexts } from "../domain/relay/ticket-closing.js";
import type { PromiseState, PromiseTexts } from "../domain/relay/answer-promise.js";
import type { TiketWithAsker } from "../db/tiket-repo.js";
import type { Holiday, ServiceHours, WorkingDay } from "../content/types.js";
import { formatClockTime, formatIndonesianDate, WEEKDAYS } from "../content/indonesian-date.js";
import { escapeHtml as e, formatDuration, formatPeriode, formatRupiah } from "./format.js";
import type { TopicTexts } from "./forum/topic-keeper.js";

export const COMMANDS: { command: string; description: string }[] = [
  { command: "start", description: "Mulai dan tampilkan menu utama" },
  { command: "menu", description: "Menu utama layanan kepegawaian" },
  { command: "daftar", description: "Hubungkan akun: /daftar NIP PASSWORD" },
  { command: "datapribadi", description: "Data pribadi Anda" },
  { command: "tunkin", description: "Tunjangan kinerja bulan terakhir" },
  { command: "cuti", description: "Sisa cuti tahun ini" },
  { command: "renbangkompeg", description: "Perencanaan & pengembangan kompetensi" },
  { command: "mutasi", description: "Mutasi, kenaikan pangkat, pensiun" },
  { command: "jahdis", description: "Kesejahteraan dan disiplin pegawai" },
  { command: "pengkinpeg", description: "Pengelolaan kinerja pegawai" },
  { command: "terkini", description: "Berita kepegawaian terbaru" },
  { command: "dokumen", description: "Formulir dan dokumen" },
  { command: "cari", description: "Cari panduan, kabar, dan dokumen" },
  { command: "jam", description: "Jam layanan dan hari libur" },
  { command: "selesai", description: "Tutup tiket Anda yang sudah terjawab" },
  { command: "bantuan", description: "Daftar perintah" },
  { command: "tentang", description: "Tentang Sinawai" },
];

export const M = {
  daftarUsage:
    "Untuk menghubungkan akun, kirim:\n<code>/daftar NIP PASSWORD</code>\n\nContoh: <code>/daftar 198501012010011001 rahasia123</code>\n" +
    "NIP 18 digit tanpa spasi. Pesan berisi password akan langsung dihapus dari percakapan.",
  daftarInGroup: "Demi keamanan, /daftar hanya dapat dilakukan di chat pribadi dengan bot.",
  daftarInvalidNip:
    "❌ NIP tidak valid. NIP terdiri dari 18 angka (0–9) tanpa spasi, huruf, atau tanda lain.\n" +
    "Kirim ulang: <code>/daftar NIP PASSWORD</code>",
  daftarInCaption:
    "Demi keamanan, pesan Anda sudah dihapus dan tidak diteruskan ke tim OSDM. Untuk menghubungkan akun, kirim " +
    "<code>/daftar NIP PASSWORD</code> sebagai pesan teks biasa, tanpa foto atau dokumen.",
  registered: (p: PenggunaRow) =>
    `✅ Akun Telegram Anda berhasil terhubung.\n\nSelamat datang, <b>${e(p.nama)}</b> (NIP ${e(p.nip)}).\n` +
    "Pesan Anda yang berisi password sudah dihapus. Ketik /menu untuk melihat layanan.",
  alreadyRegistered: (p: PenggunaRow) => `Akun ini sudah terhubung dengan <b>${e(p.nama)}</b> (NIP ${e(p.nip)}). Ketik /menu untuk melihat layanan.`,
  accountHasOtherNip: (nip: string) =>
    `Akun Telegram ini sudah terhubung dengan NIP ${e(nip)}. Jika Anda ingin mengganti, hubungi admin Biro OSDM untuk melepas tautan terlebih dahulu.`,
  wrongCredentials: (triesLeft: number) =>
    `❌ NIP atau password salah.${triesLeft > 0 ? ` Sisa percobaan: ${triesLeft}.` : ""} Periksa kembali, atau hubungi admin Biro OSDM jika lupa password.`,
  locked: (minutes: number) =>
    `⛔ Terlalu banyak percobaan yang gagal. Silakan coba lagi dalam ${minutes} menit, atau hubungi admin Biro OSDM.`,
  inactive: "Data kepegawaian Anda berstatus tidak aktif, sehingga tidak dapat didaftarkan. Hubungi admin Biro OSDM.",
  boundElsewhere:
    "NIP ini sudah terhubung dengan akun Telegram lain. Jika Anda berganti ponsel atau akun, hubungi admin Biro OSDM untuk melepas tautan lama.",
  daftarInterrupted: "Pendaftaran Anda terputus karena gangguan. Silakan kirim ulang /daftar NIP PASSWORD.",
  notRegistered:
    "Anda belum terdaftar. Hubungkan akun Telegram Anda dengan data kepegawaian terlebih dahulu:\n<code>/daftar NIP PASSWORD</code>",
  welcomeUnregistered:
    "\n\n🔐 Anda belum terdaftar. Untuk memakai layanan data pribadi, tunjangan, cuti, dan konsultasi, kirim:\n<code>/daftar NIP PASSWORD</code>",
  welcomeRegistered: (p: PenggunaRow) => `\n\nAnda masuk sebagai <b>${e(p.nama)}</b>.`,
  inactiveUser: "Data kepegawaian Anda berstatus tidak aktif. Hubungi admin Biro OSDM.",
  personalData: (p: PenggunaRow) =>
    [
      "<b>📋 Data Pribadi</b>",
      "",
      `Nama: <b>${e(p.nama)}</b>`,
      `NIP: ${e(p.nip)}`,
      `Jabatan: ${e(p.jabatan ?? "-")}`,
      `Unit kerja: ${e(p.unit_kerja ?? "-")}`,
      `Pangkat/golongan: ${e(p.pangkat_golongan ?? "-")}`,
      "",
      "Jika ada data yang tidak sesuai, tulis pesan di chat ini; tim OSDM akan menindaklanjuti.",
    ].join("\n"),
  tunkin: (months: TunkinMonth[]) =>
    months.length === 0
      ? "Data tunjangan kinerja Anda belum tersedia. Jika menurut Anda ini keliru, tulis pesan di chat ini."
      : [
          "<b>💰 Tunjangan Kinerja</b>",
          ...months.map((m) =>
            [
              "",
              `<b>${formatPeriode(m.periode)}</b>${m.kelasJabatan !== null ? ` (kelas jabatan ${m.kelasJabatan})` : ""}`,
              `Nominal: ${formatRupiah(m.nominal)}`,
              `Potongan: ${formatRupiah(m.potongan)}`,
              `Diterima: <b>${formatRupiah(m.diterima)}</b>`,
              ...(m.keterangan ? [`Keterangan: ${e(m.keterangan)}`] : []),
            ].join("\n"),
          ),
        ].join("\n"),
  cuti: (year: number, leave: LeaveBalance[]) =>
    leave.length === 0
      ? `Data cuti Anda untuk tahun ${year} belum tersedia. Jika menurut Anda ini keliru, tulis pesan di chat ini.`
      : [
          `<b>🏖️ Cuti Tahun ${year}</b>`,
          ...leave.map((l) => `\n<b>${e(l.jenis)}</b>\nHak: ${l.hak} hari · Terpakai: ${l.terpakai} hari · Sisa: <b>${l.sisa} hari</b>`),
        ].join("\n"),
  unknownCommand: "Perintah tidak dikenal. Ketik /bantuan untuk melihat daftar perintah.",
  didYouMean: (command: string) => `❓ Maksud Anda /${command}? Ketik /bantuan untuk melihat daftar perintah.`,
  searchUsage:
    "🔎 Ketik <code>/cari</code> lalu kata yang Anda cari, misalnya <code>/cari kenaikan pangkat</code> atau <code>/cari formulir cuti</code>.",
  searchFound: (query: string) => `🔎 Hasil pencarian untuk <b>${e(shortened(query))}</b>:`,
  searchNothing: (query: string) =>
    `🔎 Belum ada panduan, kabar, atau dokumen yang cocok dengan <b>${e(shortened(query))}</b>.\n\n` +
    "Silakan tulis pertanyaan Anda di chat ini (tanpa /cari): pertanyaan Anda akan diteruskan ke tim OSDM dan jawabannya dikirim di chat ini.",
  answeredByGuideButton: "✅ Ini menjawab pertanyaan saya",
  temporaryFailure: "⚠️ Maaf, layanan sedang mengalami gangguan sementara. Silakan coba lagi beberapa saat lagi.",
  staleButton: "Menu ini sudah tidak berlaku. Silakan pilih dari menu terbaru.",
  documentUnavailable: "Maaf, dokumen ini sedang tidak dapat dikirim. Silakan coba lagi nanti.",
  groupNotStaff: (chatId: number) =>
    `Grup ini bukan grup staf OSDM yang terdaftar, jadi bot akan keluar.\nId grup ini: <code>${chatId}</code>\n` +
    `Jika ini memang grup staf OSDM, isi <code>STAFF_GROUP_ID=${chatId}</code> di konfigurasi bot, jalankan ulang bot, lalu tambahkan bot lagi.`,
  staffGroupUpgraded: (oldId: number, newId: number) =>
    `⚠️ Grup staf ini berganti id karena Telegram mengubahnya menjadi supergroup (misalnya saat topik diaktifkan): ` +
    `<code>${oldId}</code> → <code>${newId}</code>. Pertanyaan pegawai tidak dapat masuk ke sini sampai admin server mengisi ` +
    `<code>STAFF_GROUP_ID=${newId}</code> di konfigurasi bot dan menjalankan ulang bot.`,
  staffGroupHello: (chatId: number) => `Halo, tim OSDM! Pertanyaan pegawai akan muncul di grup ini (id <code>${chatId}</code>).`,
  /** `nextDuty`: when the team is back ("Senin, 30 November 2026 pukul 07.30 WIB"), if it is off duty now. */
  questionReceived: (ticketId: number, isNew: boolean, suggested = false, nextDuty?: string) =>
    (isNew
      ? `✅ Pertanyaan Anda sudah diteruskan ke tim OSDM dengan nomor tiket <b>#T${ticketId}</b>.\nMohon menunggu; jawaban akan dikirim di chat ini.`
      : `✅ Pesan tambahan Anda masuk ke tiket <b>#T${ticketId}</b>. Mohon menunggu jawaban tim OSDM.`) +
    (nextDuty ? `\n\n🕒 Saat ini di luar jam layanan. Tim OSDM akan menjawab mulai ${e(nextDuty)}. Lihat /jam untuk jam layanan.` : "") +
    (suggested ? "\n\n📖 Sambil menunggu, mungkin panduan berikut sudah menjawab pertanyaan Anda:" : ""),
  serviceHours: (hours: ServiceHours, upcoming: Holiday[], nextDuty: string | undefined) =>
    [
      "<b>🕒 Jam Layanan Tim OSDM</b> (WIB)",
      "",
      ...weekLines(hours.days),
      "",
      nextDuty ? `Saat ini di luar jam layanan; tim kembali ${e(nextDuty)}.` : "Saat ini tim OSDM sedang bertugas.",
      "Pertanyaan di luar jam layanan tetap diterima dan dijawab pada jam layanan berikutnya.",
      ...(upcoming.length > 0
        ? ["", "<b>Hari libur terdekat</b>", ...upcoming.map((h) => `• ${formatIndonesianDate(h.date)}: ${e(h.name)}`)]
        : []),
    ].join("\n"),
  closeButton: "✅ Sudah terjawab",
  commentButton: "💬 Tambah komentar",
  ticketClosedByYou: (ticketId: number) => `Tiket #T${ticketId} ditutup. Terima kasih!`,
  ticketWasClosed: (ticketId: number) => `Tiket #T${ticketId} sudah ditutup sebelumnya.`,
  noOpenTicket: "Anda tidak memiliki tiket terbuka. Untuk bertanya, tulis pesan di chat ini.",
  rated: (ticketId: number, score: number) =>
    `🙏 Terima kasih! Penilaian Anda untuk tiket <b>#T${ticketId}</b>: <b>${score} dari 5</b>.\n` +
    "Ingin menyampaikan saran atau kritik? Tekan tombol di bawah.",
  ratedToast: "Terima kasih atas penilaian Anda!",
  alreadyRated: (ticketId: number, score: number) =>
    `Penilaian tiket #T${ticketId} sudah tercatat sebelumnya (${score} dari 5) dan tidak diubah.`,
  commentPrompt: (ticketId: number) =>
    `💬 Silakan tulis komentar Anda untuk tiket <b>#T${ticketId}</b> dalam <b>satu pesan teks</b> (dalam 30 menit).\n\n` +
    "Pesan itu hanya dicatat sebagai komentar, tanpa nama Anda di laporan, dan <b>tidak</b> diteruskan ke tim OSDM sebagai pertanyaan. " +
    "Ketik /batal jika tidak jadi.",
  alreadyCommented: (ticketId: number) => `Komentar untuk tiket #T${ticketId} sudah tercatat sebelumnya. Terima kasih!`,
  commentSaved: (ticketId: number) =>
    `✅ Terima kasih, komentar Anda untuk tiket <b>#T${ticketId}</b> sudah dicatat. Untuk bertanya lagi, tulis pesan seperti biasa.`,
  commentNotText: "Komentar hanya dapat berupa teks. Tulis komentar Anda sebagai pesan teks, atau ketik /batal jika tidak jadi.",
  commentCancelled: "Baik, komentar dibatalkan. Pesan Anda berikutnya akan diteruskan ke tim OSDM seperti biasa.",
  nothingToCancel: "Tidak ada yang perlu dibatalkan.",
  relayUnsupported: "Maaf, jenis pesan ini belum dapat diteruskan. Silakan kirim teks, foto, dokumen, pesan suara, atau video.",
  notATicket: "Balasan ini tidak diteruskan: pesan yang Anda balas bukan bagian dari tiket. Balas (reply) pesan pertanyaan pegawai.",
  nobodyBound: (t: TiketWithAsker) =>
    `Balasan ini tidak diteruskan: ${e(t.nama)} (tiket #T${t.id}) saat ini tidak terhubung dengan akun Telegram mana pun. ` +
    "Jawaban akan dapat dikirim setelah pegawai mendaftar lagi dengan /daftar.",
  ticketCommandUsage: (command: string) => `Untuk ${TICKET_COMMAND_PURPOSE[command] ?? "memakai perintah ini"}, balas (reply) salah satu pesan tiket dengan /${command}.`,
  ticketClaimed: (t: TiketWithAsker, staffName: string) => `🙋 Tiket <b>#T${t.id}</b> (${e(t.nama)}) diambil oleh ${e(staffName)}.`,
  ticketAlreadyYours: (t: TiketWithAsker) => `Tiket <b>#T${t.id}</b> sudah Anda ambil.`,
  ticketTakenOver: (t: TiketWithAsker, staffName: string, from: string) =>
    `🔁 Tiket <b>#T${t.id}</b> (${e(t.nama)}) diambil alih oleh ${e(staffName)} dari ${e(from)}.`,
  askerBlocked: (t: TiketWithAsker, staffName: string) =>
    `⛔ Pesan ${e(t.nama)} (NIP ${e(t.nip)}) tidak lagi diteruskan ke grup ini (diblokir oleh ${e(staffName)}). ` +
    "Pegawai diberi tahu sekali saat mengirim pesan berikutnya. Buka lagi dengan membalas pesan tiketnya dengan /bukablokir.",
  askerAlreadyBlocked: (t: TiketWithAsker) => `${e(t.nama)} sudah diblokir sebelumnya.`,
  askerUnblocked: (t: TiketWithAsker, staffName: string) => `✅ Blokir ${e(t.nama)} dibuka oleh ${e(staffName)}: pesannya diteruskan lagi ke grup ini.`,
  askerNotBlocked: (t: TiketWithAsker) => `${e(t.nama)} tidak sedang diblokir.`,
  savedAnswerList: (codes: string[]) =>
    codes.length === 0
      ? "Belum ada jawaban siap. Admin dapat menambahkannya di berkas konten jawaban-siap.md."
      : `<b>Jawaban siap</b> (kirim dengan /jawab kode sebagai balasan pada pesan tiket, atau di topik pegawai):\n${codes.map((c) => `• <code>${e(c)}</code>`).join("\n")}`,
  savedAnswerUnknown: (code: string, codes: string[]) =>
    `Jawaban siap <code>${e(code)}</code> tidak ada. ${codes.length > 0 ? `Kode yang tersedia: ${codes.map((c) => `<code>${e(c)}</code>`).join(", ")}.` : "Belum ada jawaban siap."}`,
  editedMark: "<i>(diedit)</i>",
  editNotFollowed:
    "⚠️ Suntingan ini tidak dapat diterapkan pada salinan pegawai (album, stiker, atau teks baru terlalu panjang). " +
    "Kirim koreksinya sebagai pesan baru di tiket ini.",
  noteKept: "📝 Catatan internal: tidak dikirim ke pegawai.",
  forumRightsMissing: (missing: string[]) =>
    `⚠️ Grup ini memakai topik, tetapi bot belum memiliki hak admin: <b>${missing.map(e).join("</b>, <b>")}</b>. ` +
    "Sampai hak itu diberikan (Info grup → Administrator → bot) dan bot dijalankan ulang, pertanyaan pegawai muncul di topik General " +
    "dan dijawab dengan membalas (reply) pesannya.",
  forumRightsPartial: (missing: string[]) =>
    `⚠️ Bot bekerja dengan topik, tetapi belum memiliki hak admin: <b>${missing.map(e).join("</b>, <b>")}</b>. Berikan hak itu agar semua fitur berjalan.`,
  blockedNotice:
    "Mohon maaf, pesan Anda saat ini tidak dapat diteruskan kepada tim OSDM melalui chat ini. " +
    "Untuk keperluan kepegawaian, silakan menghubungi Biro OSDM secara langsung pada jam layanan (lihat /jam). " +
    "Menu, panduan, dan data pribadi Anda tetap dapat dipakai seperti biasa.",
  ticketClosedInGroup: (t: TiketWithAsker) => `🔒 Tiket <b>#T${t.id}</b> (${e(t.nama)}) ditutup. Pegawai sudah diberi tahu.`,
  ticketAlreadyClosed: (t: TiketWithAsker) => `Tiket <b>#T${t.id}</b> sudah ditutup sebelumnya.`,
  pengumumanUsage:
    "Untuk membuat pengumuman, balas (reply) pesan yang ingin diumumkan (teks, foto, atau dokumen) dengan /pengumuman.",
  notAdmin: "Maaf, hanya admin kepegawaian (hak_pengguna admin) yang dapat mengirim pengumuman.",
  announcementConfirm: (recipients: number) =>
    `📢 Kirim pesan yang Anda balas ke <b>${recipients}</b> pegawai aktif yang terdaftar?`,
  announcementSend: "✅ Kirim",
  announcementCancel: "❌ Batal",
  announcementStarted: (id: number, recipients: number) =>
    `📢 Pengumuman #${id} sedang dikirim ke ${recipients} pegawai. Laporan akan muncul di sini setelah selesai.`,
  announcementCancelled: "Pengumuman dibatalkan.",
  announcementNotDraft: "Pengumuman ini sudah dikirim atau dibatalkan.",
  newsForStaff:
    "🗞️ Kabar baru di /terkini (di atas). Admin dapat mengirimkannya ke semua pegawai dengan membalas (reply) pesan kabar itu dengan /pengumuman.",
  /** `promise`: where each unanswered ticket stands against the first-answer target. */
  openTickets: (rows: TiketWithAsker[], total: number, now: number, promise: (t: TiketWithAsker) => PromiseState) =>
    total === 0
      ? "🎉 Tidak ada tiket terbuka."
      : [
          `<b>📂 Tiket terbuka: ${total}</b> (terlama di atas)`,
          "",
          ...rows.map(
            (t) =>
              `<b>#T${t.id}</b> · ${e(t.nama)}${t.unit_kerja ? ` (${e(t.unit_kerja)})` : ""} · ${formatDuration(now - t.ditanya)}` +
              (t.dijawab_pertama ? " · sudah dijawab" : ` · <i>belum dijawab</i>${PROMISE_MARK[promise(t)]}`) +
              (t.nama_pengambil ? ` · 🙋 ${e(t.nama_pengambil)}` : ""),
          ),
          ...(total > rows.length ? ["", `… dan ${total - rows.length} tiket lainnya.`] : []),
          ...(rows.some((t) => !t.dijawab_pertama && promise(t) !== "on-time") ? ["", "⏳ mendekati target jawab · ⚠️ melewati target jawab"] : []),
        ].join("\n"),
};

/** What each ticket command does, for its usage line: "Untuk menutup tiket, balas …". */
const TICKET_COMMAND_PURPOSE: Record<string, string> = {
  selesai: "menutup tiket",
  ambil: "mengambil tiket",
  jawab: "mengirim jawaban siap",
  blokir: "memblokir pengirim tiket",
  bukablokir: "membuka blokir pengirim tiket",
};

const PROMISE_MARK: Record<PromiseState, string> = { "on-time": "", near: " ⏳", overdue: " ⚠️" };

/** "Senin–Kamis: 07.30–16.00": consecutive weekdays with the same hours on one line. */
function weekLines(days: WorkingDay[]): string[] {
  const lines: string[] = [];
  let run: WorkingDay[] = [];
  const flush = () => {
    const [first, last] = [run[0], run[run.length - 1]];
    if (!first || !last) return;
    const names = first === last ? WEEKDAYS[first.weekday - 1] : `${WEEKDAYS[first.weekday - 1]}–${WEEKDAYS[last.weekday - 1]}`;
    lines.push(`• ${names}: ${formatClockTime(first.startMinute)}–${formatClockTime(first.endMinute)}`);
  };
  for (const day of days) {
    const previous = run[run.length - 1];
    const continues = previous && previous.weekday + 1 === day.weekday && previous.startMinute === day.startMinute && previous.endMinute === day.endMinute;
    if (!continues) {
      flush();
      run = [];
    }
    run.push(day);
  }
  flush();
  return lines.length > 0 ? lines : ["Belum ada jam layanan yang ditetapkan."];
}

/** What the employee searched for, as quoted back: a long text is cut, so the answer stays one short message. */
function shortened(text: string): string {
  const chars = Array.from(text);
  return chars.length <= 80 ? text : `${chars.slice(0, 79).join("")}…`;
}

export const ANNOUNCEMENT_TEXTS: AnnouncementTexts = {
  finished: (id, o) =>
    `📢 Pengumuman #${id} selesai dikirim: <b>${o.terkirim}</b> terkirim, <b>${o.gagal}</b> gagal` +
    (o.gagal > 0 ? ` (${o.diblokir} memblokir bot, ${o.gagal - o.diblokir} lainnya, mis. akun dihapus).` : "."),
};

/** The relay's sentences; in forum mode the staff answer by writing in the topic instead of replying. */
export const relayTexts = (forum: boolean): RelayTexts => ({
  questionHeader: (ticketId, asker, isNew) =>
    `${isNew ? "❓" : "➕"} <b>#T${ticketId}</b> ${isNew ? "pertanyaan baru" : "lanjutan"}\n` +
    `Dari: <b>${e(asker.nama)}</b> · NIP ${e(asker.nip)}${asker.unit_kerja ? ` · ${e(asker.unit_kerja)}` : ""}` +
    (isNew ? `\n<i>${forum ? FORUM_HINT : REPLY_HINT}</i>` : ""),
  answerHeader: (ticketId, staffName) =>
    `💬 <b>Jawaban Tim OSDM</b> (tiket #T${ticketId})${staffName ? `\n— ${e(staffName)}` : ""}`,
  delivered: (ticketId, askerName) => `✅ Jawaban #T${ticketId} terkirim ke ${e(askerName)}.`,
  undeliverable: (ticketId, askerName, blocked) =>
    `⚠️ Jawaban #T${ticketId} tidak dapat dikirim ke ${e(askerName)}: ` +
    (blocked ? "pegawai telah memblokir bot atau menghapus akunnya." : "Telegram menolak pesan ini."),
  questionLost: (ticketId, askerName, reason) =>
    `⚠️ Pesan dari ${e(askerName)} untuk tiket #T${ticketId} tidak dapat ditampilkan di grup ini setelah beberapa kali dicoba ` +
    `(<code>${e(reason.slice(0, 200))}</code>). Pegawai sudah diminta mengirim ulang pesannya.`,
  resendQuestion: (ticketId) =>
    `⚠️ Maaf, salah satu pesan Anda untuk tiket <b>#T${ticketId}</b> tidak dapat diteruskan ke tim OSDM karena gangguan. ` +
    "Mohon kirim ulang pesan tersebut (untuk foto atau dokumen, kirim ulang filenya).",
  questionEdited: (ticketId, askerName, before, after) =>
    `✏️ ${e(askerName)} mengubah pesannya di tiket <b>#T${ticketId}</b>.\n\n<b>Sebelumnya:</b>\n${e(quoted(before))}\n\n<b>Sekarang:</b>\n${e(quoted(after))}`,
});

/** A text shown in a note, cut so the note stays one message; "(tanpa teks)" for a file without a caption. */
function quoted(text: string | null): string {
  if (!text) return "(tanpa teks)";
  const chars = Array.from(text);
  return chars.length <= 1500 ? text : `${chars.slice(0, 1499).join("")}…`;
}

const REPLY_HINT = "Balas (reply) pesan ini untuk menjawab; balas dengan /selesai untuk menutup.";
const FORUM_HINT = "Tulis di topik ini untuk menjawab (tanpa reply); awali dengan ! untuk catatan internal; /selesai untuk menutup.";
/** Telegram's limit on a topic's name. */
const TOPIC_NAME_LIMIT = 128;
const TOPIC_STATE = { baru: "🟢", dijawab: "🟡", selesai: "✅" } as const;

export const TOPIC_TEXTS: TopicTexts = {
  topicName: (t) => {
    const state = t.status === "selesai" ? "selesai" : t.dijawab_terakhir !== null && t.dijawab_terakhir >= (t.aktivitas_pegawai ?? 0) ? "dijawab" : "baru";
    const name = `${TOPIC_STATE[state]} #T${t.id} ${t.nama}${t.unit_kerja ? ` · ${t.unit_kerja}` : ""}${t.nama_pengambil ? ` · 🙋 ${t.nama_pengambil}` : ""}`;
    return Array.from(name).slice(0, TOPIC_NAME_LIMIT).join("");
  },
  topicRecreated: (t) =>
    `♻️ Topik ini dibuat ulang karena topik sebelumnya dihapus. Tiket terbuka <b>#T${t.id}</b> dari ${e(t.nama)}, ` +
    `${t.dijawab_pertama ? "sudah dijawab" : "belum dijawab"}; pesan berikutnya muncul di sini.`,
};

const CLOSED_HOW = {
  staf: "telah ditutup oleh tim OSDM",
  pegawai: "ditutup atas konfirmasi Anda",
  otomatis: "ditutup otomatis karena tidak ada tanggapan dari Anda setelah jawaban terakhir",
  panduan: "ditutup karena sudah terjawab oleh panduan",
} as const;

export const CLOSING_TEXTS: ClosingTexts = {
  rateRequest: (ticketId, closedBy) =>
    `🔒 Tiket <b>#T${ticketId}</b> ${CLOSED_HOW[closedBy]}. Terima kasih.\n\n` +
    "⭐ Bagaimana layanan kami untuk tiket ini? Pilih nilai 1 (sangat kurang) sampai 5 (sangat baik).\n" +
    "Jika masih ada pertanyaan, silakan tulis pesan baru.",
  closedByEmployee: (ticketId, askerName) => `✅ Tiket <b>#T${ticketId}</b> (${e(askerName)}) ditutup oleh pegawai: pertanyaannya sudah terjawab.`,
  closedAutomatically: (ticketId, askerName, days) =>
    `🔒 Tiket <b>#T${ticketId}</b> (${e(askerName)}) ditutup otomatis: tidak ada tanggapan pegawai ${days} hari setelah jawaban terakhir.`,
  closedByGuide: (ticketId, askerName, topic) =>
    `📖 Tiket <b>#T${ticketId}</b> (${e(askerName)}) ditutup oleh pegawai: pertanyaannya terjawab oleh panduan ` +
    `<b>${e(topic.title)}</b> (${e(topic.categoryTitle)}). Tidak perlu dijawab lagi.`,
};

export const PROMISE_TEXTS: PromiseTexts = {
  nearTarget: (ticketId, askerName, leftMs) =>
    `⏳ Tiket <b>#T${ticketId}</b> (${e(askerName)}) belum dijawab: sisa waktu menuju target jawab ${formatDuration(leftMs)} (dalam jam layanan).`,
  overdue: (ticketId, askerName, targetMs) =>
    `⚠️ Tiket <b>#T${ticketId}</b> (${e(askerName)}) belum dijawab dan sudah melewati target jawab (${formatDuration(targetMs)} dalam jam layanan).`,
};
