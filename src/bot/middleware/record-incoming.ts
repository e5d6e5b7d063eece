// Logs every incoming message and button press in `pesan` (passwords redacted) while it is handled.
import type { Context, NextFn } from "node-telegram-bot-api";
import { relabelIncoming } from "../../db/pesan-repo.js";
import { redactDaftar } from "../../domain/redact.js";
import { describeError } from "../describe-error.js";
import { describeUpdate, redactedJson } from "../update-info.js";
import type { BotDeps } from "../deps.js";

/**
 * `pesan.perintah` and `pesan.pengirim` are varchar(40) and varchar(255), and strict MySQL refuses a longer value, row
 * and all: a 4,000-letter "/command" or 64 bytes of button data must not cost the message its log line.
 */
const PERINTAH_LENGTH = 40;
const PENGIRIM_LENGTH = 255;

export function recordIncoming(deps: BotDeps) {
  return async (ctx: Context, next: NextFn): Promise<void> => {
    const info = describeUpdate(ctx.update);
    if (info.kind === "message" || info.kind === "edited_message" || info.kind === "callback_query") {
      const name = info.from ? fit([info.from.first_name, info.from.last_name].filter(Boolean).join(" "), PENGIRIM_LENGTH) : null;
      const command = info.command ?? (info.kind === "callback_query" ? info.text : undefined);
      const row = {
        waktu: deps.clock(),
        arah: "masuk" as const,
        id_chat: info.chat?.id ?? info.from?.id ?? null,
        id_pengirim: info.from?.id ?? null,
        pengirim: name,
        isi_pesan: info.text === undefined ? null : redactDaftar(info.text),
        // An edit is logged as a version of its message (same id_pesan), not as a message of its own.
        jenis: info.kind === "callback_query" ? "tombol" : info.kind === "edited_message" ? "suntingan" : messageKind(ctx),
        perintah: command === undefined ? null : fit(command, PERINTAH_LENGTH),
        data: redactedJson(ctx.update),
        id_pesan: info.message?.message_id ?? null,
        update_id: ctx.update.update_id,
      };
      // The log must not stand between an employee and an answer: it is written while the update is handled,
      // and a failed write is logged while the update goes on.
      const logged = deps.recordPesan([row]).catch((err: unknown) =>
        deps.log.warn("gagal mencatat pesan masuk", { updateId: ctx.update.update_id, error: describeError(err) }),
      );
      try {
        await next();
      } finally {
        await logged;
        await relabel(deps, ctx);
      }
      return;
    }
    await next();
  };
}

/** A handler that found a message to be something else than it looked (a comment) says so in `ctx.state.pesanJenis`. */
async function relabel(deps: BotDeps, ctx: Context): Promise<void> {
  const jenis = ctx.state.pesanJenis;
  if (typeof jenis !== "string") return;
  await relabelIncoming(deps.db, ctx.update.update_id, jenis).catch((err: unknown) =>
    deps.log.warn("gagal menandai jenis pesan masuk", { updateId: ctx.update.update_id, error: describeError(err) }),
  );
}

/** The first `length` characters as MySQL counts them (code points), so no emoji is cut in half. */
function fit(text: string, length: number): string {
  return text.length <= length ? text : Array.from(text).slice(0, length).join("");
}

function messageKind(ctx: Context): string {
  const m = ctx.message;
  if (!m) return "lain";
  if (m.text?.startsWith("/")) return "perintah";
  for (const kind of ["text", "photo", "document", "voice", "video", "audio", "sticker", "video_note", "animation", "location", "contact"] as const) {
    if (kind in m) return kind === "text" ? "teks" : kind;
  }
  return "lain";
}
