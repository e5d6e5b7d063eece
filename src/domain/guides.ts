// Answers before asking: the guide topics offered with a question, /cari's results, and the record the service report
// counts (how many questions were offered topics; the words of those nothing matched, which is what HR should write
// next). Plain data in and out; the search itself is the content's.
import { suggestTopics, type GuideHit, type GuideIndex, type TopicHit } from "../content/search/guide-index.js";
import { termsOf } from "../content/search/terms.js";
import type { Db } from "../db/database.js";
import { recordSuggestions } from "../db/saran-panduan-repo.js";
import type { Clock } from "./clock.js";

const HOUR_MS = 3_600_000;
/** /cari shows at most this many results. */
export const SEARCH_LIMIT = 6;
/** The words kept of a question nothing matched: enough to see what it was about. */
const WORDS_LENGTH = 200;
/** A question is matched on its beginning: what it is about is said early, and a 4,000-letter text stays fast. */
const SEARCHED_LENGTH = 500;

export interface GuideServiceDeps {
  db: Db;
  clock: Clock;
  index: GuideIndex;
}

export function createGuideService(deps: GuideServiceDeps) {
  return {
    /** The topics to offer with a question; none for a question without words, or when nothing matches well. */
    suggest(question: string | null): TopicHit[] {
      return question ? suggestTopics(deps.index, question.slice(0, SEARCHED_LENGTH)) : [];
    },

    /**
     * Counts a question the guides were searched for, keeping its words when nothing matched. The caller records a
     * question the first time it is handled only; a crash in between loses one count rather than doubling one.
     */
    async record(question: string, offered: TopicHit[]): Promise<void> {
      await recordSuggestions(deps.db, {
        waktu: Math.floor(deps.clock() / HOUR_MS) * HOUR_MS,
        jumlah_saran: offered.length,
        topik: offered.length > 0 ? offered.map((hit) => topicKey(hit.category, hit.topicId)).join(",") : null,
        kata: offered.length > 0 ? null : wordsOf(question.slice(0, SEARCHED_LENGTH)),
      });
    },

    /** Topics, news and documents for /cari, best first. */
    search(query: string): GuideHit[] {
      return deps.index.search(query.slice(0, SEARCHED_LENGTH), ["topic", "news", "document"], SEARCH_LIMIT);
    },
  };
}

export type GuideService = ReturnType<typeof createGuideService>;

/** How a topic is recorded (a closed ticket's `ditutup_topik`, the topics offered): "mutasi:0123456789". */
export function topicKey(category: string, topicId: string): string {
  return `${category}:${topicId}`;
}

/** The question's distinct informative words, as written (folded): what the report counts. Null when it has none. */
function wordsOf(question: string): string | null {
  let words = "";
  for (const word of new Set(termsOf(question).map((term) => term.word))) {
    if (words.length + word.length + 1 > WORDS_LENGTH) break;
    words = words === "" ? word : `${words} ${word}`;
  }
  return words === "" ? null : words;
}
