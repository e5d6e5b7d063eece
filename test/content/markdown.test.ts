import { expect } from "chai";
import { renderMarkdown } from "../../src/content/markdown.js";
import { isBalancedTelegramHtml, visibleText } from "./telegram-html.js";

describe("Markdown written by HR admins, shown in Telegram", () => {
  it("shows bold, italic, strikethrough, code and links as formatting", () => {
    const { html, problems } = renderMarkdown("**Penting**: isi *formulir* ~~lama~~ `/cuti` di [MyASN](https://myasn.bkn.go.id).");
    expect(problems).to.deep.equal([]);
    expect(html).to.equal(
      '<b>Penting</b>: isi <i>formulir</i> <s>lama</s> <code>/cuti</code> di <a href="https://myasn.bkn.go.id">MyASN</a>.',
    );
  });

  it("shows lists as bullets and numbers, a bold label staying right above its list", () => {
    const { html } = renderMarkdown("**Syarat**\n- SKP\n- SK pangkat\n\n3. tiga\n4. empat\n   - rinci");
    expect(html).to.equal("<b>Syarat</b>\n• SKP\n• SK pangkat\n\n3. tiga\n4. empat\n    • rinci");
  });

  it("separates paragraphs by a blank line and keeps line breaks inside one", () => {
    expect(renderMarkdown("baris satu\nbaris dua\n\nparagraf dua").html).to.equal("baris satu\nbaris dua\n\nparagraf dua");
  });

  it("shows HTML typed in a file literally instead of passing it to Telegram", () => {
    const source = "Ketik <b>tebal</b> atau <script>alert(1)</script> & <i>";
    const { html } = renderMarkdown(source);
    expect(html).to.not.match(/<b>|<script>|<i>/);
    expect(visibleText(html)).to.equal(source);
    expect(isBalancedTelegramHtml(html)).to.equal(true);
  });

  it("keeps &, _, * and a stray < as typed", () => {
    const source = "AT&T, NIP_lama_baru, 2 * 3 * 4, nilai < 70, a > b, *tidak tertutup, &amp;";
    const { html } = renderMarkdown(source);
    expect(visibleText(html)).to.equal("AT&T, NIP_lama_baru, 2 * 3 * 4, nilai < 70, a > b, *tidak tertutup, &");
    expect(isBalancedTelegramHtml(html)).to.equal(true);
  });

  it("shows quotes and code blocks, without nesting what Telegram cannot nest", () => {
    const { html } = renderMarkdown("> kutipan\n> > di dalam\n\n```\nkode <x> & y\n```");
    expect(html).to.equal("<blockquote>kutipan\ndi dalam</blockquote>\n\n<pre>kode &lt;x&gt; &amp; y</pre>");
    expect(isBalancedTelegramHtml(html)).to.equal(true);
  });

  it("keeps an indented paragraph as text and a paragraph above --- as text, not a heading", () => {
    expect(renderMarkdown("    menjorok").html).to.equal("menjorok");
    expect(renderMarkdown("Judul\n---").html).to.equal("Judul\n——————————");
  });

  it("reports a table and an image at their file lines instead of sending garbage", () => {
    const { problems } = renderMarkdown("teks\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nlihat\n![bagan](bagan.png)", 20);
    expect(problems.map((problem) => problem.line)).to.deep.equal([22, 27]);
    expect(problems[0]!.message).to.contain("tabel");
    expect(problems[1]!.message).to.contain("gambar");
  });

  it("reports links Telegram cannot open and shows their text plainly", () => {
    const { html, problems } = renderMarkdown("[formulir](formulir.pdf) dan [surel](mailto:osdm@contoh.go.id)");
    expect(html).to.equal("formulir dan surel");
    expect(problems).to.have.length(2);
    expect(problems[0]!.message).to.contain("https://");
    expect(problems[1]!.message).to.contain("email");
  });

  it("reports a heading typed without a space after ##", () => {
    const { problems } = renderMarkdown("jawaban\n##Topik baru");
    expect(problems).to.deep.equal([{ line: 2, message: 'baris ini tampak seperti judul; beri spasi setelah tanda #, contoh: "## Cuti Tahunan"' }]);
  });

  it("never puts a code tag inside a link", () => {
    const { html } = renderMarkdown("[`kode`](https://contoh.go.id/?a=1&b=2)");
    expect(html).to.equal('<a href="https://contoh.go.id/?a=1&amp;b=2">kode</a>');
  });
});
