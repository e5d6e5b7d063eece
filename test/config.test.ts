import { expect } from "chai";
import { ConfigError, loadConfig } from "../src/config.js";

const REQUIRED = { BOT_TOKEN: "123456789:AAHabcdefghijklmnopqrstuvwxyz012345", STAFF_GROUP_ID: "-1001234567890" };

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe("configuration", () => {
  describe("RETENTION_DAYS", () => {
    it("keeps message texts 365 days unless set", () => {
      expect(loadConfig(REQUIRED).retentionDays).to.equal(365);
      expect(loadConfig({ ...REQUIRED, RETENTION_DAYS: " 90 " }).retentionDays).to.equal(90);
    });

    it("refuses anything but a positive whole number of days, saying so in Indonesian", () => {
      for (const value of ["0", "-30", "1.5", "setahun", "", "365d"]) {
        const problems = problemsOf({ ...REQUIRED, RETENTION_DAYS: value });
        expect(problems, value).to.have.length(1);
        expect(problems[0]).to.contain("RETENTION_DAYS harus bilangan bulat positif (jumlah hari), contoh 365");
      }
    });
  });

  describe("TELEGRAM_API_ROOT", () => {
    it("takes https anywhere, and plain http only to this machine (a local Bot API server)", () => {
      for (const root of [
        "https://api.telegram.org",
        "https://botapi.osdm.go.id:8443",
        "http://127.0.0.1:8081",
        "http://127.5.6.7",
        "http://localhost:8081",
        "http://LOCALHOST",
        "http://[::1]:8081",
      ]) {
        expect(loadConfig({ ...REQUIRED, TELEGRAM_API_ROOT: root }).telegramApiRoot, root).to.equal(root);
      }
    });

    it("refuses plain http to any other host at start, with the reason in Indonesian", () => {
      for (const root of ["http://api.telegram.org", "http://10.0.0.5:8081", "http://128.0.0.1", "http://localhost.evil.example", "ftp://api.telegram.org"]) {
        const problems = problemsOf({ ...REQUIRED, TELEGRAM_API_ROOT: root });
        expect(problems, root).to.have.length(1);
        expect(problems[0]).to.contain("TELEGRAM_API_ROOT harus diawali https://").and.contain("localhost, 127.0.0.1, ::1");
      }
    });

    it("says once that a value is not a URL at all", () => {
      expect(problemsOf({ ...REQUIRED, TELEGRAM_API_ROOT: "api.telegram.org" })).to.deep.equal([
        "TELEGRAM_API_ROOT harus URL, contoh https://api.telegram.org (atur di file .env atau environment)",
      ]);
    });
  });
});
