// Every sentence the bot writes from code (the editable pages and menus live in CONTENT_DIR). HTML parse mode.
import type { PenggunaRow } from "../db/pengguna-repo.js";
import type { LeaveBalance, TunkinMonth } from "../domain/employee-data.js";
import type { AnnouncementTexts } from "../domain/announcements.js";
import type { RelayTexts } from "../domain/relay/relay-service.js";
import type { TiketWithAsker } from "../db/tiket-repo.js";
import { escapeHtml as e, formatDuration, formatPeriode, formatRupiah } from "./format.js";

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
  closedByGuide: (ticketId: number) =>
    `✅ Terima kasih! Tiket <b>#T${ticketId}</b> ditutup karena pertanyaan Anda sudah terjawab oleh panduan. Jika masih ada pertanyaan, silakan kirim pesan baru.`,
  guideTicketAlreadyClosed: (ticketId: number) =>
    `Tiket <b>#T${ticketId}</b> sudah ditutup sebelumnya. Jika masih ada pertanyaan, silakan kirim pesan baru.`,
  temporaryFailure: "⚠️ Maaf, layanan sedang mengalami gangguan sementara. Silakan coba lagi beberapa saat lagi.",
  staleButton: "Menu ini sudah tidak berlaku. Silakan pilih dari menu terbaru.",
  documentUnavailable: "Maaf, dokumen ini sedang tidak dapat dikirim. Silakan coba lagi nanti.",
  groupNotStaff: (chatId: number) =>
    `Grup ini bukan grup staf OSDM yang terdaftar, jadi bot akan keluar.\nId grup ini: <code>${chatId}</code>\n` +
    `Jika ini memang grup staf OSDM, isi <code>STAFF_GROUP_ID=${chatId}</code> di konfigurasi bot, jalankan ulang bot, lalu tambahkan bot lagi.`,
  staffGroupHello: (chatId: number) => `Halo, tim OSDM! Pertanyaan pegawai akan muncul di grup ini (id <code>${chatId}</code>).`,
  questionReceived: (ticketId: number, isNew: boolean, suggested = false) =>
    (isNew
      ? `✅ Pertanyaan Anda sudah diteruskan ke tim OSDM dengan nomor tiket <b>#T${ticketId}</b>.\nMohon menunggu; jawaban akan dikirim di chat ini.`
      : `✅ Pesan tambahan Anda masuk ke tiket <b>#T${ticketId}</b>. Mohon menunggu jawaban tim OSDM.`) +
    (suggested ? "\n\n📖 Sambil menunggu, mungkin panduan berikut sudah menjawab pertanyaan Anda:" : ""),
  relayUnsupported: "Maaf, jenis pesan ini belum dapat diteruskan. Silakan kirim teks, foto, dokumen, pesan suara, atau video.",
  notATicket: "Balasan ini tidak diteruskan: pesan yang Anda balas bukan bagian dari tiket. Balas (reply) pesan pertanyaan pegawai.",
  nobodyBound: (t: TiketWithAsker) =>
    `Balasan ini tidak diteruskan: ${e(t.nama)} (tiket #T${t.id}) saat ini tidak terhubung dengan akun Telegram mana pun. ` +
    "Jawaban akan dapat dikirim setelah pegawai mendaftar lagi dengan /daftar.",
  selesaiUsage: "Untuk menutup tiket, balas (reply) salah satu pesan tiket dengan /selesai.",
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
  openTickets: (rows: TiketWithAsker[], total: number, now: number) =>
    total === 0
      ? "🎉 Tidak ada tiket terbuka."
      : [
          `<b>📂 Tiket terbuka: ${total}</b> (terlama di atas)`,
          "",
          ...rows.map(
            (t) =>
              `<b>#T${t.id}</b> · ${e(t.nama)}${t.unit_kerja ? ` (${e(t.unit_kerja)})` : ""} · ${formatDuration(now - t.ditanya)}` +
              (t.dijawab_pertama ? " · sudah dijawab" : " · <i>belum dijawab</i>"),
          ),
          ...(total > rows.length ? ["", `… dan ${total - rows.length} tiket lainnya.`] : []),
        ].join("\n"),
};

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

export const RELAY_TEXTS: RelayTexts = {
  questionHeader: (ticketId, asker, isNew) =>
    `${isNew ? "❓" : "➕"} <b>#T${ticketId}</b> ${isNew ? "pertanyaan baru" : "lanjutan"}\n` +
    `Dari: <b>${e(asker.nama)}</b> · NIP ${e(asker.nip)}${asker.unit_kerja ? ` · ${e(asker.unit_kerja)}` : ""}` +
    (isNew ? "\n<i>Balas (reply) pesan ini untuk menjawab; balas dengan /selesai untuk menutup.</i>" : ""),
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
  ticketClosed: (ticketId) =>
    `🔒 Tiket <b>#T${ticketId}</b> telah ditutup oleh tim OSDM. Terima kasih. Jika masih ada pertanyaan, silakan kirim pesan baru.`,
  closedByGuide: (ticketId, askerName, topic) =>
    `📖 Tiket <b>#T${ticketId}</b> (${e(askerName)}) ditutup oleh pegawai: pertanyaannya terjawab oleh panduan ` +
    `<b>${e(topic.title)}</b> (${e(topic.categoryTitle)}). Tidak perlu dijawab lagi.`,
};
