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

  it("leaves other texts alone", () => {
    expect(redactDaftar("/daftar")).to.equal("/daftar");
    expect(redactDaftar("/daftar 1985")).to.equal("/daftar 1985");
    expect(redactDaftar("saya mau daftar 123 abc")).to.equal("saya mau daftar 123 abc");
    expect(redactDaftar("/daftarkan 1 2")).to.equal("/daftarkan 1 2");
  });
});
