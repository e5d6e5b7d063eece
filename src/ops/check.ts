// One line of npm run doctor's answer, as data: what is right, or what is wrong and how to fix it, in Indonesian.

export type CheckLine = { ok: true; what: string } | { ok: false; what: string; fix: string };

/** What a group of checks found, and the checks it could not make because an earlier one failed. */
export interface Checked {
  lines: CheckLine[];
  notChecked: string[];
}

export function pass(what: string): CheckLine {
  return { ok: true, what };
}

export function fail(what: string, fix: string): CheckLine {
  return { ok: false, what, fix };
}
