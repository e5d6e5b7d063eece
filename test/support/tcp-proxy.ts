// A TCP proxy on 127.0.0.1 that a test can cut and restore, to take a server (the database, Telegram) away from the
// bot while the bot runs, or freeze, as a network that drops everything; and optionally to hold each request back for
// a while on its way to the server.
import net, { type AddressInfo, type Server, type Socket } from "node:net";

export interface TcpProxyOptions {
  /**
   * Holds every chunk the client sends for this long before passing it on. A request is then "in flight" without
   * the server having seen it: if the client dies meanwhile, the chunk is dropped and the server never gets it.
   */
  requestDelayMs?: number;
}

export interface TcpProxy {
  readonly port: number;
  /** Destroys every connection and refuses new ones (ECONNREFUSED), as a server that went down. */
  cut(): Promise<void>;
  /** Accepts connections again on the same port. */
  restore(): Promise<void>;
  /**
   * Passes nothing more either way, not even a close, while every connection stays open: a network that drops
   * every packet (a cable pulled, a machine without power). Each side learns of it only from its own timeouts.
   */
  freeze(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }, options: TcpProxyOptions = {}): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const pairs = new Set<{ client: Socket; upstream: Socket }>();
  const delayMs = options.requestDelayMs ?? 0;
  let frozen = false;

  function track(socket: Socket): void {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    // A reset from either side is the fault under test, not an error of the proxy.
    socket.on("error", () => socket.destroy());
  }

  function relay(client: Socket): void {
    track(client);
    if (frozen) return void client.pause();
    const upstream = net.connect(target.port, target.host);
    track(upstream);
    const pair = { client, upstream };
    pairs.add(pair);
    client.on("close", () => {
      pairs.delete(pair);
      if (!frozen) upstream.destroy();
    });
    upstream.on("close", () => {
      pairs.delete(pair);
      if (!frozen) client.destroy();
    });
    upstream.pipe(client);
    if (delayMs === 0) {
      client.pipe(upstream);
      return;
    }
    // Timers of one duration fire in the order they were set, so the chunks keep their order.
    client.on("data", (chunk: Buffer) => {
      setTimeout(() => {
        if (!frozen && !client.destroyed && !upstream.destroyed) upstream.write(chunk);
      }, delayMs);
    });
  }

  let server: Server = await listen(0, relay);
  const port = (server.address() as AddressInfo).port;
  let listening = true;

  async function cut(): Promise<void> {
    if (!listening) return;
    listening = false;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  }

  return {
    port,
    cut,
    freeze() {
      frozen = true;
      for (const { client, upstream } of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
    async restore() {
      if (listening) return;
      server = await listen(port, relay);
      listening = true;
    },
    close: cut,
  };
}

function listen(port: number, onConnection: (socket: Socket) => void): Promise<Server> {
  const server = net.createServer(onConnection);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}
