// A small, conservative Indonesian stemmer: one prefix (me-, ber-, di-, ter-, pe-, per-, ke-…-an, and the chat forms
// ng-/nge-…-in) and one suffix (-kan, -an, -i, and the particle -nya) come off, so "pengajuan", "mengajukan", "diajukan"
// and "ngajuin" all meet at "aju". Without a dictionary a nasal prefix is ambiguous ("menilai" is me+nilai, "menulis"
// men+tulis), so such words give both readings; a wrong reading is a word nobody writes, and costs nothing.

/** Roots that look affixed and are not: left whole. */
const ROOTS = new Set([
  "dinas", "diklat", "berita", "berkas", "besar", "benar", "bentuk", "beras", "berat", "bersih", "terbit", "terima", "teras",
  "pensiun", "pertama", "perlu", "peran", "pesan", "penting", "perut", "pena", "kerja", "kelas", "kecil", "keluarga", "kembali",
  "kepala", "kenal", "ketua", "bulan", "jalan", "makan", "badan", "taman", "teman", "aman", "iman", "ijazah", "mulai", "sampai",
  "selesai", "pakai", "nilai", "ganti", "tentang", "melati", "median", "diri", "dini", "lain", "ingin", "izin", "ijin", "main",
  "kain", "angkatan", "satyalencana", "perihal", "perdana", "permisi", "pegawai", "persen", "disiplin", "dialog", "digital", "direktur", "diskusi", "dispensasi", "diploma", "distribusi", "dingin", "keras",
  "kereta", "kemeja", "ketik", "kena", "keadaan", "beban", "belanja", "bebas", "bekal", "telepon", "tema", "terang",
]);

/** Forms no rule reaches: ber- and pe- lose their r before these roots. */
const IRREGULAR: Record<string, string> = {
  bekerja: "kerja",
  pekerja: "kerja",
  pekerjaan: "kerja",
  belajar: "ajar",
  pelajar: "ajar",
  pelajaran: "ajar",
  pembelajaran: "ajar",
  mempelajari: "ajar",
};

const VOWEL = /^[aiueo]/;
const MIN_STEM = 3;

interface Reading {
  stem: string;
  prefix: string;
}

/**
 * The word's stems, the likeliest first; a word the stemmer leaves alone is its own single stem. `word` must be
 * folded (lower case, no accents), as `foldedWords` gives it.
 */
export function stem(word: string): string[] {
  const irregular = IRREGULAR[word];
  if (irregular) return [irregular];
  if (word.length < 4 || ROOTS.has(word) || /\d/.test(word)) return [word];
  const base = withoutParticle(word);
  const root = [base, ...["kan", "an", "i"].filter((suffix) => base.endsWith(suffix)).map((suffix) => base.slice(0, -suffix.length))].find((w) => ROOTS.has(w));
  if (root) return [root];
  const stems = readings(base).flatMap(withSecondPrefix).map(({ stem, prefix }) => withoutSuffix(stem, prefix));
  const unique = [...new Set(stems.filter((s) => s.length >= MIN_STEM))];
  return unique.length > 0 ? unique : [base];
}

/** -nya, the particle chat is full of: "caranya" → "cara". (-lah and -kah are rare in questions, and "menikah" ends in one.) */
function withoutParticle(word: string): string {
  return word.endsWith("nya") && word.length - 3 >= 4 ? word.slice(0, -3) : word;
}

/** What the word may be without its prefix; the word itself when it has none. */
function readings(word: string): Reading[] {
  const after = (prefix: string) => word.slice(prefix.length);
  const one = (prefix: string, ...stems: string[]): Reading[] => stems.map((stem) => ({ stem, prefix }));
  const nasal = (p: "me" | "pe"): Reading[] | undefined => {
    if (word.startsWith(`${p}ng`)) {
      const rest = after(`${p}ng`);
      return VOWEL.test(rest) ? one(`${p}ng`, rest, `k${rest}`) : one(`${p}ng`, rest);
    }
    if (word.startsWith(`${p}ny`) && VOWEL.test(after(`${p}ny`))) return one(`${p}ny`, `s${after(`${p}ny`)}`);
    if (word.startsWith(`${p}m`)) {
      const rest = after(`${p}m`);
      if (/^[bfpv]/.test(rest)) return one(`${p}m`, rest);
      if (VOWEL.test(rest)) return one(`${p}m`, `p${rest}`, `m${rest}`);
    }
    if (word.startsWith(`${p}n`)) {
      const rest = after(`${p}n`);
      if (/^[cdjz]/.test(rest)) return one(`${p}n`, rest);
      if (VOWEL.test(rest)) return one(`${p}n`, `t${rest}`, `n${rest}`);
    }
    if (/^[lrwy]/.test(after(p))) return one(p, after(p));
    return undefined;
  };
  if (word.startsWith("me")) return nasal("me") ?? [{ stem: word, prefix: "" }];
  if (word.startsWith("per") && word.length > 6) return [...one("per", after("per")), ...(nasal("pe") ?? [])];
  if (word.startsWith("pe")) return nasal("pe") ?? one("pe", after("pe"));
  if (word.startsWith("ber")) return one("ber", after("ber"));
  if (word.startsWith("ter")) return one("ter", after("ter"));
  if (word.startsWith("di")) return one("di", after("di"));
  // ke- only with -an: "kenaikan", "kesehatan"; "kerja", "kelas" and "keluarga" keep their ke.
  if (word.startsWith("ke") && word.endsWith("an") && word.length >= 7) return one("ke", after("ke"));
  if (word.startsWith("nge") && !VOWEL.test(after("nge"))) return one("nge", after("nge"));
  if (word.startsWith("ng") && VOWEL.test(after("ng"))) return one("ng", after("ng"));
  // "nyusun" is menyusun, "nyari" mencari: the chat form of meny- and men- before c.
  if (word.startsWith("ny") && VOWEL.test(after("ny"))) return one("ng", `s${after("ny")}`, `c${after("ny")}`);
  return [{ stem: word, prefix: "" }];
}

/** "pemberhentian" is pem+ber+henti+an: after me-, pe-, di- or ke-, a ber- or per- may come off too (both readings kept). */
function withSecondPrefix(reading: Reading): Reading[] {
  const { stem, prefix } = reading;
  if (prefix === "" || prefix === "ber" || prefix === "per" || prefix === "ter") return [reading];
  const second = ["ber", "per"].find((p) => stem.startsWith(p) && stem.length - p.length >= 4);
  return second ? [reading, { stem: stem.slice(second.length), prefix }] : [reading];
}

/** One suffix, as the prefix allows: pe- and ke- take -an (never -kan); -i only after di- or me-; -in only in chat forms. */
function withoutSuffix(word: string, prefix: string): string {
  const cut = (suffix: string) => (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM ? word.slice(0, -suffix.length) : undefined);
  const nounPrefix = prefix === "ke" || prefix.startsWith("pe");
  // The colloquial -in of "ngajuin" and "diurusin"; after di- only on a longer stem, so "dijamin" stays "jamin".
  const chat = prefix === "ng" || prefix === "nge" ? cut("in") : prefix === "di" && word.length >= 6 ? cut("in") : undefined;
  if (chat) return chat;
  // The -i of a transitive verb, only after di- or me-: "diikuti" → ikut, "disetujui" → setuju. Roots in -ai, -ei, -oi
  // ("pakai", "nilai") and loanwords in -si ("dimutasi", "diapresiasi") keep their i.
  const transitive = prefix === "di" || prefix.startsWith("me");
  const verbI = transitive && !ROOTS.has(word) && /[^aeio]i$/.test(word) && !/[aiueo]si$/.test(word) ? cut("i") : undefined;
  return (nounPrefix ? undefined : cut("kan")) ?? cut("an") ?? verbI ?? word;
}
