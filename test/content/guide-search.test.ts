import { expect } from "chai";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ContentStore } from "../../src/content/content-store.js";
import { buildGuideIndex, suggestTopics, type GuideIndex } from "../../src/content/search/guide-index.js";
import { liveGuideIndex } from "../../src/content/search/live-index.js";
import { stem } from "../../src/content/search/stemmer.js";
import { phraseKey, termsOf } from "../../src/content/search/terms.js";
import { fold } from "../../src/content/search/words.js";
import type { Content } from "../../src/content/types.js";
import { shippedContent } from "../support/suggestion-quality.js";

describe("searching the guides", () => {
  describe("the Indonesian stemmer", () => {
    const stems = (word: string) => stem(word);

    it("brings a root's verb, noun and chat forms together", () => {
      for (const word of ["pengajuan", "mengajukan", "diajukan", "ajukan", "ngajuin"]) expect(stems(word), word).to.include("aju");
      for (const word of ["kenaikan", "naik"]) expect(stems(word), word).to.include("naik");
      for (const word of ["pelatihan", "latihan", "dilatih"]) expect(stems(word), word).to.include("latih");
      for (const word of ["tunjangan", "tunjangannya"]) expect(stems(word), word).to.deep.equal(["tunjang"]);
      for (const word of ["pemberhentian", "berhenti", "diberhentikan"]) expect(stems(word), word).to.include("henti");
      for (const word of ["pembayaran", "dibayar", "dibayarkan", "bayar"]) expect(stems(word), word).to.include("bayar");
      for (const word of ["terlambat", "lambat"]) expect(stems(word), word).to.include("lambat");
      for (const word of ["perpindahan", "dipindah", "pindah"]) expect(stems(word), word).to.include("pindah");
      for (const word of ["menikah", "pernikahan", "nikah"]) expect(stems(word), word).to.include("nikah");
      for (const word of ["kesehatan", "sehat"]) expect(stems(word), word).to.include("sehat");
      expect(stems("diurusin")).to.include("urus");
      expect(stems("diikuti")).to.include("ikut");
    });

    it("gives both readings of an ambiguous nasal prefix", () => {
      expect(stems("menilai")).to.have.members(["tilai", "nilai"]);
      expect(stems("mengirim")).to.have.members(["irim", "kirim"]);
      expect(stems("penyusunan")).to.deep.equal(["susun"]);
    });

    it("leaves alone what only looks affixed: roots, loanwords, short words, abbreviations and numbers", () => {
      for (const word of ["pensiun", "dinas", "disiplin", "berkas", "bulan", "pegawai", "kerja", "keluarga", "pangkat", "kinerja", "cuti", "gaji", "tunkin", "skp", "2021"]) {
        expect(stems(word), word).to.deep.equal([word]);
      }
      expect(stems("dimutasi")).to.deep.equal(["mutasi"]);
      expect(stems("pensiunan")).to.deep.equal(["pensiun"]);
    });
  });

  describe("words", () => {
    it("folds case, accents, full-width letters and punctuation", () => {
      expect(fold("Kenaikan PANGKAT")).to.equal("kenaikan pangkat");
      const words = (text: string) => termsOf(text).map((t) => t.word);
      expect(words("Ｔｕｎｋｉｎ bulan ini, kok BLM masuk ya?!")).to.deep.equal(["tunkin", "bulan", "masuk"]);
      expect(words("Café-é e-Kinerja")).to.deep.equal(["cafe", "kinerja"]);
    });

    it("drops greetings, question words, fillers and Javanese politeness, keeping what a question is about", () => {
      expect(termsOf("min, gmn caranya ngajuin cuti besar?").map((t) => t.word)).to.deep.equal(["ngajuin", "cuti", "besar"]);
      expect(termsOf("nyuwun sewu pak, menawi badhe cuti melahirkan pripun?").map((t) => t.word)).to.deep.equal(["cuti", "melahirkan"]);
      expect(phraseKey("Kenaikan Pangkat")).to.deep.equal(["naik", "pangkat"]);
      expect(phraseKey("yang dan bagaimana")).to.deep.equal([]);
    });
  });

  describe("the index", () => {
    let content: Content;
    let index: GuideIndex;
    before(async () => {
      content = await shippedContent();
      index = buildGuideIndex(content);
    });
    const titles = (hits: { title: string }[]) => hits.map((hit) => hit.title);

    it("offers the topic that answers a question, its title first", () => {
      expect(titles(suggestTopics(index, "berapa lama proses kenaikan pangkat?"))[0]).to.equal("Kenaikan Pangkat");
    });

    it("finds a topic through sinonim.md and through a Kata kunci line", () => {
      expect(titles(suggestTopics(index, "KP saya kapan?"))).to.include("Kenaikan Pangkat");
      expect(titles(suggestTopics(index, "cara ngajuin CLTN"))[0]).to.equal("Cuti Pegawai");
      // "MPP" is written nowhere in the topics: only sinonim.md says it is the masa persiapan pensiun.
      expect(titles(suggestTopics(index, "cara ajukan MPP"))).to.include("Pensiun Batas Usia (BUP)");
      expect(suggestTopics(buildGuideIndex({ ...content, synonyms: [] }), "cara ajukan MPP")).to.deep.equal([]);
    });

    it("tolerates a typo in a longer word", () => {
      expect(titles(suggestTopics(index, "syarat satyalencna apa?"))[0]).to.equal("Penghargaan Satyalencana Karya Satya");
    });

    it("offers nothing for a question no guide answers, or one with no words that say what it is about", () => {
      expect(suggestTopics(index, "kantin lantai 2 buka jam berapa?")).to.deep.equal([]);
      expect(suggestTopics(index, "halo min, selamat pagi")).to.deep.equal([]);
      expect(suggestTopics(index, "")).to.deep.equal([]);
    });

    it("offers at most three topics, and searches news and documents only when asked", () => {
      expect(suggestTopics(index, "cuti tunjangan pensiun pangkat pelatihan kinerja").length).to.be.at.most(3);
      const found = index.search("formulir cuti", ["topic", "news", "document"], 6);
      expect(found.map((hit) => hit.kind)).to.include("document");
      expect(index.search("formulir cuti", ["topic"], 6).every((hit) => hit.kind === "topic")).to.equal(true);
      expect(index.search("usulan kebutuhan pelatihan 2027", ["news"], 6).map((hit) => hit.title)).to.include("Usulan kebutuhan pelatihan tahun 2027 dibuka");
    });
  });

  it("follows content edits: a new Kata kunci line or synonym counts from the next question on", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "sinawai-search-"));
    const quiet = { info: () => undefined, warn: () => undefined };
    let store: ContentStore | undefined;
    try {
      await cp("content", dir, { recursive: true });
      store = await ContentStore.open(dir, quiet, { debounceMs: 50 });
      const index = liveGuideIndex(store);
      const question = "sepeda motor dinas boleh dibawa pulang?";
      expect(suggestTopics(index, question)).to.deep.equal([]);

      const file = path.join(dir, "jahdis.md");
      const text = await readFile(file, "utf8");
      await writeFile(file, text.replace("## Disiplin PNS (PP 94/2021)\nKata kunci: ", "## Disiplin PNS (PP 94/2021)\nKata kunci: sepeda motor dinas, "));
      const deadline = Date.now() + 5000;
      while (suggestTopics(index, question).length === 0) {
        if (Date.now() > deadline) throw new Error("the index did not follow the edit within 5 s");
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(suggestTopics(index, question)[0]!.title).to.equal("Disiplin PNS (PP 94/2021)");
    } finally {
      store?.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
