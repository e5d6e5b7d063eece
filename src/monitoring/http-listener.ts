// The monitoring HTTP listener (HTTP_ADDR): GET /healthz for a watchdog (200 or 503, JSON with the role and the
// reasons) and GET /metrics for Prometheus. Nothing else is served, and nothing it serves holds personal data.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { HttpAddress } from "../config.js";
import type { Logger } from "../logger.js";
import type { Health } from "./health.js";

export interface HttpRoutes {
  health(): Promise<Health>;
  metrics(): Promise<{ contentType: string; body: string }>;
}

export interface HttpListener {
  /** The port listened on (the one asked for, or the one the system chose for port 0). */
  readonly port: number;
  close(): Promise<void>;
}

export async function startHttpListener(addr: HttpAddress, routes: HttpRoutes, log: Logger): Promise<HttpListener> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const answer = (status: number, contentType: string, body: string) => {
      res.writeHead(status, { "content-type": contentType, "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return answer(405, "text/plain; charset=utf-8", "hanya GET\n");
    const route =
      path === "/healthz"
        ? routes.health().then((h) => answer(h.healthy ? 200 : 503, "application/json", `${JSON.stringify(h)}\n`))
        : path === "/metrics"
          ? routes.metrics().then((m) => answer(200, m.contentType, m.body))
          : Promise.resolve(answer(404, "text/plain; charset=utf-8", "yang ada: /healthz dan /metrics\n"));
    route.catch((err: unknown) => {
      log.warn("permintaan pemantauan gagal", { path, error: err instanceof Error ? err.message : String(err) });
      if (!res.headersSent) answer(500, "text/plain; charset=utf-8", "galat internal\n");
    });
  });
  await listen(server, addr);
  const port = (server.address() as AddressInfo).port;
  log.info("pemantauan HTTP siap", { host: addr.host, port });
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A scraper's keep-alive connection must not hold the shutdown up.
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, addr: HttpAddress): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) => {
      const where = `${addr.host}:${addr.port}`;
      if (err.code === "EADDRINUSE") {
        reject(new Error(`HTTP_ADDR ${where} sudah dipakai program lain (dua instance di satu server perlu HTTP_ADDR masing-masing; kosongkan untuk mematikan)`));
      } else if (err.code === "EADDRNOTAVAIL") {
        reject(new Error(`HTTP_ADDR ${where}: alamat itu bukan milik server ini`));
      } else reject(err);
    });
    server.listen(addr.port, addr.host, () => resolve());
  });
}
