// The winston logger: one JSON-ish line per event; secrets are never passed to it, and tokens are masked as a last resort.
import winston from "winston";

const TOKEN_PATTERN = /\d{5,}:[A-Za-z0-9_-]{20,}/g;

const maskTokens = winston.format((info) => {
  for (const [key, value] of Object.entries(info)) {
    if (typeof value === "string") info[key] = value.replace(TOKEN_PATTERN, "<token>");
  }
  return info;
});

export type Logger = winston.Logger;

export function createLogger(level: string, stream: "stdout" | "silent" = "stdout"): Logger {
  return winston.createLogger({
    level,
    silent: stream === "silent",
    format: winston.format.combine(
      winston.format.errors({ stack: true }),
      maskTokens(),
      winston.format.timestamp(),
      winston.format.printf(({ timestamp, level: lvl, message, ...meta }) => {
        const rest = Object.keys(meta).length ? ` ${JSON.stringify(meta)}` : "";
        return `${String(timestamp)} ${lvl} ${String(message)}${rest}`;
      }),
    ),
    transports: [new winston.transports.Console()],
  });
}
