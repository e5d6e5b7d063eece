import { expect } from "chai";
import { renderMarkdown } from "../../src/content/markdown.js";
import { MESSAGE_LIMIT } from "../../src/content/limits.js";
import { packBlocks, splitHtml } from "../../src/content/split-html.js";
import { isBalancedTelegramHtml, visibleText } from "./telegram-html.js";

function words(html: string[]): string[] {
  return html.flatMap((chunk) => visibleText(chunk).split(/\s+/)).filter((word) => word !== "");
}

describe("long answers split into several messages", () => {
  const paragraphs = Array.from(
    { length: 40 },
    (_, index) => `Paragraf ${index + 1} berisi **ketentuan penting** dan *catatan*: ${"persyaratan berkas ".repeat(12).trim()}.`,
  );
  const html = renderMarkdown(paragraphs.join("\n\n")).html;

  it("cuts a 10,000-character answer at paragraph breaks into valid messages of at most 4096 characters", () => {
    expect(html.length).to.be.greaterThan(10_000);
    const chunks = splitHtml(html);
    expect(chunks.length).to.be.within(3, 4);
    for (const chunk of chunks) {
      expect(chunk.length).to.be.at.most(MESSAGE_LIMIT);
      expect(isBalancedTelegramHtml(chunk)).to.equal(true);
      expect(chunk).to.match(/^Paragraf \d+ /);
      expect(chunk).to.match(/\.$/);
    }
    expect(words(chunks)).to.deep.equal(words([html]));
  });

  it("leaves a short answer as one message", () => {
    expect(splitHtml("<b>singkat</b>")).to.deep.equal(["<b>singkat</b>"]);
  });

  it("cuts a monstrous paragraph at line breaks, then between words, reopening formatting", () => {
    const lines = Array.from({ length: 300 }, (_, index) => `baris ${index} ${"kata ".repeat(4)}`.trim()).join("\n");
    const byLine = splitHtml(`<blockquote>${lines}</blockquote>`, 1000);
    for (const chunk of byLine) {
      expect(chunk).to.match(/^<blockquote>baris \d+ .*kata<\/blockquote>$/s);
      expect(chunk.length).to.be.at.most(1000);
    }
    const oneLine = `<b>${"kata ".repeat(2000).trim()}</b>`;
    const byWord = splitHtml(oneLine);
    expect(byWord.length).to.equal(3);
    for (const chunk of byWord) {
      expect(chunk).to.match(/^<b>kata( kata)*<\/b>$/);
      expect(isBalancedTelegramHtml(chunk)).to.equal(true);
    }
  });

  it("never cuts inside a tag or an entity, even in a word longer than a message", () => {
    const monster = `<a href="https://contoh.go.id">${"x&amp;y".repeat(1500)}</a>`;
    const chunks = splitHtml(monster);
    for (const chunk of chunks) {
      expect(chunk.length).to.be.at.most(MESSAGE_LIMIT);
      expect(isBalancedTelegramHtml(chunk)).to.equal(true);
    }
    expect(chunks.map(visibleText).join("")).to.equal("x&y".repeat(1500));
  });

  it("packs small blocks into as few messages as fit", () => {
    const blocks = Array.from({ length: 10 }, (_, index) => `<b>Kabar ${index}</b>\n${"isi ".repeat(250).trim()}`);
    const messages = packBlocks(blocks);
    expect(messages.length).to.equal(3);
    expect(messages.join("\n\n")).to.equal(blocks.join("\n\n"));
  });
});
