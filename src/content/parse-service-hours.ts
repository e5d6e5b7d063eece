// Reads jam-layanan.md: the days and hours the team answers ("- Senin–Kamis: 07.30–16.00") and the holidays it does
// not ("- 17 Agustus 2026: Proklamasi Kemerdekaan RI"), every problem with its line.
import { formatIndonesianDate, parseIndonesianDate, WEEKDAYS } from "./indonesian-date.js";
import type { LineProblem } from "./markdown.js";
import type { Parsed } from "./parse.js";
import { splitSections, strayTitles, type Section, type SectionedFile } from "./sections.js";
import type { Holiday, ServiceHours, WorkingDay } from "./types.js";

const HOURS_SECTION = "Jam kerja";
const HOLIDAYS_SECTION = "Hari libur";
const HOURS_EXAMPLE = '"- Senin–Kamis: 07.30–16.00"';
const HOLIDAY_EXAMPLE = '"- 17 Agustus 2026: Proklamasi Kemerdekaan RI"';
const ENTRY = /^\s*[-*]\s+(.*)$/;
/** "Senin–Kamis: 07.30–16.00", and without the colon: the days end where the first digit begins. */
const HOURS_ENTRY = /^(\D*?)\s*:?\s*(\d.*)$/;
/** Between the ends of a range: "Senin–Kamis", "07.30 - 16.00", "Senin s.d. Kamis", "Senin s/d Kamis", "Senin sampai Kamis". */
const RANGE = /\s*[–—-]\s*|\s+(?:s\.\s?d\.?|s\/d|sampai(?:\s+dengan)?)\s+/i;
const TIME = /^(\d{1,2})[.:](\d{2})$/;
const DAY_MINUTES = 24 * 60;

/** The bureau's hours before jam-layanan.md existed: what a content folder without one gets. */
export const DEFAULT_SERVICE_HOURS: ServiceHours = parseServiceHours(`## ${HOURS_SECTION}\n- Senin–Kamis: 07.30–16.00\n- Jumat: 07.30–16.30\n`).value;

export function parseServiceHours(source: string): Parsed<ServiceHours> {
  const problems: LineProblem[] = [];
  const file = splitSections(source);
  reportStrayTitles(file, problems);
  const days: WorkingDay[] = [];
  const holidays: Holiday[] = [];
  const dayLines = new Map<number, number>();
  const dateLines = new Map<string, number>();
  let hoursSeen = false;
  for (const section of file.sections) {
    const name = section.heading.text.toLowerCase();
    if (name === HOURS_SECTION.toLowerCase()) {
      hoursSeen = true;
      const entries = entriesOf(section, HOURS_SECTION, HOURS_EXAMPLE, problems);
      if (entries.length === 0) {
        problems.push({ line: section.heading.line, message: `bagian "${HOURS_SECTION}" belum berisi hari kerja; tulis misalnya ${HOURS_EXAMPLE}` });
      }
      for (const { text, line } of entries) {
        for (const day of readWorkingDays(text, line, problems)) {
          const earlier = earlierLine(dayLines, day.weekday, line);
          if (earlier === undefined) days.push(day);
          else problems.push({ line, message: `hari ${WEEKDAYS[day.weekday - 1]} sudah ada di baris ${earlier}; setiap hari cukup ditulis sekali` });
        }
      }
    } else if (name === HOLIDAYS_SECTION.toLowerCase()) {
      for (const { text, line } of entriesOf(section, HOLIDAYS_SECTION, HOLIDAY_EXAMPLE, problems)) {
        const holiday = readHoliday(text, line, problems);
        if (!holiday) continue;
        const earlier = earlierLine(dateLines, holiday.date, line);
        if (earlier === undefined) holidays.push(holiday);
        else problems.push({ line, message: `tanggal ${formatIndonesianDate(holiday.date)} sudah ada di baris ${earlier}; satu tanggal cukup ditulis sekali` });
      }
    } else {
      problems.push({ line: section.heading.line, message: `bagian "${section.heading.text}" tidak dikenal; judul bagian yang dipakai hanya "## ${HOURS_SECTION}" dan "## ${HOLIDAYS_SECTION}"` });
    }
  }
  if (!hoursSeen) {
    problems.push({ line: 1, message: `bagian "## ${HOURS_SECTION}" tidak ada; tambahkan judul itu, lalu hari dan jam kerja di bawahnya, misalnya ${HOURS_EXAMPLE}` });
  }
  days.sort((a, b) => a.weekday - b.weekday);
  holidays.sort((a, b) => a.date.localeCompare(b.date));
  return { value: { days, holidays }, problems: problems.sort((a, b) => a.line - b.line) };
}

/** Only the file's own title may be a "#" heading. */
function reportStrayTitles(file: SectionedFile, problems: LineProblem[]): void {
  for (const title of strayTitles(file)) {
    problems.push({ line: title.line, message: `judul bagian ditulis dengan "## ", misalnya "## ${HOLIDAYS_SECTION}"; "# " hanya untuk judul berkas di baris pertama` });
  }
}

/** The section's "- " lines; any other text there is refused, so that a line missing its "- " is not skipped unseen. */
function entriesOf(section: Section, name: string, example: string, problems: LineProblem[]): { text: string; line: number }[] {
  return section.source.split("\n").flatMap((text, index) => {
    const line = section.firstLine + index;
    if (text.trim() === "") return [];
    const entry = ENTRY.exec(text);
    if (entry) return [{ text: entry[1]!.trim(), line }];
    problems.push({ line, message: `baris di bagian "${name}" harus diawali "- ", misalnya ${example}; catatan ditulis di atas "## ${HOURS_SECTION}"` });
    return [];
  });
}

/** "Senin–Kamis: 07.30–16.00" → one working day per weekday of the range; none when the line has a problem. */
function readWorkingDays(text: string, line: number, problems: LineProblem[]): WorkingDay[] {
  const match = HOURS_ENTRY.exec(text);
  if (!match) {
    problems.push({ line, message: `jam kerja belum ditulis; tulis hari, titik dua, lalu jam mulai–selesai, misalnya ${HOURS_EXAMPLE}. Hari yang tutup tidak perlu ditulis` });
    return [];
  }
  const weekdays = readWeekdays(match[1]!, line, problems);
  const minutes = readMinutes(match[2]!, line, problems);
  if (!weekdays || !minutes) return [];
  return weekdays.map((weekday) => ({ weekday, startMinute: minutes.start, endMinute: minutes.end }));
}

/** "Senin–Kamis" → [1, 2, 3, 4]; "Jumat" → [5]. */
function readWeekdays(text: string, line: number, problems: LineProblem[]): number[] | undefined {
  if (text === "") {
    problems.push({ line, message: `hari belum ditulis; tulis hari sebelum jamnya, misalnya ${HOURS_EXAMPLE}` });
    return undefined;
  }
  const ends = text.split(RANGE);
  const first = weekdayOf(ends[0]!);
  const last = weekdayOf(ends.at(-1)!);
  if (ends.length > 2 || first === undefined || last === undefined) {
    const unknown = ends.length > 2 ? text : ends.find((end) => weekdayOf(end) === undefined);
    problems.push({ line, message: `hari "${unknown}" tidak dikenali; tulis satu hari (${WEEKDAYS.join(", ")}) atau satu rentang hari per baris, misalnya ${HOURS_EXAMPLE}` });
    return undefined;
  }
  if (first > last) {
    problems.push({ line, message: `rentang hari "${text}" terbalik; tulis hari yang lebih awal dulu, misalnya "Senin–Kamis"` });
    return undefined;
  }
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

/** "Senin" → 1 … "Minggu" → 7, whatever the case; "Jum'at" is Jumat too. */
function weekdayOf(name: string): number | undefined {
  const key = name.trim().toLowerCase().replace(/['’‘`]/g, "");
  const index = WEEKDAYS.findIndex((weekday) => weekday.toLowerCase() === key);
  return index === -1 ? undefined : index + 1;
}

/** "07.30–16.00" (or "07:30 - 16:00 WIB") → minutes after midnight. */
function readMinutes(text: string, line: number, problems: LineProblem[]): { start: number; end: number } | undefined {
  const ends = text.replace(/\s*WIB$/i, "").split(RANGE);
  const [start, end] = ends.map(minuteOf);
  if (ends.length !== 2) {
    problems.push({ line, message: `jam "${text}" tidak dikenali; tulis jam mulai dan jam selesai, misalnya ${HOURS_EXAMPLE}` });
    return undefined;
  }
  if (start === undefined || end === undefined) {
    problems.push({ line, message: `jam "${ends[start === undefined ? 0 : 1]}" tidak dikenali; tulis jam dan menit dipisah titik, misalnya ${HOURS_EXAMPLE}` });
    return undefined;
  }
  if (end <= start) {
    problems.push({ line, message: `jam selesai (${ends[1]}) harus sesudah jam mulai (${ends[0]}), misalnya ${HOURS_EXAMPLE}` });
    return undefined;
  }
  return { start, end };
}

/** "07.30" → 450; "24.00" (the end of the day) is 1440. */
function minuteOf(text: string): number | undefined {
  const match = TIME.exec(text);
  if (!match) return undefined;
  const minute = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minute <= DAY_MINUTES ? minute : undefined;
}

/** "17 Agustus 2026: Proklamasi Kemerdekaan RI"; the date may be written any way parseIndonesianDate reads. */
function readHoliday(text: string, line: number, problems: LineProblem[]): Holiday | undefined {
  const colon = text.indexOf(":");
  const dateText = (colon === -1 ? text : text.slice(0, colon)).trim();
  const name = colon === -1 ? "" : text.slice(colon + 1).trim().replace(/\s+/g, " ");
  const date = parseIndonesianDate(dateText);
  if (!date) {
    problems.push({
      line,
      message: colon === -1
        ? `tulis tanggal, titik dua, lalu nama hari liburnya, misalnya ${HOLIDAY_EXAMPLE}`
        : `tanggal "${dateText}" tidak ada di kalender atau tidak dikenali; tulis seperti "17 Agustus 2026"`,
    });
    return undefined;
  }
  if (name === "") {
    problems.push({ line, message: `hari libur ${formatIndonesianDate(date)} belum diberi nama; tulis namanya sesudah titik dua, misalnya ${HOLIDAY_EXAMPLE}` });
    return undefined;
  }
  return { date, name };
}

/** The line `key` was first written on; undefined the first time, when `line` is remembered for it. */
function earlierLine<K>(seen: Map<K, number>, key: K, line: number): number | undefined {
  const earlier = seen.get(key);
  if (earlier === undefined) seen.set(key, line);
  return earlier;
}
