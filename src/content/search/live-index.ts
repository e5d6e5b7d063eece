// Keeps the guide index in step with the content: rebuilt whenever the content store accepts an edit, so a new
// "Kata kunci:" line or synonym counts from the next question on.
import type { ContentStore } from "../content-store.js";
import { buildGuideIndex, type GuideIndex } from "./guide-index.js";

export function liveGuideIndex(store: ContentStore): GuideIndex {
  let index = buildGuideIndex(store.current());
  store.on("reload", (content) => {
    index = buildGuideIndex(content);
  });
  return { search: (text, kinds, limit) => index.search(text, kinds, limit) };
}
