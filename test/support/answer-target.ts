// The answer target for tests whose figures do not depend on it: the bureau's hours without jam-layanan.md, and 8 hours.
import { DEFAULT_SERVICE_HOURS } from "../../src/content/parse-service-hours.js";
import { HOUR_MS } from "../../src/db/report-queries.js";
import type { AnswerTarget } from "../../src/report/ticket-figures.js";

export const DEFAULT_TARGET: AnswerTarget = { hours: DEFAULT_SERVICE_HOURS, targetMs: 8 * HOUR_MS };
