// The content part of npm run doctor: the content folder as the bot would load it, and its documents apart, since
// the loader reads every listed document (refusing symbolic links) as it checks the folder.
import { DOCUMENTS_DIR, formatProblem, loadContent } from "../content/load-content.js";
import type { ContentProblem } from "../content/types.js";
import { fail, pass, type CheckLine, type Checked } from "./check.js";

export async function checkContent(dir: string): Promise<Checked> {
  const loaded = await loadContent(dir);
  if (loaded.ok) {
    const { categories, news, documents } = loaded.content;
    const topics = categories.reduce((sum, category) => sum + category.topics.length, 0);
    return {
      lines: [
        pass(`konten ${dir} valid: ${categories.length} kategori, ${topics} topik, ${news.length} berita`),
        pass(`dokumen: ${documents.length} berkas terbaca, tanpa tautan simbolik`),
      ],
      notChecked: [],
    };
  }
  const errors = loaded.problems.filter((problem) => problem.severity === "error");
  // The folder itself is missing or unreadable: nothing in it, documents included, could be read.
  if (errors.some((problem) => problem.file === ".")) return { lines: [invalid(`konten ${dir}`, errors)], notChecked: ["dokumen"] };
  const inDocuments = (problem: ContentProblem) => problem.file === DOCUMENTS_DIR || problem.file.startsWith(`${DOCUMENTS_DIR}/`);
  const documentErrors = errors.filter(inDocuments);
  const otherErrors = errors.filter((problem) => !inDocuments(problem));
  return {
    lines: [
      otherErrors.length > 0 ? invalid(`konten ${dir}`, otherErrors) : pass(`konten ${dir}: berkas menu, berita dan halaman valid`),
      documentErrors.length > 0 ? invalid("dokumen", documentErrors) : pass("dokumen: semua berkas yang tercantum terbaca"),
    ],
    notChecked: [],
  };
}

/** The first of the (one or more) problems in full; all of them are one command away. */
function invalid(what: string, errors: ContentProblem[]): CheckLine {
  const more = errors.length > 1 ? ` (dan ${errors.length - 1} masalah lain)` : "";
  return fail(
    `${what} tidak valid: ${formatProblem(errors[0]!)}${more}`,
    "perbaiki berkasnya; npm run content:check mencetak setiap masalah dengan nomor barisnya",
  );
}
