import { expect } from "chai";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Readable, Writable } from "node:stream";
import { pathToFileURL } from "node:url";
import { COMMANDS } from "../../src/bot/messages.js";
import type { ContentUsage } from "../../src/report/content-usage.js";
import type { ReportFigures } from "../../src/report/figures.js";
import { periodOf } from "../../src/report/period.js";
import { ratingSummary } from "../../src/report/ratings.js";
import { renderReportPage } from "../../src/report/report-page.js";
import type { TicketGroup } from "../../src/report/ticket-figures.js";
import { classifyUsage } from "../../src/report/usage.js";

const CHROMIUM = "/usr/bin/chromium";
const HOUR = 3_600_000;

/** A group of tickets whose answer times and ratings the charts do not draw: only the tables show them. */
function group(tickets: number, answered: number, closed: number, scores: number[]): TicketGroup {
  return {
    tickets,
    answered,
    closed,
    wait: { median: HOUR, p90: 2 * HOUR },
    serviceWait: { median: 0.5 * HOUR, p90: HOUR },
    withinTarget: answered,
    judged: answered,
    ratings: ratingSummary(scores),
  };
}

/** A week of figures written out by hand, so every bar and cell the page must draw is known. */
function handMadeFigures(): ReportFigures {
  const period = periodOf("2026-11-02", "2026-11-08");
  if (!period.ok) throw new Error(period.problem);
  const values = [[5, 2], [3, 0], [0, 0], [4, 1], [2, 2], [0, 1], [0, 0]];
  const hourOfWeek = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  hourOfWeek[0]![8] = 3;
  hourOfWeek[0]![9] = 7;
  hourOfWeek[2]![14] = 1;
  hourOfWeek[4]![10] = 12;
  return {
    period: period.period,
    madeAt: Date.parse("2026-11-09T08:00:00+07:00"),
    messages: { total: 20, automatic: 14, free: 6, senders: 9 },
    perDay: values.map(([automatic, free], i) => ({ date: `2026-11-0${i + 2}`, weekday: i, automatic: automatic!, free: free! })),
    hourOfWeek,
    usage: classifyUsage([
      { jenis: "perintah", perintah: "tunkin", staffGroup: false, uses: 6 },
      { jenis: "tombol", perintah: "p:tunkin", staffGroup: false, uses: 4 },
      { jenis: "perintah", perintah: "cuti", staffGroup: false, uses: 3 },
      { jenis: "perintah", perintah: "tiket", staffGroup: true, uses: 2 },
    ]),
    tickets: {
      totals: { asked: 6, answered: 5, closed: 4 },
      firstAnswer: { median: 0.75 * HOUR, p90: 5 * HOUR },
      firstAnswerService: { median: 0.5 * HOUR, p90: 4 * HOUR },
      target: { ms: 8 * HOUR, within: 4, judged: 5 },
      responseClasses: [1, 2, 1, 1, 0],
      perWeek: [{ from: "2026-11-02", to: "2026-11-08", ...group(6, 5, 4, [5, 5, 3]) }],
      perStaff: [
        { staffId: 1, name: "Rina", claimed: 2, ...group(3, 3, 3, [5, 3]) },
        { staffId: 2, name: "Yusuf", claimed: 0, ...group(2, 2, 1, [5]) },
      ],
      perClosing: [
        { kind: "pegawai", ...group(2, 2, 2, [5, 5]) },
        { kind: "panduan", ...group(1, 0, 1, []) },
        { kind: "staf", ...group(1, 1, 1, [3]) },
        { kind: "otomatis", ...group(0, 0, 0, []) },
      ],
      openByAge: [
        { tickets: 1, unanswered: 1 },
        { tickets: 0, unanswered: 0 },
        { tickets: 2, unanswered: 1 },
        { tickets: 0, unanswered: 0 },
      ],
      openTotal: 3,
      oldestOpen: [
        { id: 4, asked: Date.parse("2026-11-04T10:00:00+07:00"), age: 4 * 24 * HOUR, answered: false, unitKerja: "Biro Umum" },
        { id: 5, asked: Date.parse("2026-11-05T10:00:00+07:00"), age: 3 * 24 * HOUR, answered: true, unitKerja: null },
        { id: 6, asked: Date.parse("2026-11-08T20:00:00+07:00"), age: 12 * HOUR, answered: false, unitKerja: "Inspektorat" },
      ],
    },
    ratings: {
      ...ratingSummary([5, 5, 3]),
      closed: 4,
      comments: [{ week: { from: "2026-11-02", to: "2026-11-08" }, rating: 3, text: "Agak lama, tapi <jelas>." }],
    },
    guides: {
      searched: 6,
      offered: 4,
      closedByGuide: [{ topic: "mutasi:0123456789", tickets: 1 }],
      unmatchedWords: [{ word: "parkir", questions: 2 }, { word: "kantin", questions: 1 }],
    },
    registration: {
      units: [
        { unitKerja: "Biro Umum", active: 10, registered: 6 },
        { unitKerja: "Inspektorat", active: 4, registered: 0 },
        { unitKerja: null, active: 2, registered: 2 },
      ],
      active: 16,
      registered: 8,
      newInPeriod: 3,
    },
  };
}

const CONTENT_USAGE: ContentUsage = {
  readTopics: [
    { categoryTitle: "Mutasi", topicTitle: "Kenaikan Pangkat", reads: 8 },
    { categoryTitle: "Kesejahteraan", topicTitle: "Cuti", reads: 2 },
  ],
  unreadTopics: [{ categoryTitle: "Kinerja", topicTitle: "SKP", reads: 0 }],
  retiredTopicReads: 0,
  closedByGuide: [{ categoryTitle: "Mutasi", topicTitle: "Kenaikan Pangkat", tickets: 1 }],
  documents: [{ title: "Contoh Formulir", downloads: 1 }],
};

interface CdpMessage {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
}

/** Chromium's DevTools protocol over --remote-debugging-pipe (fd 3 in, fd 4 out, NUL-separated JSON): no port, no extra package. */
class Browser {
  private nextId = 0;
  private buffer = "";
  private readonly pending = new Map<number, (message: CdpMessage) => void>();
  readonly events: CdpMessage[] = [];
  private readonly listeners: ((message: CdpMessage) => void)[] = [];

  private constructor(private readonly child: ChildProcess, private readonly profile: string) {
    const fromBrowser = child.stdio[4] as Readable;
    fromBrowser.setEncoding("utf8");
    fromBrowser.on("data", (chunk: string) => {
      this.buffer += chunk;
      for (let end = this.buffer.indexOf("\0"); end !== -1; end = this.buffer.indexOf("\0")) {
        const message = JSON.parse(this.buffer.slice(0, end)) as CdpMessage;
        this.buffer = this.buffer.slice(end + 1);
        const reply = message.id === undefined ? undefined : this.pending.get(message.id);
        if (reply) reply(message);
        else {
          this.events.push(message);
          for (const listener of this.listeners) listener(message);
        }
      }
    });
  }

  static launch(): Browser {
    const profile = mkdtempSync(path.join(os.tmpdir(), "sinawai-chromium-"));
    const child = spawn(
      CHROMIUM,
      ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", `--user-data-dir=${profile}`, "--remote-debugging-pipe", "about:blank"],
      // Its own process group, so that close() can end its helper processes too.
      { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"], detached: true },
    );
    return new Browser(child, profile);
  }

  async send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = ++this.nextId;
    const reply = new Promise<CdpMessage>((resolve) => this.pending.set(id, resolve));
    (this.child.stdio[3] as Writable).write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    const message = await reply;
    this.pending.delete(id);
    if (message.error) throw new Error(`${method}: ${message.error.message}`);
    return message.result ?? {};
  }

  waitFor(method: string): Promise<CdpMessage> {
    return new Promise((resolve) => this.listeners.push((m) => m.method === method && resolve(m)));
  }

  async close(): Promise<void> {
    // An already exited child never emits "exit" again; waiting for it would hang the hook.
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once("exit", resolve));
      this.child.kill();
      const forced = setTimeout(() => this.child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(forced);
    }
    // Helper processes (GPU, network, crash handler) can outlive the browser and go on writing to the profile.
    try {
      process.kill(-this.child.pid!, "SIGKILL");
    } catch {
      // The group is gone already.
    }
    rmSync(this.profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}

describe("the report page in a real browser (headless Chromium)", function () {
  this.timeout(60_000);
  let browser: Browser;
  let session: string;
  let dir: string;
  let pageUrl: string;

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      if (process.env.REQUIRE_BROWSER === "1") throw new Error(`REQUIRE_BROWSER=1 but ${CHROMIUM} is missing: apt-get install -y chromium`);
      console.warn(`      skipped: ${CHROMIUM} not found (apt-get install -y chromium; REQUIRE_BROWSER=1 makes this a failure)`);
      this.skip();
    }
    dir = mkdtempSync(path.join(os.tmpdir(), "sinawai-page-"));
    const file = path.join(dir, "laporan.html");
    writeFileSync(file, renderReportPage(handMadeFigures(), CONTENT_USAGE));
    pageUrl = pathToFileURL(file).href;

    browser = Browser.launch();
    const { targetId } = await browser.send("Target.createTarget", { url: "about:blank" });
    session = String((await browser.send("Target.attachToTarget", { targetId, flatten: true })).sessionId);
    for (const domain of ["Page", "Runtime", "Log", "Network"]) await browser.send(`${domain}.enable`, {}, session);
    await browser.send("Emulation.setDeviceMetricsOverride", { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false }, session);
    const loaded = browser.waitFor("Page.loadEventFired");
    await browser.send("Page.navigate", { url: pageUrl }, session);
    await loaded;
  });

  after(async () => {
    try {
      await browser?.close();
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });

  /** Runs an expression in the page and returns its JSON value. */
  async function evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = (await browser.send("Runtime.evaluate", { expression, returnByValue: true }, session)) as {
      result: { value: T };
      exceptionDetails?: unknown;
    };
    if (exceptionDetails) throw new Error(`evaluation failed: ${JSON.stringify(exceptionDetails)}`);
    return result.value;
  }

  /** Sizes as laid out by the browser: [width, height] of each element the selector finds. */
  const boxes = (selector: string) =>
    evaluate<[number, number][]>(`[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => { const r = e.getBoundingClientRect(); return [r.width, r.height]; })`);

  it("has no script at all, so nothing can fail to run, and loads nothing but itself", async () => {
    expect(await evaluate<number>("document.scripts.length")).to.equal(0);
    const requests = browser.events.filter((e) => e.method === "Network.requestWillBeSent").map((e) => (e.params!.request as { url: string }).url);
    expect(requests).to.deep.equal([pageUrl]);
    const problems = browser.events.filter((e) => e.method === "Runtime.exceptionThrown" || (e.method === "Log.entryAdded" && (e.params!.entry as { level: string }).level === "error"));
    expect(problems).to.deep.equal([]);
  });

  it("lays out all nine charts at a readable size", async () => {
    const charts = await boxes("svg.chart");
    expect(charts).to.have.length(9);
    for (const [width, height] of charts) {
      expect(width).to.be.greaterThan(300);
      expect(height).to.be.greaterThan(60);
    }
  });

  it("draws a column group per day and a bar per non-zero part, heights proportional to the counts", async () => {
    expect(await boxes(".day-columns g.day")).to.have.length(7);
    const bars = await evaluate<{ value: number; height: number }[]>(
      `[...document.querySelectorAll(".day-columns rect.bar")].map((r) => ({ value: Number(r.dataset.value), height: r.getBoundingClientRect().height }))`,
    );
    // 5+2, 3, –, 4+1, 2+2, 1, –
    expect(bars.map((b) => b.value)).to.deep.equal([5, 2, 3, 4, 1, 2, 2, 1]);
    const perUnit = bars[0]!.height / 5;
    expect(perUnit).to.be.greaterThan(5);
    for (const bar of bars) expect(bar.height).to.be.closeTo(bar.value * perUnit, 1.5);
  });

  it("draws the 7 × 24 heat map, the busy hours in shades by count, the quiet ones blank", async () => {
    const cells = await evaluate<{ value: number; fill: string; width: number }[]>(
      `[...document.querySelectorAll(".heat-map rect.cell")].map((r) => ({ value: Number(r.dataset.value), fill: getComputedStyle(r).fill, width: r.getBoundingClientRect().width }))`,
    );
    expect(cells).to.have.length(168);
    expect(cells.every((c) => c.width > 15)).to.equal(true);
    const empty = cells[0]!.fill;
    const busy = cells.filter((c) => c.value > 0);
    expect(busy.map((c) => c.value)).to.deep.equal([3, 7, 1, 12]);
    expect(busy.every((c) => c.fill !== empty)).to.equal(true);
    expect(cells.filter((c) => c.value === 0).every((c) => c.fill === empty)).to.equal(true);
    // Monday 09.00 (7) and Friday 10.00 (12) in different shades.
    expect(busy[1]!.fill).not.to.equal(busy[3]!.fill);
  });

  it("draws every command of the bot, the read topics, the staff and the units as bars", async () => {
    expect(await boxes('svg[aria-labelledby^="layanan-"] g.row')).to.have.length(COMMANDS.length);
    // /tunkin typed and pressed, /cuti typed.
    expect(await boxes('svg[aria-labelledby^="layanan-"] rect.bar')).to.have.length(3);
    expect(await boxes('svg[aria-labelledby^="topik-"] rect.bar')).to.have.length(2);
    expect(await boxes('svg[aria-labelledby^="petugas-"] rect.bar')).to.have.length(2);
    // Every rating from 5 down to 1, bars for the two given: 5 (twice) and 3.
    expect(await boxes('svg[aria-labelledby^="nilai-"] g.row')).to.have.length(5);
    expect(await boxes('svg[aria-labelledby^="nilai-"] rect.bar')).to.have.length(2);
    // Biro Umum registered and not, Inspektorat not, the unit-less registered.
    const units = await boxes('svg[aria-labelledby^="unit-"] rect.bar');
    expect(units).to.have.length(4);
    for (const [width] of units) expect(width).to.be.greaterThan(0);
  });

  it("prints", async () => {
    const { data } = (await browser.send("Page.printToPDF", { printBackground: true }, session)) as { data: string };
    expect(Buffer.from(data, "base64").subarray(0, 5).toString()).to.equal("%PDF-");
  });
});
