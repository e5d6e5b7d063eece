// Sinawai's scenarios on one kind of database, in groups, each on fresh databases with its own bot processes:
// start-up, idle and burst; the questions, and the same right after a restart; registration; a busy employee; a
// question that cannot be delivered; employee data on an empty and a big database side by side. Peak memory over all.
import { figure, type Figure } from "./figures.js";
import type { DatabaseKind } from "./bench-database.js";
import type { BenchOptions } from "./options.js";
import { burstScenario } from "./scenarios/burst.js";
import { busyEmployeeScenario } from "./scenarios/busy-employee.js";
import { compareDataTimings, timeEmployeeData } from "./scenarios/employee-data.js";
import { idleScenario, MENU_COMMANDS } from "./scenarios/idle.js";
import { questionsScenario } from "./scenarios/questions.js";
import { registrationScenario } from "./scenarios/registration.js";
import { PREVIOUS_POSTS, restartQuestionsScenario } from "./scenarios/restart.js";
import { stuckQuestionScenario } from "./scenarios/stuck-question.js";
import { EMPLOYEE_PASSWORD, employeeUser, insertEmployees, insertMessageLog, nipOf, settleAfterBulkLoad } from "./seed-rows.js";
import { inSinawaiGroup, type GroupReport } from "./sinawai-group.js";

export interface SuiteReport {
  figures: Figure[];
  /** What the bots printed, by group, when they printed anything. */
  output: Record<string, string>;
}

/** Employees n ≥ STRANGERS never exist in the database: the burst comes from people who never registered. */
const STRANGERS = 1_000_000;

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

export async function runSinawai(kind: DatabaseKind, options: BenchOptions, baselineBurstS: number | undefined, progress: (what: string) => void): Promise<SuiteReport> {
  const { counts, latencyMs, jitterMs } = options;
  const network = { latencyMs, jitterMs };
  const figures: Figure[] = [];
  const reports: Record<string, GroupReport> = {};

  progress(`${kind.label}: start-up on an empty database, ${counts.idleCommands} idle commands, burst of ${counts.burstUsers}`);
  reports["idle+burst"] = await inSinawaiGroup(kind, network, async (g) => {
    figures.push(
      figure("startup.first_getupdates_ms", await g.startBot(), {
        digits: 0,
        target: { op: "≤", value: 3000 },
        note: "spawning the bot as `npm start` does (after its build) → its first getUpdates at Telegram; fresh empty database, so this includes the migrations",
      }),
    );
    const idle = counts.warmup + counts.idleCommands;
    await insertEmployees(g.db(), 0, idle);
    figures.push(...(await idleScenario(g.fake, g.bot, range(0, idle).map(employeeUser), MENU_COMMANDS, counts.warmup)));
    const burst = await burstScenario(g.fake, g.bot, range(STRANGERS, counts.burstUsers).map(employeeUser), latencyMs);
    figures.push(...burst.figures);
    if (baselineBurstS !== undefined) {
      figures.push(figure("burst.vs_baseline", burst.drainS / baselineBurstS, { digits: 2, note: "Sinawai's burst drain time ÷ the baseline's" }));
    }
  });

  progress(`${kind.label}: ${counts.questions} questions at once (about a minute when over 20)`);
  reports.questions = await inSinawaiGroup(kind, network, async (g) => {
    await g.migrate();
    await insertEmployees(g.db(), 0, counts.questions);
    figures.push(figure("startup.migrated_db_ms", await g.startBot(), { digits: 0, note: "the same, on a database already migrated" }));
    figures.push(...(await questionsScenario(g.fake, g.bot, range(0, counts.questions).map(employeeUser))));
  });

  progress(`${kind.label}: a restart, then ${counts.questions} questions at once into a group window already ${PREVIOUS_POSTS} full (a minute or two)`);
  reports.restart = await inSinawaiGroup(kind, network, async (g) => {
    await g.migrate();
    await insertEmployees(g.db(), 0, counts.questions);
    await g.startBot();
    figures.push(...(await restartQuestionsScenario(g, range(0, counts.questions).map(employeeUser))));
  });

  progress(`${kind.label}: ${counts.registrations} employees send /daftar at once`);
  reports.daftar = await inSinawaiGroup(kind, network, async (g) => {
    await g.migrate();
    await insertEmployees(g.db(), 0, counts.registrations, { registered: false });
    await g.startBot();
    const registrants = range(0, counts.registrations).map((n) => ({ user: employeeUser(n), nip: nipOf(n), password: EMPLOYEE_PASSWORD }));
    figures.push(...(await registrationScenario(g.fake, g.bot, g.db(), registrants)));
  });

  progress(`${kind.label}: one employee sends ${counts.busyMessages} messages, then ${counts.laterQuestions} others ask`);
  reports.busy = await inSinawaiGroup(kind, network, async (g) => {
    await g.migrate();
    await insertEmployees(g.db(), 0, 1 + counts.laterQuestions);
    await g.startBot();
    figures.push(...(await busyEmployeeScenario(g.fake, g.bot, employeeUser(0), counts.busyMessages, range(1, counts.laterQuestions).map(employeeUser))));
  });

  progress(`${kind.label}: one question that cannot be delivered, then ${counts.laterQuestions} others`);
  reports.stuck = await inSinawaiGroup(kind, network, async (g) => {
    await g.migrate();
    await insertEmployees(g.db(), 0, 1 + counts.laterQuestions);
    await g.startBot();
    figures.push(...(await stuckQuestionScenario(g.fake, g.bot, employeeUser(0), range(1, counts.laterQuestions).map(employeeUser))));
  });

  progress(`${kind.label}: employee data, on an empty database and, side by side, on one with ${counts.bigEmployees} employees and ${counts.bigPesan} pesan rows`);
  const asking = counts.warmup + counts.dataSamples;
  const warm = range(0, counts.warmup).map(employeeUser);
  const users = range(counts.warmup, counts.dataSamples).map(employeeUser);
  reports["data, empty"] = await inSinawaiGroup(kind, network, async (empty) => {
    await empty.migrate();
    await insertEmployees(empty.db(), 0, asking);
    reports["data, big"] = await inSinawaiGroup(kind, network, async (big) => {
      await big.migrate();
      const fillStarted = performance.now();
      await insertEmployees(big.db(), 0, counts.bigEmployees);
      await insertMessageLog(big.db(), counts.bigPesan, counts.bigEmployees);
      figures.push(figure("data.fill_s", (performance.now() - fillStarted) / 1000, { note: "bulk insert of the big database, before its bot starts (not a target)" }));
      figures.push(figure("data.settle_s", await settleAfterBulkLoad(big.db()), { note: "ANALYZE, and the load's writes flushed to disk, before measuring (not a target)" }));
      figures.push(figure("startup.big_db_ms", await big.startBot(), { digits: 0, note: "start-up on the big database" }));
      await empty.startBot();
      const timings = await timeEmployeeData(empty, big, warm, users);
      figures.push(...compareDataTimings(timings.empty, timings.big, `${counts.bigEmployees} employees and ${counts.bigPesan} pesan rows`), timings.refused);
    });
  });

  const peaks = Object.entries(reports).flatMap(([group, r]) => (r.peakRssMb === undefined ? [] : [`${group} ${r.peakRssMb.toFixed(1)}`]));
  const peak = Math.max(...Object.values(reports).map((r) => r.peakRssMb ?? Number.NaN));
  figures.push(
    figure("rss.peak_mb", peak, {
      target: { op: "≤", value: 150 },
      note: peaks.length > 0 ? `VmHWM of the bot process, the highest of this database's groups (MB: ${peaks.join(", ")})` : "/proc/<pid>/status was not readable",
    }),
  );
  const output = Object.fromEntries(Object.entries(reports).flatMap(([group, r]) => (r.output.trim() === "" ? [] : [[group, r.output]])));
  return { figures, output };
}
