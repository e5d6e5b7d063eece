// deploy/sinawai.service stays sandboxed (systemd's own exposure score) and starts the bot as `npm start` does.
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { accessSync, constants, readFileSync } from "node:fs";
import path from "node:path";
import { readStartCommand, REPO_ROOT } from "../support/start-command.js";

const UNIT = path.join(REPO_ROOT, "deploy/sinawai.service");
const MAX_EXPOSURE = 4.0;

/** systemd-analyze on PATH or where Debian and Ubuntu put it; undefined when this machine has none. */
function systemdAnalyze(): string | undefined {
  const candidates = [...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean), "/usr/bin", "/bin"].map((dir) => path.join(dir, "systemd-analyze"));
  return candidates.find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The values of a [Service] key, in order (a key may be given more than once). */
function serviceValues(key: string): string[] {
  const unit = readFileSync(UNIT, "utf8");
  const service = unit.slice(unit.indexOf("[Service]"), unit.indexOf("[Install]"));
  return service
    .split("\n")
    .filter((line) => line.startsWith(`${key}=`))
    .map((line) => line.slice(key.length + 1).trim());
}

describe("the systemd unit", () => {
  it("scores an overall exposure of 4.0 or less in systemd-analyze security, with no key systemd would ignore", function () {
    const analyze = systemdAnalyze();
    if (!analyze) {
      console.log("      (skipped: systemd-analyze is not installed here; CI runs it from /usr/bin/systemd-analyze)");
      this.skip();
    }
    const run = spawnSync(analyze, ["security", "--offline=true", "--no-pager", UNIT], {
      encoding: "utf8",
      env: { ...process.env, SYSTEMD_COLORS: "0" },
    });
    // A misspelt directive is only a warning to systemd, which then runs the bot without that protection.
    expect(run.stderr, "systemd-analyze warned about the unit").to.equal("");
    const overall = /Overall exposure level for sinawai\.service: (\d+(?:\.\d+)?)/.exec(run.stdout);
    if (!overall) throw new Error(`no overall exposure in systemd-analyze's output:\n${run.stdout}`);
    const exposures = run.stdout.split("\n").filter((line) => line.startsWith("✗"));
    expect(Number(overall[1]), `still exposed:\n${exposures.join("\n")}`).to.be.at.most(MAX_EXPOSURE);
  });

  it("runs what package.json's start script runs, with its variables, node's full path and no build at start", () => {
    const { env, args } = readStartCommand();
    expect(serviceValues("ExecStart")).to.deep.equal([["/usr/bin/node", ...args].join(" ")]);
    expect(serviceValues("Environment")).to.deep.equal(Object.entries(env).map(([name, value]) => `${name}=${value}`));
    // The code folder is read-only to the service: dist/ is built by the admin at deploy time.
    expect(serviceValues("ExecStartPre")).to.deep.equal([]);
  });

  it("may write the data folder only, and leaves V8 free to compile (no MemoryDenyWriteExecute)", () => {
    expect(serviceValues("ProtectSystem")).to.deep.equal(["strict"]);
    expect(serviceValues("ReadWritePaths")).to.deep.equal(["/opt/sinawai/data"]);
    expect(serviceValues("WorkingDirectory")).to.deep.equal(["/opt/sinawai"]);
    expect(serviceValues("MemoryDenyWriteExecute")).to.deep.equal([]);
  });
});
