// Reads what the admin typed to the export and erase commands (a NIP, --out, --yes, --help, the confirmation), with
// the problem in Indonesian.
import { nip as readNip } from "../domain/csv-import/cells.js";

export type PersonalDataRequest =
  | { kind: "run"; nip: string; out: string | undefined; yes: boolean }
  | { kind: "help" }
  /** Arguments that do not fit the usage: print it, exit code 2. */
  | { kind: "invalid"; problem: string }
  /** A NIP that cannot be one: exit code 1. */
  | { kind: "bad-nip"; problem: string };

export interface AcceptedOptions {
  out: boolean;
  yes: boolean;
}

export function parsePersonalDataArgs(args: readonly string[], accepted: AcceptedOptions): PersonalDataRequest {
  const nipParts: string[] = [];
  let out: string | undefined;
  let yes = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--help" || arg === "-h") return { kind: "help" };
    if (accepted.yes && (arg === "--yes" || arg === "-y")) {
      yes = true;
    } else if (accepted.out && (arg === "--out" || arg.startsWith("--out="))) {
      if (out !== undefined) return { kind: "invalid", problem: "--out diberikan lebih dari sekali" };
      out = arg === "--out" ? args[++i] : arg.slice("--out=".length);
      if (out === undefined || out === "" || out.startsWith("-")) return { kind: "invalid", problem: "--out perlu nama berkas" };
    } else if (arg.startsWith("-")) {
      return { kind: "invalid", problem: `argumen tidak dikenal: ${arg}` };
    } else {
      nipParts.push(arg);
    }
  }
  // NIPs are often written in groups (19850101 201001 1 001), which the shell splits into several arguments.
  const typed = nipParts.join("").replace(/\s/g, "");
  if (typed === "") return { kind: "invalid", problem: "NIP wajib diisi" };
  const nip = readNip(typed);
  if (!nip.ok) return { kind: "bad-nip", problem: `NIP tidak sah: ${nip.reason}` };
  return { kind: "run", nip: nip.value, out, yes };
}

/** The erase command goes ahead when the admin types the NIP again (spaces allowed) or "ya". */
export function confirmsErasure(answer: string, nip: string): boolean {
  const typed = answer.trim();
  return typed.toLowerCase() === "ya" || typed.replace(/\s/g, "") === nip;
}
