// The service report of a period as one HTML page: figures from the database, topic titles from the current content.
import type { Content } from "../content/types.js";
import type { Db } from "../db/database.js";
import { contentUsage } from "./content-usage.js";
import { collectFigures } from "./figures.js";
import type { Period } from "./period.js";
import { renderReportPage } from "./report-page.js";
import type { AnswerTarget } from "./ticket-figures.js";

export async function buildServiceReport(db: Db, period: Period, now: number, content: Content, target: AnswerTarget): Promise<string> {
  const figures = await collectFigures(db, period, now, target);
  return renderReportPage(figures, contentUsage(figures.usage, content, figures.guides.closedByGuide));
}
