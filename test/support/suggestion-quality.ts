// Measures the guide suggestions on the labelled questions of test/fixtures/suggest/questions.json, as employees
// write them: how often the right topic comes first or among the three offered, how often a question no topic
// answers is offered something anyway, and how long matching one question takes. Shared by the quality test and
// `npm run bench -- --suggest`, so both judge the same thing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { z } from "zod";
import { loadContent } from "../../src/content/load-content.js";
import { buildGuideIndex, suggestTopics, type GuideIndex } from "../../src/content/search/guide-index.js";
import { CATEGORY_KEYS, type Content } from "../../src/content/types.js";

export const QUESTIONS_FILE = path.resolve("test/fixtures/suggest/questions.json");

const fixture = z.object({
  answerable: z.array(z.object({ question: z.string().min(1), category: z.enum(CATEGORY_KEYS), topicId: z.string(), topic: z.string() })).min(80),
  unanswerable: z.array(z.string().min(1)).min(20),
});
export type LabelledQuestions = z.infer<typeof fixture>;

/** The targets: shares in percent, times in milliseconds. */
export const TARGETS = { top3Pct: 85, top1Pct: 65, wrongPct: 15, p95Ms: 5 } as const;

export interface SuggestionQuality {
  answerable: number;
  unanswerable: number;
  /** Answerable questions whose labelled topic is offered first / among those offered, in percent. */
  top1Pct: number;
  top3Pct: number;
  /** Unanswerable questions offered at least one topic, in percent. */
  wrongPct: number;
  /** Time to match one question. */
  p50Ms: number;
  p95Ms: number;
  /** Every match time measured, in milliseconds. */
  samples: number[];
  /** The answerable questions missed (not among those offered), and the unanswerable ones offered something. */
  misses: { question: string; expected: string; offered: string[] }[];
  wrong: { question: string; offered: string[] }[];
}

export function readLabelledQuestions(): LabelledQuestions {
  return fixture.parse(JSON.parse(readFileSync(QUESTIONS_FILE, "utf8")));
}

export async function shippedContent(): Promise<Content> {
  const result = await loadContent(path.resolve("content"));
  if (!result.ok) throw new Error(`the shipped content is not valid: ${JSON.stringify(result.problems)}`);
  return result.content;
}

/** Every label must name a topic of the content, by category key and topic id, with the title it had when labelled. */
export function checkLabels(questions: LabelledQuestions, content: Content): string[] {
  return questions.answerable.flatMap((q) => {
    const topic = content.categories.find((c) => c.key === q.category)?.topics.find((t) => t.id === q.topicId);
    return topic && topic.title === q.topic ? [] : [`${q.category}:${q.topicId} (${q.topic}) is not a topic of the content: "${q.question}"`];
  });
}

/** `rounds` passes over every question after one unmeasured pass, so the times are of a warmed-up process. */
export function measureSuggestions(index: GuideIndex, questions: LabelledQuestions, rounds = 5): SuggestionQuality {
  const all = [...questions.answerable.map((q) => q.question), ...questions.unanswerable];
  for (const question of all) suggestTopics(index, question);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const question of all) {
      const started = performance.now();
      suggestTopics(index, question);
      samples.push(performance.now() - started);
    }
  }
  const label = (hit: { category: string; topicId: string; title: string }) => `${hit.category}:${hit.topicId} ${hit.title}`;
  let top1 = 0;
  let top3 = 0;
  const misses: SuggestionQuality["misses"] = [];
  for (const q of questions.answerable) {
    const offered = suggestTopics(index, q.question);
    const rank = offered.findIndex((hit) => hit.category === q.category && hit.topicId === q.topicId);
    if (rank === 0) top1++;
    if (rank !== -1) top3++;
    else misses.push({ question: q.question, expected: `${q.category}:${q.topicId} ${q.topic}`, offered: offered.map(label) });
  }
  const wrong = questions.unanswerable
    .map((question) => ({ question, offered: suggestTopics(index, question).map(label) }))
    .filter((entry) => entry.offered.length > 0);
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return {
    answerable: questions.answerable.length,
    unanswerable: questions.unanswerable.length,
    top1Pct: (100 * top1) / questions.answerable.length,
    top3Pct: (100 * top3) / questions.answerable.length,
    wrongPct: (100 * wrong.length) / questions.unanswerable.length,
    p50Ms: at(50),
    p95Ms: at(95),
    samples,
    misses,
    wrong,
  };
}

/** The shipped content's index and the labelled questions, measured. */
export async function measureShippedSuggestions(): Promise<SuggestionQuality & { labelProblems: string[] }> {
  const content = await shippedContent();
  const questions = readLabelledQuestions();
  return { ...measureSuggestions(buildGuideIndex(content), questions), labelProblems: checkLabels(questions, content) };
}
