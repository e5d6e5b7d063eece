import { expect } from "chai";
import { REDACTED, redactDaftar } from "../../src/domain/redact.js";

describe("redacting /daftar passwords", () => {
  it("keeps the command and the NIP, hides the password", () => {
    expect(redactDaftar("/daftar 198501012010011001 rahasia123")).to.equal(`/daftar 198501012010011001 ${REDACTED}`);
  });

  it("hides a password with spaces and one sent as /daftar@bot", () => {
    const out = redactDaftar("/daftar@sinawai_bot 198501012010011001 kata sandi panjang");
    expect(out).to.equal(`/daftar@sinawai_bot 198501012010011001 ${REDACTED}`);
    expect(out).not.to.contain("sandi");
  });

  it("hides a first word that is no NIP: it may be the password of someone who left the NIP out", () => {
    expect(redactDaftar("/daftar rahasia123")).to.equal(`/daftar ${REDACTED}`);
    expect(redactDaftar("/daftar 1985")).to.equal(`/daftar ${REDACTED}`);
    expect(redactDaftar("/daftar ١٩٨٥٠١٠١٢٠١٠٠١١٠٠١ rahasia")).to.equal(`/daftar ${REDACTED}`);
  });

  it("hides the password after /Daftar, /DAFTAR and invisible padding, keeping the NIP as 18 ASCII digits", () => {
    expect(redactDaftar("/DAFTAR 198501012010011001 rahasia")).to.equal(`/DAFTAR 198501012010011001 ${REDACTED}`);
    expect(redactDaftar("\u200B/Daftar@Sinawai_Bot\u200B\u202E198501012010011001\u202C\nrahasia")).to.equal(
      `/Daftar@Sinawai_Bot 198501012010011001 ${REDACTED}`,
    );
    expect(redactDaftar("/daftar 19850101\uFEFF2010011001 rahasia")).to.equal(`/daftar 198501012010011001 ${REDACTED}`);
    expect(redactDaftar(`/daftar ${"\u200B".repeat(4000)}１９８５０１０１２０１００１１００１ rahasia`)).to.equal(`/daftar 198501012010011001 ${REDACTED}`);
  });

  it("hides the arguments of a mistyped /daftar that carries a NIP's worth of digits", () => {
    expect(redactDaftar("/dаftar 198501012010011001 rahasia")).to.equal(`/dаftar ${REDACTED}`);
    expect(redactDaftar("/dafter 1985 0101 2010 011001 rahasia")).to.equal(`/dafter ${REDACTED}`);
    expect(redactDaftar("/dаftar ١٩٨٥٠١٠١٢٠١٠٠١١٠٠١ rahasia")).to.equal(`/dаftar ${REDACTED}`);
  });

  it("leaves other texts alone", () => {
    expect(redactDaftar("/daftar")).to.equal("/daftar");
    expect(redactDaftar("/daftar 198501012010011001")).to.equal("/daftar 198501012010011001");
    expect(redactDaftar("saya mau daftar 123 abc")).to.equal("saya mau daftar 123 abc");
    expect(redactDaftar("/daftarkan 1 2")).to.equal("/daftarkan 1 2");
    expect(redactDaftar("NIP saya 198501012010011001, kapan tunkin cair?")).to.equal("NIP saya 198501012010011001, kapan tunkin cair?");
    expect(redactDaftar("/tunkin 2026")).to.equal("/tunkin 2026");
  });
});
