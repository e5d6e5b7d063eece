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

  describe("TARGET_JAWAB_JAM and TUTUP_OTOMATIS_HARI", () => {
    it("promise a first answer within 8 service hours and close a quiet answered ticket after 3 days unless set", () => {
      expect(loadConfig(REQUIRED)).to.include({ answerTargetHours: 8, autoCloseDays: 3 });
      expect(loadConfig({ ...REQUIRED, TARGET_JAWAB_JAM: "4,5", TUTUP_OTOMATIS_HARI: "7" })).to.include({ answerTargetHours: 4.5, autoCloseDays: 7 });
      expect(loadConfig({ ...REQUIRED, TARGET_JAWAB_JAM: " 16.25 " }).answerTargetHours).to.equal(16.25);
    });

    it("refuse a target of no time or of words, and days that are not a positive whole number", () => {
      for (const value of ["0", "0,0", "-8", "delapan", "8 jam", ""]) {
        expect(problemsOf({ ...REQUIRED, TARGET_JAWAB_JAM: value }), value).to.deep.equal([
          "TARGET_JAWAB_JAM harus jumlah jam kerja lebih dari 0, contoh 8 atau 4,5 (atur di file .env atau environment)",
        ]);
      }
      for (const value of ["0", "1.5", "tiga", ""]) {
        expect(problemsOf({ ...REQUIRED, TUTUP_OTOMATIS_HARI: value }), value).to.deep.equal([
          "TUTUP_OTOMATIS_HARI harus bilangan bulat positif (jumlah hari), contoh 3 (atur di file .env atau environment)",
        ]);
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

  describe("HTTP_ADDR", () => {
    it("listens on 127.0.0.1:9464 unless set, and not at all when set empty", () => {
      expect(loadConfig(REQUIRED).httpAddr).to.deep.equal({ host: "127.0.0.1", port: 9464 });
      expect(loadConfig({ ...REQUIRED, HTTP_ADDR: "" }).httpAddr).to.equal(undefined);
      expect(loadConfig({ ...REQUIRED, HTTP_ADDR: " 0.0.0.0:9100 " }).httpAddr).to.deep.equal({ host: "0.0.0.0", port: 9100 });
      expect(loadConfig({ ...REQUIRED, HTTP_ADDR: "[::1]:9464" }).httpAddr).to.deep.equal({ host: "::1", port: 9464 });
      expect(loadConfig({ ...REQUIRED, HTTP_ADDR: "localhost:9465" }).httpAddr).to.deep.equal({ host: "localhost", port: 9465 });
    });

    it("refuses anything but host:port with a port from 1 to 65535, saying so in Indonesian", () => {
      for (const value of ["9464", "127.0.0.1", "127.0.0.1:0", "127.0.0.1:70000", "::1:9464", "http://127.0.0.1:9464", "127.0.0.1:94a"]) {
        const problems = problemsOf({ ...REQUIRED, HTTP_ADDR: value });
        expect(problems, value).to.have.length(1);
        expect(problems[0], value).to.contain("HTTP_ADDR harus berbentuk host:port").and.contain("kosongkan untuk mematikan");
      }
    });
  });

  describe("HOT_STANDBY", () => {
    const MYSQL = { DATABASE_URL: "mysql://sinawai:rahasia@db.osdm.go.id:3306/sinawai" };

    it("is off unless set, and on MySQL may be turned on", () => {
      expect(loadConfig(REQUIRED).hotStandby).to.equal(false);
      expect(loadConfig({ ...REQUIRED, ...MYSQL, HOT_STANDBY: "true" }).hotStandby).to.equal(true);
      expect(loadConfig({ ...REQUIRED, ...MYSQL, HOT_STANDBY: "ya" }).hotStandby).to.equal(true);
    });

    it("is refused on SQLite, together with any other problem, saying why in Indonesian", () => {
      const problems = problemsOf({ ...REQUIRED, HOT_STANDBY: "true", RETENTION_DAYS: "0" });
      expect(problems).to.have.length(2);
      expect(problems.join("\n")).to.contain("HOT_STANDBY hanya untuk MySQL/MariaDB").and.contain("RETENTION_DAYS");
    });
  });
});
