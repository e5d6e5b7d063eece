// A bench figure (a name, a value, perhaps a target) and how it reads: `idle.p95_ms: 6.2 (target ≤ 15) PASS`.

export interface Target {
  op: "≤" | "≥" | "=";
  value: number;
}

export interface Figure {
  name: string;
  value: number;
  /** Digits after the decimal point when printed. */
  digits: number;
  target?: Target;
  /** What the figure is measured against, or why it is what it is; printed under it. */
  note?: string;
  /** The raw samples a percentile was computed from, kept in the JSON results. */
  samples?: number[];
}

export function figure(name: string, value: number, options: Partial<Omit<Figure, "name" | "value">> = {}): Figure {
  return { name, value, digits: options.digits ?? 1, ...options };
}

export function passes(f: Figure): boolean | undefined {
  if (!f.target) return undefined;
  if (!Number.isFinite(f.value)) return false;
  // Compared as printed, so a figure never reads "15.0 (target ≤ 15) FAIL".
  const shown = Number(f.value.toFixed(f.digits));
  if (f.target.op === "≥") return shown >= f.target.value;
  return f.target.op === "≤" ? shown <= f.target.value : shown === f.target.value;
}

export function formatFigure(f: Figure): string {
  const value = Number.isFinite(f.value) ? f.value.toFixed(f.digits) : "n/a";
  const verdict = passes(f);
  const target = f.target ? ` (target ${f.target.op} ${f.target.value}) ${verdict ? "PASS" : "FAIL"}` : "";
  const note = f.note ? `\n    ${f.note.replaceAll("\n", "\n    ")}` : "";
  return `${f.name}: ${value}${target}${note}`;
}
