// Hand-written inline SVG charts for the report page: stacked columns per day, horizontal bars, the hour-of-week heat
// map. Plain strings, so the page opens without script or network; every mark carries its value in a <title>.
import { WEEKDAYS } from "../content/indonesian-date.js";
import { escapeMarkup as esc, formatCount, formatShortDate, WEEKDAYS_SHORT } from "./report-format.js";

export interface Series {
  name: string;
  /** Fill colour; the palette lives with the page, where the legends are. */
  colour: string;
}

/** Who the chart is for when it cannot be seen: a screen reader reads title and description. */
export interface ChartLabel {
  /** Unique within the page. */
  id: string;
  title: string;
  description: string;
}

const INK = "#1d2530";
const MUTED = "#5b6573";
const GRID = "#e3e7ec";
const WEEKEND = "#f3f5f8";
const EMPTY_CELL = "#f1f3f5";
/** ColorBrewer "Blues", light to dark: ordered for every kind of colour vision and readable in grey print. */
const HEAT = ["#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#2171b5", "#08519c"];
const FONT = 13;

function svgOpen(label: ChartLabel, width: number, height: number, className: string): string {
  return (
    // The drawing scales down with the page but never up past its own width, so its text keeps the size it was drawn at.
    `<svg class="chart ${className}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" style="max-width:${width}px" role="img" ` +
    `aria-labelledby="${label.id}-t ${label.id}-d" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${label.id}-t">${esc(label.title)}</title><desc id="${label.id}-d">${esc(label.description)}</desc>`
  );
}

function text(x: number, y: number, content: string, attrs = ""): string {
  return `<text x="${round(x)}" y="${round(y)}" ${attrs}>${esc(content)}</text>`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** An axis top and tick step of 1, 2 or 5 × 10ⁿ giving four or five gridlines above zero. */
function niceScale(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 4, step: 1 };
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough)!;
  return { top: Math.max(step, Math.ceil(max / step) * step), step: Math.max(1, step) };
}

export interface DayColumn {
  /** YYYY-MM-DD */
  date: string;
  /** 0 = Senin … 6 = Minggu; weekends are shaded. */
  weekday: number;
  /** One value per series, stacked bottom-up in series order. */
  values: number[];
}

/** Stacked columns, one per day; weekends shaded, each day's total above its column when there is room. */
export function dayColumns(label: ChartLabel, days: readonly DayColumn[], series: readonly Series[]): string {
  const width = 1000;
  const height = 290;
  const left = 48;
  const right = 8;
  const top = 22;
  const bottom = 50;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const slot = plotWidth / Math.max(1, days.length);
  const barWidth = Math.min(40, slot * 0.72);
  const { top: axisTop, step } = niceScale(Math.max(0, ...days.map((d) => d.values.reduce((a, b) => a + b, 0))));
  const y = (v: number) => top + plotHeight - (v / axisTop) * plotHeight;
  const roomy = slot >= 24;
  const parts = [svgOpen(label, width, height, "day-columns")];

  days.forEach((d, i) => {
    if (d.weekday >= 5) parts.push(`<rect class="weekend" x="${round(left + i * slot)}" y="${top}" width="${round(slot)}" height="${plotHeight}" fill="${WEEKEND}"/>`);
  });
  for (let v = 0; v <= axisTop; v += step) {
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${round(y(v))}" y2="${round(y(v))}" stroke="${v === 0 ? MUTED : GRID}" stroke-width="1"/>`);
    parts.push(text(left - 8, y(v) + 4, formatCount(v), `text-anchor="end" font-size="11" fill="${MUTED}"`));
  }
  days.forEach((d, i) => {
    const x = left + i * slot + (slot - barWidth) / 2;
    const name = `${WEEKDAYS[d.weekday]}, ${formatShortDate(d.date)}`;
    let base = 0;
    parts.push(`<g class="day" data-date="${d.date}">`);
    d.values.forEach((value, s) => {
      if (value <= 0) return;
      parts.push(
        `<rect class="bar" data-series="${s}" data-value="${value}" x="${round(x)}" y="${round(y(base + value))}" width="${round(barWidth)}" ` +
          `height="${round(y(base) - y(base + value))}" fill="${series[s]!.colour}"><title>${esc(`${name}: ${formatCount(value)} ${series[s]!.name.toLowerCase()}`)}</title></rect>`,
      );
      base += value;
    });
    if (roomy && base > 0) parts.push(text(x + barWidth / 2, y(base) - 5, formatCount(base), `text-anchor="middle" font-size="10.5" fill="${MUTED}"`));
    parts.push("</g>");
    // Every day when they fit, otherwise Mondays, so the weeks stay readable on long periods.
    const dayOfMonth = d.date.slice(8);
    if (roomy || d.weekday === 0) {
      const weight = d.weekday >= 5 ? `fill="${MUTED}"` : `fill="${INK}"`;
      parts.push(text(left + i * slot + slot / 2, height - bottom + 16, String(Number(dayOfMonth)), `text-anchor="middle" font-size="11" ${weight}`));
    }
    if (i === 0 || dayOfMonth === "01") {
      parts.push(text(left + i * slot + 2, height - bottom + 34, formatShortDate(d.date).split(" ")[1]!, `font-size="11" font-weight="600" fill="${MUTED}"`));
      if (i > 0) parts.push(`<line x1="${round(left + i * slot)}" x2="${round(left + i * slot)}" y1="${height - bottom}" y2="${height - bottom + 38}" stroke="${GRID}"/>`);
    }
  });
  parts.push("</svg>");
  return parts.join("");
}

export interface BarRow {
  label: string;
  /** One value per series, side by side from the left in series order. */
  segments: number[];
  /** Written after the bar, e.g. "45 dari 60 (75%)". */
  note: string;
}

export interface BarOptions {
  /** Width of the drawing; the half-page charts use a narrower one so their text keeps its size. */
  width?: number;
  labelWidth?: number;
  noteWidth?: number;
  /** "shared": one scale for all rows, the largest total filling the width; "row": every row's total fills it (shares). */
  scale?: "shared" | "row";
}

/** Horizontal bars, one row per item, label on the left and a note after the bar. */
export function barRows(label: ChartLabel, rows: readonly BarRow[], series: readonly Series[], options: BarOptions = {}): string {
  const width = options.width ?? 1000;
  const labelWidth = options.labelWidth ?? 300;
  const noteWidth = options.noteWidth ?? 150;
  const rowHeight = 28;
  const barHeight = 18;
  const top = 4;
  const height = top + rows.length * rowHeight + 4;
  const barSpace = width - labelWidth - noteWidth - 16;
  const totalOf = (row: BarRow) => row.segments.reduce((a, b) => a + b, 0);
  const largest = Math.max(1, ...rows.map(totalOf));
  const maxChars = Math.floor(labelWidth / (FONT * 0.54));
  const parts = [svgOpen(label, width, height, "bar-rows")];

  rows.forEach((row, i) => {
    const rowTop = top + i * rowHeight;
    const shown = row.label.length > maxChars ? `${row.label.slice(0, maxChars - 1).trimEnd()}…` : row.label;
    parts.push(`<g class="row">`);
    parts.push(`<text x="${labelWidth - 10}" y="${rowTop + 18}" text-anchor="end" font-size="${FONT}" fill="${INK}"><title>${esc(row.label)}</title>${esc(shown)}</text>`);
    parts.push(`<rect x="${labelWidth}" y="${rowTop + 4}" width="${round(barSpace)}" height="${barHeight}" fill="${EMPTY_CELL}"/>`);
    const max = options.scale === "row" ? Math.max(1, totalOf(row)) : largest;
    let x = labelWidth;
    row.segments.forEach((value, s) => {
      if (value <= 0) return;
      const w = (value / max) * barSpace;
      parts.push(
        `<rect class="bar" data-series="${s}" data-value="${value}" x="${round(x)}" y="${rowTop + 4}" width="${round(Math.max(w, 1.5))}" height="${barHeight}" ` +
          `fill="${series[s]!.colour}"><title>${esc(`${row.label}: ${formatCount(value)} ${series[s]!.name.toLowerCase()}`)}</title></rect>`,
      );
      x += w;
    });
    parts.push(text(labelWidth + barSpace + 10, rowTop + 18, row.note, `font-size="${FONT - 1}" fill="${INK}" class="num"`));
    parts.push("</g>");
  });
  parts.push("</svg>");
  return parts.join("");
}

/** The quantile class (1–6) of a non-zero count against the busiest hour. */
function heatLevel(value: number, max: number): number {
  return Math.min(HEAT.length, Math.max(1, Math.ceil((value / max) * HEAT.length)));
}

/** The counts each colour of the heat map stands for, for its legend: "1–4", "5–8", … (empty classes left out). */
export function heatLegend(max: number): { colour: string; range: string }[] {
  return HEAT.flatMap((colour, i) => {
    const low = Math.floor((max * i) / HEAT.length) + 1;
    const high = Math.floor((max * (i + 1)) / HEAT.length);
    if (low > high) return [];
    return [{ colour, range: low === high ? formatCount(low) : `${formatCount(low)}–${formatCount(high)}` }];
  });
}

export const HEAT_EMPTY = EMPTY_CELL;

/** Weekdays down, hours across, darker for busier; every cell shows its count. */
export function hourOfWeekHeatMap(label: ChartLabel, counts: readonly (readonly number[])[]): string {
  const left = 62;
  const top = 24;
  const cellWidth = 37;
  const cellHeight = 30;
  const gap = 2;
  const width = left + 24 * (cellWidth + gap);
  const height = top + 7 * (cellHeight + gap);
  const max = Math.max(0, ...counts.flat());
  const parts = [svgOpen(label, width, height, "heat-map")];

  for (let hour = 0; hour < 24; hour++) {
    parts.push(text(left + hour * (cellWidth + gap) + cellWidth / 2, 15, String(hour).padStart(2, "0"), `text-anchor="middle" font-size="11" fill="${MUTED}"`));
  }
  counts.forEach((hours, weekday) => {
    const rowTop = top + weekday * (cellHeight + gap);
    parts.push(text(left - 10, rowTop + cellHeight / 2 + 4, WEEKDAYS_SHORT[weekday]!, `text-anchor="end" font-size="12" fill="${INK}"`));
    hours.forEach((value, hour) => {
      const level = value > 0 ? heatLevel(value, max) : 0;
      const fill = level === 0 ? EMPTY_CELL : HEAT[level - 1]!;
      const x = left + hour * (cellWidth + gap);
      const span = `${WEEKDAYS[weekday]} ${String(hour).padStart(2, "0")}.00–${String(hour).padStart(2, "0")}.59`;
      parts.push(
        `<rect class="cell" data-weekday="${weekday}" data-hour="${hour}" data-value="${value}" x="${x}" y="${rowTop}" width="${cellWidth}" height="${cellHeight}" rx="2" fill="${fill}">` +
          `<title>${esc(`${span}: ${formatCount(value)} pesan`)}</title></rect>`,
      );
      if (value > 0) {
        parts.push(text(x + cellWidth / 2, rowTop + cellHeight / 2 + 4, formatCount(value), `text-anchor="middle" font-size="10.5" fill="${level >= 5 ? "#ffffff" : INK}"`));
      }
    });
  });
  parts.push("</svg>");
  return parts.join("");
}
