// Full-text search over what HR wrote (topic titles, "Kata kunci:" lines and answers; news; documents), built once per
// content version, and the judgement of whether a match is good enough to show. Pure and synchronous: a question is
// matched in about a millisecond.
import MiniSearch, { type SearchResult } from "minisearch";
import { newsId } from "../ids.js";
import type { CategoryKey, Content } from "../types.js";
import { vocabularyOf, type Vocabulary } from "./spelling.js";
import { termOf, termsOf, type Term } from "./terms.js";
import { foldedWords } from "./words.js";

export type GuideKind = "topic" | "news" | "document";

export type GuideRef =
  | { kind: "topic"; category: CategoryKey; topicId: string }
  | { kind: "news"; newsId: string }
  | { kind: "document"; documentId: string };

export type GuideHit = GuideRef & { title: string; score: number };
export type TopicHit = Extract<GuideHit, { kind: "topic" }>;

export interface GuideIndex {
  /** Items of these kinds that answer the text well enough, best first, at most `limit`; none when nothing does. */
  search(text: string, kinds: readonly GuideKind[], limit: number): GuideHit[];
}

/**
 * How a match is judged, tuned on test/fixtures/suggest/questions.json (`npm run bench -- --suggest`). A hit must
 * explain enough of what the question says (its informative words, weighted by how rare they are in the content; a
 * word the content never uses weighs the most) for the strength of its match; a second or third hit must also come
 * close to the first.
 */
export const TUNING = {
  /** Field weights: a word in a title or a keyword line says more than one deep in an answer. */
  boost: { title: 3, keywords: 2.5, body: 1 },
  /** A synonym found through sinonim.md counts a little less than the word the employee wrote. */
  synonymWeight: 0.8,
  /** A word the content never uses, this long, is read as the nearest one it does one typo away; from `typoTwoFrom` letters, two. */
  typoFrom: 5,
  typoTwoFrom: 9,
  /**
   * What a hit needs: the share of the question's weight it explains, and the score it must reach with that share. The
   * more of the question a hit explains, the weaker it may be; a hit that explains less must match strongly (the
   * question's words in the topic's title or keywords). Below every tier, it is a chance meeting of common words.
   */
  tiers: [
    { coverage: 0.45, score: 15 },
    { coverage: 0.3, score: 40 },
  ],
  /** A later hit's score relative to the best one. */
  minRelativeScore: 0.45,
} as const;

const FIELDS = ["title", "keywords", "body"] as const;

/** How many guide topics a question's acknowledgement offers at most. */
export const SUGGESTION_LIMIT = 3;

/** The guide topics offered with a question: the same call for the bot, the bench and the quality test. */
export function suggestTopics(index: GuideIndex, question: string): TopicHit[] {
  return index.search(question, ["topic"], SUGGESTION_LIMIT).filter((hit): hit is TopicHit => hit.kind === "topic");
}

interface Item {
  id: number;
  ref: GuideRef;
  title: string;
  keywords: string;
  body: string;
}

/** One thing the question says: a word, with the terms that count as saying it (its stems, and its synonyms'). */
interface Concept {
  /** Each term that says it, and its weight: 1 for the question's own word and its stems, less for a synonym's. */
  terms: Map<string, number>;
  /** How rare the word is in the content (inverse document frequency); a word the content never uses, the rarest. */
  weight: number;
}

export function buildGuideIndex(content: Content): GuideIndex {
  const items = itemsOf(content);
  const engine = new MiniSearch<Item>({
    fields: [...FIELDS],
    storeFields: [],
    tokenize: foldedWords,
    processTerm: (word) => {
      const term = termOf(word);
      return term ? searchTerms(term) : null;
    },
  });
  engine.addAll(items);
  const documentFrequency = frequencies(items);
  const idf = (term: string): number => {
    const df = documentFrequency.get(term) ?? 0;
    return Math.log(1 + (items.length - df + 0.5) / (df + 0.5));
  };
  const synonyms = compileSynonyms(content);
  const vocabulary = vocabularyOf(writtenWords(items, content), { minLength: TUNING.typoFrom, twoEditsFrom: TUNING.typoTwoFrom });

  return {
    search(text, kinds, limit) {
      const written = termsOf(text).map((term) => corrected(term, vocabulary));
      const concepts = conceptsOf(written, synonyms, idf, documentFrequency);
      if (concepts.length === 0) return [];
      const wanted = (result: SearchResult) => kinds.includes(items[result.id as number]!.ref.kind);
      const ranked = rank(concepts, (term) =>
        engine.search(term, { tokenize: (query) => [query], processTerm: (query) => query, boost: TUNING.boost, filter: wanted }),
      );
      const good = ranked.filter((result) => goodEnough(result.score, result.covered));
      const best = good[0]?.score ?? 0;
      return good
        .filter((result) => result.score >= best * TUNING.minRelativeScore)
        .slice(0, limit)
        .map((result) => {
          const item = items[result.id]!;
          return { ...item.ref, title: item.title, score: result.score };
        });
    },
  };
}

interface Ranked {
  id: number;
  score: number;
  /** The share of the question's weight the item matched. */
  covered: number;
}

/**
 * Items by score, best first. A concept counts once per item, by its best term: a topic listing five synonyms of one
 * word is not five times as relevant as a topic using one of them.
 */
function rank(concepts: Concept[], search: (term: string) => SearchResult[]): Ranked[] {
  const found = new Map<string, SearchResult[]>();
  const perItem = new Map<number, number[]>();
  concepts.forEach((concept, at) => {
    for (const [term, weight] of concept.terms) {
      const matches = found.get(term) ?? search(term);
      found.set(term, matches);
      for (const match of matches) {
        const scores = perItem.get(match.id as number) ?? new Array<number>(concepts.length).fill(0);
        scores[at] = Math.max(scores[at]!, match.score * weight);
        perItem.set(match.id as number, scores);
      }
    }
  });
  const total = concepts.reduce((sum, concept) => sum + concept.weight, 0);
  return [...perItem]
    .map(([id, scores]) => ({
      id,
      score: scores.reduce((sum, score) => sum + score, 0),
      covered: concepts.reduce((sum, concept, at) => sum + (scores[at]! > 0 ? concept.weight : 0), 0) / total,
    }))
    .sort((a, b) => b.score - a.score || a.id - b.id);
}

/** Topics, news and documents as flat texts, numbered in content order. */
function itemsOf(content: Content): Item[] {
  const items: Omit<Item, "id">[] = [
    ...content.categories.flatMap((category) =>
      category.topics.map((topic) => ({
        ref: { kind: "topic" as const, category: category.key, topicId: topic.id },
        title: topic.title,
        keywords: topic.keywords.join(", "),
        // The first chunk opens with the title in bold, which the title field already holds.
        body: plainText(topic.chunks.join("\n")).replace(topic.title, ""),
      })),
    ),
    ...content.news.map((item) => ({
      ref: { kind: "news" as const, newsId: newsId(item) },
      title: item.title,
      keywords: "",
      body: plainText(item.chunks.join("\n")),
    })),
    ...content.documents.map((document) => ({
      ref: { kind: "document" as const, documentId: document.id },
      title: document.title,
      keywords: "",
      body: plainText(document.description ?? ""),
    })),
  ];
  return items.map((item, id) => ({ ...item, id }));
}

/** Every word the topics, news, documents and synonyms use (stop words aside), and in how many items it occurs. */
function writtenWords(items: Item[], content: Content): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    for (const word of new Set(FIELDS.flatMap((field) => termsOf(item[field]).map((term) => term.word)))) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  for (const phrase of content.synonyms.flatMap((group) => group.phrases)) {
    for (const term of termsOf(phrase)) if (!counts.has(term.word)) counts.set(term.word, 0);
  }
  return counts;
}

/** A word the content never uses, read as the nearest word it does (a typo); any other word as written. */
function corrected(term: Term, vocabulary: Vocabulary): Term {
  const word = vocabulary.correct(term.word);
  return (word && termOf(word)) || term;
}

/** What a term is indexed and searched as: the word as written and each of its stems. */
function searchTerms(term: Term): string[] {
  return [...new Set([term.word, ...term.stems])];
}

/** In how many items each term occurs, in any field. */
function frequencies(items: Item[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const terms = new Set(FIELDS.flatMap((field) => termsOf(item[field]).flatMap(searchTerms)));
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

/**
 * One concept per distinct word of the question, weighted by its rarity in the content (a word the content never uses
 * weighs the most: a question about something HR has not written about should not look answered). A phrase of
 * sinonim.md found in the question lends each of its words the terms of the group's other phrases.
 */
function conceptsOf(terms: Term[], synonyms: SynonymIndex, idf: (term: string) => number, documentFrequency: Map<string, number>): Concept[] {
  const lent = terms.map(() => new Set<string>());
  terms.forEach((term, start) => {
    const candidates = new Set(term.stems.flatMap((s) => synonyms.get(s) ?? []));
    for (const phrase of candidates) {
      if (!occursAt(terms, start, phrase.words)) continue;
      for (let at = start; at < start + phrase.words.length; at++) for (const t of phrase.lends) lent[at]!.add(t);
    }
  });
  const concepts = new Map<string, Concept>();
  terms.forEach((term, index) => {
    const own = searchTerms(term);
    const known = own.filter((t) => documentFrequency.has(t));
    const key = term.stems[0]!;
    const concept = concepts.get(key) ?? { terms: new Map<string, number>(), weight: known.length > 0 ? Math.max(...known.map(idf)) : idf("") };
    for (const t of lent[index]!) if (!concept.terms.has(t)) concept.terms.set(t, TUNING.synonymWeight);
    for (const t of own) concept.terms.set(t, 1);
    concepts.set(key, concept);
  });
  return [...concepts.values()];
}

/** A phrase of sinonim.md, and the terms it lends a question it occurs in: those of its group's other phrases. */
interface SynonymPhrase {
  words: Term[];
  lends: string[];
}

/** The phrases by each stem of their first word, so a question is checked only against phrases that may start there. */
type SynonymIndex = Map<string, SynonymPhrase[]>;

function compileSynonyms(content: Content): SynonymIndex {
  const index: SynonymIndex = new Map();
  for (const group of content.synonyms) {
    const phrases = group.phrases.map((phrase) => termsOf(phrase));
    phrases.forEach((words, at) => {
      if (words.length === 0) return;
      const lends = [...new Set(phrases.filter((_, other) => other !== at).flatMap((other) => other.flatMap(searchTerms)))];
      for (const s of words[0]!.stems) index.set(s, [...(index.get(s) ?? []), { words, lends }]);
    });
  }
  return index;
}

/** Whether the phrase occurs in the question from `start`: word after word, each sharing a stem with the phrase's. */
function occursAt(terms: Term[], start: number, words: Term[]): boolean {
  return start + words.length <= terms.length && words.every((word, offset) => word.stems.some((s) => terms[start + offset]!.stems.includes(s)));
}

/** A hit worth showing: it explains enough of the question for its strength. */
function goodEnough(score: number, covered: number): boolean {
  return TUNING.tiers.some((tier) => covered >= tier.coverage && score >= tier.score);
}

/** The text of Telegram HTML: tags out, the few entities escapeHtml writes back to their characters. */
function plainText(html: string): string {
  return html.replace(/<[^>]*>/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
