// The winston logger: one JSON-ish line per event; secrets are never passed to it, and tokens are masked as a last resort.
import winston from "winston";

const TOKEN_PATTERN = /\d{5,}:[A-Za-z0-9_-]{20,}/g;

/** A copy with every string masked, however deep it sits (an error's cause, a request's URL inside its options). */
function masked(value: unknown, seen: WeakSet<object>, depth: number): unknown {
  if (typeof value === "string") return value.replace(TOKEN_PATTERN, "<token>");
  if (typeof value !== "object" || value === null || seen.has(value) || depth > 8) return value;
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => masked(v, seen, depth + 1));
  if (value instanceof Error) return { name: value.name, message: masked(value.message, seen, depth + 1), stack: masked(value.stack, seen, depth + 1) };
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, masked(v, seen, depth + 1)]));
}

export const maskTokens = winston.format((info) => {
  const seen = new WeakSet<object>();
  for (const [key, value] of Object.entries(info)) info[key] = masked(value, seen, 0);
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
