import { expect } from "chai";
import { measureShippedSuggestions, TARGETS, type SuggestionQuality } from "../support/suggestion-quality.js";

// The quality gate of the guide suggestions: the targets `npm run bench -- --suggest` prints, on the same labelled
// questions. A content edit that makes the bot worse at pointing employees to the right guide fails here.
describe("guide suggestions on the labelled employee questions", () => {
  let q: SuggestionQuality & { labelProblems: string[] };
  before(async () => {
    q = await measureShippedSuggestions();
  });

  it("labels every question with a topic the content has", () => {
    expect(q.labelProblems).to.deep.equal([]);
    expect(q.answerable).to.be.at.least(80);
    expect(q.unanswerable).to.be.at.least(20);
  });

  it(`offers the right topic among the three for at least ${TARGETS.top3Pct}% and first for at least ${TARGETS.top1Pct}%`, () => {
    const missed = q.misses.map((m) => `"${m.question}" → ${m.offered.join(" | ") || "nothing"} (expected ${m.expected})`).join("\n");
    expect(q.top3Pct, missed).to.be.at.least(TARGETS.top3Pct);
    expect(q.top1Pct).to.be.at.least(TARGETS.top1Pct);
  });

  it(`offers something for at most ${TARGETS.wrongPct}% of the questions no topic answers`, () => {
    expect(q.wrongPct, q.wrong.map((w) => `"${w.question}" → ${w.offered.join(" | ")}`).join("\n")).to.be.at.most(TARGETS.wrongPct);
  });

  it(`matches a question within ${TARGETS.p95Ms} ms at the 95th percentile`, () => {
    expect(q.p95Ms).to.be.at.most(TARGETS.p95Ms);
  });
});
