// `npm run bench -- --suggest`: the guide suggestions measured on the labelled questions
// (test/fixtures/suggest/questions.json), printed as bench figures with their targets, and the questions missed.
import { measureShippedSuggestions, QUESTIONS_FILE, TARGETS } from "../test/support/suggestion-quality.js";
import { figure, formatFigure, passes } from "./figures.js";

/** Prints the figures; returns whether every target passed. */
export async function runSuggestionBench(): Promise<boolean> {
  const q = await measureShippedSuggestions();
  console.log(`Sinawai bench --suggest, ${new Date().toISOString()}: ${q.answerable} answerable and ${q.unanswerable} unanswerable questions from ${QUESTIONS_FILE}`);
  if (q.labelProblems.length > 0) {
    console.log(`labels that name no topic of the content:\n${q.labelProblems.map((p) => `  ${p}`).join("\n")}`);
    return false;
  }
  const figures = [
    figure("suggest.top3_pct", q.top3Pct, { target: { op: "≥", value: TARGETS.top3Pct }, note: "answerable questions whose topic is among the (up to three) topics offered" }),
    figure("suggest.top1_pct", q.top1Pct, { target: { op: "≥", value: TARGETS.top1Pct }, note: "answerable questions whose topic is offered first" }),
    figure("suggest.wrong_pct", q.wrongPct, { target: { op: "≤", value: TARGETS.wrongPct }, note: "unanswerable questions offered a topic anyway" }),
    figure("suggest.p50_ms", q.p50Ms, { digits: 3, target: { op: "≤", value: TARGETS.p95Ms }, samples: q.samples }),
    figure("suggest.p95_ms", q.p95Ms, { digits: 3, target: { op: "≤", value: TARGETS.p95Ms }, note: `time to match one question (${q.samples.length} matches, after a warm-up pass)` }),
  ];
  for (const f of figures) console.log(formatFigure(f));
  if (q.misses.length > 0) {
    console.log(`\nanswerable questions whose topic was not offered (${q.misses.length}):`);
    for (const m of q.misses) console.log(`  "${m.question}"\n    expected ${m.expected}; offered ${m.offered.length > 0 ? m.offered.join(" | ") : "nothing"}`);
  }
  if (q.wrong.length > 0) {
    console.log(`\nunanswerable questions offered a topic (${q.wrong.length}):`);
    for (const w of q.wrong) console.log(`  "${w.question}"\n    offered ${w.offered.join(" | ")}`);
  }
  const failed = figures.filter((f) => passes(f) === false).map((f) => f.name);
  console.log(`\ntargets: ${figures.length - failed.length} of ${figures.length} pass${failed.length > 0 ? `; FAIL: ${failed.join(", ")}` : ""}`);
  return failed.length === 0;
}
