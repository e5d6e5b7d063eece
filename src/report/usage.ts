// Sorts the counted commands and button presses by what they asked for: a service of the bot menu (typed as a
// command or pressed as a button), a topic read, a document downloaded, or staff work in the group.
import { parseCallbackData, type CallbackAction } from "../bot/callback-data.js";
import { COMMANDS } from "../bot/messages.js";
import type { CommandUse } from "../db/report-queries.js";

export interface ServiceUse {
  /** The command without slash, e.g. "tunkin". */
  command: string;
  /** From the bot's command list, e.g. "Tunjangan kinerja bulan terakhir". */
  description: string;
  viaCommand: number;
  viaButton: number;
}

export interface TopicReads {
  category: string;
  topicId: string;
  reads: number;
}

export interface DocumentDownloads {
  documentId: string;
  downloads: number;
}

export interface Usage {
  /** Every command of the bot menu, used or not, most used first. */
  services: ServiceUse[];
  /** Commands employees typed that the bot does not have. */
  unknownCommands: number;
  /** Buttons that no longer parse (left over from an older bot): counted, not named. */
  unknownButtons: number;
  topics: TopicReads[];
  documents: DocumentDownloads[];
  /** Presses on a guide topic offered with a question. */
  suggestionsOpened: number;
  /** Commands typed in the staff group (/tiket, /selesai, …), most used first. */
  staffCommands: { command: string; uses: number }[];
}

/** The menu command a button stands for, if it opens a service rather than a topic, document or staff action. */
function serviceOfButton(action: CallbackAction): string | undefined {
  switch (action.type) {
    case "mainMenu":
      return "menu";
    case "news":
    case "newsItem":
      return "terkini";
    case "documents":
      return "dokumen";
    case "category":
      return action.category;
    case "personal":
      return action.service;
    default:
      return undefined;
  }
}

export function classifyUsage(rows: readonly CommandUse[]): Usage {
  const services = new Map(COMMANDS.map(({ command, description }) => [command, { command, description, viaCommand: 0, viaButton: 0 }]));
  const usage: Usage = { services: [], unknownCommands: 0, unknownButtons: 0, topics: [], documents: [], suggestionsOpened: 0, staffCommands: [] };
  for (const row of rows) {
    if (row.staffGroup) {
      // The only staff buttons are announcement confirmations: not a service, so left out.
      if (row.jenis === "perintah") usage.staffCommands.push({ command: row.perintah, uses: row.uses });
      continue;
    }
    if (row.jenis === "perintah") {
      const service = services.get(row.perintah);
      if (service) service.viaCommand += row.uses;
      else usage.unknownCommands += row.uses;
      continue;
    }
    const action = parseCallbackData(row.perintah);
    if (!action) {
      usage.unknownButtons += row.uses;
      continue;
    }
    const service = serviceOfButton(action);
    if (service !== undefined) {
      const use = services.get(service);
      if (use) use.viaButton += row.uses;
    } else if (action.type === "topic") usage.topics.push({ category: action.category, topicId: action.topicId, reads: row.uses });
    else if (action.type === "document") usage.documents.push({ documentId: action.documentId, downloads: row.uses });
    else if (action.type === "suggestion") usage.suggestionsOpened += row.uses;
  }
  usage.services = [...services.values()].sort((a, b) => b.viaCommand + b.viaButton - (a.viaCommand + a.viaButton));
  usage.staffCommands.sort((a, b) => b.uses - a.uses);
  return usage;
}
