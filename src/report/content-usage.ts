// Joins the counted topic reads, document downloads and tickets closed by a guide with the current content: titles
// instead of ids, the topics nobody opened, and the reads of topics that have since been renamed or removed.
import type { Content } from "../content/types.js";
import type { GuideClosure } from "../db/report-queries.js";
import type { Usage } from "./usage.js";

export interface TopicLine {
  categoryTitle: string;
  topicTitle: string;
  reads: number;
}

export interface ContentUsage {
  /** Topics of the current content opened at least once, most read first. */
  readTopics: TopicLine[];
  /** Topics of the current content nobody opened in the period, in menu order. */
  unreadTopics: TopicLine[];
  /** Reads of topic ids the current content no longer has (the title changed or the topic was removed). */
  retiredTopicReads: number;
  /** Every document of the current content, most downloaded first. */
  documents: { title: string; downloads: number }[];
  /** Tickets closed by their askers with a guide topic, per topic still in the content, most first. */
  closedByGuide: { categoryTitle: string; topicTitle: string; tickets: number }[];
}

export function contentUsage(usage: Usage, content: Content, closures: readonly GuideClosure[] = []): ContentUsage {
  const reads = new Map(usage.topics.map((t) => [`${t.category}:${t.topicId}`, t.reads]));
  const lines = content.categories.flatMap((category) =>
    category.topics.map((topic) => {
      const key = `${category.key}:${topic.id}`;
      const line = { categoryTitle: category.title, topicTitle: topic.title, reads: reads.get(key) ?? 0 };
      reads.delete(key);
      return line;
    }),
  );
  const downloads = new Map(usage.documents.map((d) => [d.documentId, d.downloads]));
  return {
    readTopics: lines.filter((l) => l.reads > 0).sort((a, b) => b.reads - a.reads),
    unreadTopics: lines.filter((l) => l.reads === 0),
    retiredTopicReads: [...reads.values()].reduce((sum, n) => sum + n, 0),
    documents: content.documents.map((d) => ({ title: d.title, downloads: downloads.get(d.id) ?? 0 })).sort((a, b) => b.downloads - a.downloads),
    closedByGuide: closures.flatMap((closure) => {
      const [key, topicId] = closure.topic.split(":");
      const category = content.categories.find((c) => c.key === key);
      const topic = category?.topics.find((t) => t.id === topicId);
      return category && topic ? [{ categoryTitle: category.title, topicTitle: topic.title, tickets: closure.tickets }] : [];
    }),
  };
}
