// `npm run content:check [folder]`: tells the HR admin, file by file and line by line, what to fix
// in the content folder (default: $CONTENT_DIR, else "content") before the bot can use it.

import { formatProblem, loadContent } from "../content/load-content.js";
import { PAGE_NAMES } from "../content/types.js";

const dir = process.argv[2] ?? process.env.CONTENT_DIR ?? "content";
const result = await loadContent(dir);
const problems = result.ok ? result.warnings : result.problems;
for (const problem of problems) console.error(formatProblem(problem));

const warnings = problems.filter((problem) => problem.severity === "warning").length;
const warningNote = warnings > 0 ? `, ${warnings} peringatan` : "";
if (result.ok) {
  const { categories, news, documents } = result.content;
  const topics = categories.reduce((sum, category) => sum + category.topics.length, 0);
  console.log(`OK: ${dir} berisi ${categories.length} kategori (${topics} topik), ${news.length} berita, ${documents.length} dokumen, ${PAGE_NAMES.length} halaman${warningNote}.`);
} else {
  console.error(`GAGAL: ${problems.length - warnings} masalah harus diperbaiki di ${dir}${warningNote}.`);
  process.exitCode = 1;
}
