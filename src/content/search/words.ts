// Cuts Indonesian text into the words a search compares (case, accents and punctuation folded), and knows the words
// that say nothing about a topic: function words, greetings, chat fillers, question words.

/** Words of a question or an answer that never tell one topic from another. Folded, as `foldedWords` returns them. */
const STOP_WORDS = new Set(
  [
    // function words
    "yang", "yg", "dan", "dn", "di", "ke", "dari", "dr", "untuk", "utk", "buat", "bwt", "dengan", "dgn", "dg", "sama", "pada", "pd",
    "dalam", "dlm", "atau", "atw", "ini", "itu", "tsb", "tersebut", "ada", "adalah", "ialah", "oleh", "bagi", "tentang", "ttg",
    "seperti", "kayak", "kyk", "kaya", "sebagai", "antara", "agar", "supaya", "biar", "karena", "krn", "karna", "soalnya",
    "kalau", "kalo", "klo", "kl", "jika", "jikalau", "bila", "apabila", "kalau", "namun", "tapi", "tp", "tetapi", "sedangkan",
    "lalu", "terus", "trus", "trs", "kemudian", "habis", "abis", "setelah", "sesudah", "sebelum", "sblm", "saat", "waktu", "ketika",
    "akan", "sedang", "lagi", "lg", "masih", "msh", "sudah", "sdh", "udah", "udh", "dah", "telah", "belum", "blm", "blum", "belom",
    "juga", "jg", "saja", "aja", "aj", "hanya", "cuma", "cuman", "sangat", "banget", "bgt", "sekali", "amat", "paling", "lebih",
    "semua", "setiap", "tiap", "para", "hal", "nya", "pun", "kah", "lah", "tah", "dll", "dsb", "dst", "yaitu", "yakni", "jadi", "jd",
    "gitu", "begitu", "begini", "gini", "sini", "situ", "sana", "kesini", "kesana", "mana", "tsb", "dst", "bs", "sm", "dgn",
    // question words
    "apa", "apakah", "apaan", "bagaimana", "bagaimanakah", "gimana", "gmn", "gmna", "bgmn", "gmana", "berapa", "brp", "brapa",
    "kapan", "kpn", "kapankah", "dimana", "dmn", "siapa", "sapa", "kenapa", "knp", "napa", "mengapa", "kok", "kog", "apakah",
    // people and address
    "saya", "sy", "aku", "gue", "gw", "gua", "kami", "kita", "anda", "kamu", "dia", "beliau", "mereka", "bapak", "ibu", "pak",
    "bu", "bpk", "min", "mimin", "admin", "kak", "kakak", "mas", "mbak", "mba", "bang", "dik", "adik", "rekan", "teman", "temen",
    "tim", "petugas", "sinawai", "bot",
    // politeness and chat
    "tolong", "tlg", "mohon", "mhn", "minta", "tanya", "nanya", "bertanya", "tanyakan", "pertanyaan", "info", "informasi", "infonya",
    "mau", "mo", "ingin", "pengen", "pingin", "pgn", "bisa", "bisakah", "bsa", "boleh", "bolehkah", "harus", "hrs", "perlu",
    "ya", "yah", "iya", "ok", "oke", "sih", "si", "dong", "donk", "deh", "nih", "tuh", "nah", "eh", "lho", "loh", "kan", "wkwk",
    "halo", "hallo", "hai", "hi", "selamat", "pagi", "siang", "sore", "malam", "assalamualaikum", "assalamualaikum", "wr", "wb",
    "permisi", "maaf", "mf", "terima", "kasih", "makasih", "terimakasih", "trims", "thx", "tks", "thanks", "sampun", "nggih", "njih",
    "mboten", "matur", "nuwun", "niki", "nika", "punika", "kulo", "kula", "panjenengan", "sampeyan", "opo", "piye", "pripun", "kapan",
    "nyuwun", "sewu", "menawi", "badhe", "pinten", "dereng", "wonten", "ingkang", "kaliyan", "arep", "wae", "mawon", "kok", "yo",
    "tidak", "tdk", "gak", "ga", "gk", "nggak", "ngga", "enggak", "engga", "ndak", "nda", "tak", "bukan", "bkn",
    "cara", "caranya", "gimana", "kira", "kira2", "kirakira", "dulu", "kemarin", "kmrn", "kmarin", "besok", "nanti", "ntar",
    "sekarang", "skrg", "skrng", "barusan", "tadi", "mungkin", "kayaknya", "sepertinya", "tentu", "pasti", "benar", "bener",
    "betul", "apa2", "sesuatu", "orang", "org", "seorang", "banyak", "sedikit", "begitu", "jelas", "jelasin", "dijelaskan", "penjelasan",
    "halo", "mohon", "bantu", "bantuannya", "bantuan", "dibantu", "membantu", "tanyain", "ditanyakan", "nanyain",
  ].map((word) => word.toLowerCase()),
);

/** Lower case, accents off, full-width and styled letters to plain ones: "Kenaikan PANGKAT" and "kenaikan pangkat" agree. */
export function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Every word of the text, folded, in order; punctuation separates words, single letters and lone digits are dropped. */
export function foldedWords(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2 && !/^\d$/.test(word));
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}
