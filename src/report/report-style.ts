// The report page's look: calm typography, headline cards, charts that scale, and an A4 print layout.

/** The chart colours: Okabe–Ito hues (told apart with any colour vision, at least 3:1 against white) and a grey for "the rest". */
export const PALETTE = {
  blue: "#0072B2",
  vermillion: "#D55E00",
  green: "#009E73",
  grey: "#A7B0BA",
} as const;

export const REPORT_CSS = `
:root { --ink: #1d2530; --muted: #5b6573; --line: #dfe3e8; --paper: #ffffff; --wash: #f5f7f9; --navy: #12355b; --warn: #b34700; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--wash); color: var(--ink); font: 15px/1.5 "Segoe UI", "Noto Sans", "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
main { max-width: 1080px; margin: 0 auto; padding: 0 24px 40px; }
header.masthead { background: var(--navy); color: #fff; }
header.masthead .inner { max-width: 1080px; margin: 0 auto; padding: 28px 24px 26px; }
.eyebrow { font-size: 13px; letter-spacing: .08em; text-transform: uppercase; opacity: .85; margin: 0 0 6px; }
h1 { font-size: 30px; line-height: 1.2; margin: 0 0 10px; font-weight: 700; }
.period { font-size: 18px; margin: 0; }
.made { font-size: 13px; margin: 4px 0 0; opacity: .85; }
h2 { font-size: 20px; margin: 0 0 4px; color: var(--navy); }
h3 { font-size: 15px; margin: 18px 0 6px; }
.lead { color: var(--muted); margin: 0 0 14px; max-width: 60em; }
.num, .card .value, td.n, th.n { font-variant-numeric: tabular-nums; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; margin: -18px 0 22px; }
.card { background: var(--paper); border: 1px solid var(--line); border-top: 4px solid var(--navy); border-radius: 6px; padding: 12px 14px 12px; }
.card.alert { border-top-color: var(--warn); }
.card .label { font-size: 13px; color: var(--muted); margin: 0; }
.card .value { font-size: 30px; font-weight: 700; line-height: 1.15; margin: 4px 0 2px; }
.card.alert .value { color: var(--warn); }
.card .sub { font-size: 13px; color: var(--muted); margin: 0; }
.panel { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 20px 22px 18px; margin: 0 0 18px; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 28px; }
svg.chart { display: block; width: 100%; height: auto; max-width: 100%; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 0 0 8px; padding: 0; list-style: none; font-size: 13px; color: var(--ink); }
.legend li { display: inline-flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 14px; height: 14px; border-radius: 2px; border: 1px solid rgba(0,0,0,.15); }
.note { font-size: 13px; color: var(--muted); margin: 10px 0 0; }
.callout { border-left: 4px solid var(--warn); background: #fff7f0; padding: 10px 14px; margin: 14px 0 0; border-radius: 0 4px 4px 0; }
.callout.ok { border-left-color: #00795a; background: #f0faf6; }
.callout h3 { margin: 0 0 4px; }
.callout ul { margin: 4px 0 0; padding-left: 20px; }
.stats { display: flex; flex-wrap: wrap; gap: 0; margin: 4px 0 14px; border: 1px solid var(--line); border-radius: 6px; }
.stats div { flex: 1 1 0; padding: 8px 14px; border-left: 1px solid var(--line); min-width: 120px; }
.stats div:first-child { border-left: 0; }
.stats b { display: block; font-size: 22px; font-variant-numeric: tabular-nums; }
.stats span { font-size: 12.5px; color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; }
th, td { text-align: left; padding: 6px 10px 6px 0; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--muted); font-size: 12.5px; }
td.n, th.n { text-align: right; padding-right: 14px; }
.badge { display: inline-block; font-size: 12px; padding: 1px 8px; border-radius: 10px; background: #fde8da; color: #8a3600; }
.badge.quiet { background: #e8edf2; color: var(--ink); }
details { margin-top: 10px; font-size: 13px; }
summary { cursor: pointer; color: var(--navy); }
footer { color: var(--muted); font-size: 12.5px; }
footer dl { display: grid; grid-template-columns: 190px 1fr; gap: 4px 16px; margin: 8px 0 0; }
footer dt { font-weight: 600; color: var(--ink); }
footer dd { margin: 0; }
@media (max-width: 820px) { .cards { grid-template-columns: repeat(2, 1fr); } .columns { grid-template-columns: 1fr; } }
@page { size: A4; margin: 12mm; }
@media print {
  body { background: #fff; font-size: 12px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main, header.masthead .inner { max-width: none; padding-left: 0; padding-right: 0; }
  header.masthead { background: #fff; color: var(--ink); border-bottom: 3px solid var(--navy); }
  header.masthead .inner { padding-top: 0; padding-bottom: 10px; }
  .cards { margin-top: 12px; grid-template-columns: repeat(4, 1fr); }
  .card .value { font-size: 22px; }
  h1 { font-size: 24px; }
  .panel, .card { border-color: #c9d0d8; break-inside: avoid; }
  .panel { padding: 12px 0; border-width: 1px 0 0; border-radius: 0; }
  details { display: none; }
}
`;
