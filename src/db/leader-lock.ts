// The only module that holds the leader lock (HOT_STANDBY): a MySQL/MariaDB named lock taken on a connection of its
// own, outside knex's pool, because a named lock belongs to the connection that took it and dies with it. The
// database server decides which instance is active; no other service is needed.
import mysql, { type Connection, type RowDataPacket } from "mysql2/promise";
import type { Logger } from "../logger.js";
import { sleep } from "../retry.js";
import { leaderLockName } from "./leader-lock-name.js";

export interface LeaderLock {
  /** Waits, as the standby, until this instance holds the lock, trying again every second; rejects when `signal` aborts. */
  acquire(signal: AbortSignal): Promise<void>;
  /**
   * True while the lock is held and was confirmed so recently that the server cannot have given it to anyone else:
   * asked before every call to Telegram. A confirmation that comes too late loses the lock then and there.
   */
  held(): boolean;
  /** Settles once a held lock is lost: its connection failed or ended, or a check failed or did not come in time. */
  readonly lost: Promise<Error>;
  /**
   * When this instance last reached the database about the lock (a standby's try or an active instance's check);
   * before the first try, when the lock was opened.
   */
  lastContactAt(): number;
  /** Gives the lock up by closing its connection. */
  release(): Promise<void>;
}

/** How often the standby tries to take the lock, and the active instance checks it still holds it. */
const TRY_EVERY_MS = 1_000;
/** A check or a try that takes longer than this counts as failed (mysql2 then destroys the connection). */
const QUERY_TIMEOUT_MS = 1_000;
/**
 * The server closes the lock's connection, freeing the lock, after this many seconds without a word from its
 * holder: a holder whose machine lost power or network leaves no TCP reset behind, and without this its lock would
 * stay taken for hours (the server's default wait_timeout). The checks keep a live holder's connection busy.
 */
const SERVER_IDLE_LIMIT_S = 5;
/**
 * The active instance calls Telegram only within this long of sending its last successful check: the server
 * heard from it no earlier than that, so cannot free its lock for SERVER_IDLE_LIMIT_S after. The gap (2 s) is
 * what a Bot API call that just passed the fence has to reach Telegram before a standby could be active.
 */
const LEASE_MS = 3_000;

export function openLeaderLock(url: string, log: Logger): LeaderLock {
  const name = leaderLockName(decodeURIComponent(new URL(url).pathname.slice(1)));
  let connection: Connection | undefined;
  let holding = false;
  let confirmedAt = 0;
  let contactAt = Date.now();
  let checking: NodeJS.Timeout | undefined;
  let markLost: (err: Error) => void = () => undefined;
  const lost = new Promise<Error>((resolve) => (markLost = resolve));

  async function connect(): Promise<Connection> {
    const conn = await mysql.createConnection({ uri: url, connectTimeout: 2 * QUERY_TIMEOUT_MS, enableKeepAlive: true, keepAliveInitialDelay: TRY_EVERY_MS });
    // Only the current connection matters: one dropped earlier may still report its end.
    const gone = (err: Error) => {
      if (connection !== conn) return;
      if (holding) lose(err);
      else connection = undefined;
    };
    conn.on("error", gone);
    conn.on("end", () => gone(new Error("koneksi kunci pemimpin ditutup")));
    try {
      await conn.query({ sql: `SET SESSION wait_timeout = ${SERVER_IDLE_LIMIT_S}`, timeout: QUERY_TIMEOUT_MS });
    } catch (err) {
      conn.destroy();
      throw err;
    }
    return conn;
  }

  async function ask(conn: Connection, sql: string): Promise<unknown> {
    const [rows] = await conn.query<RowDataPacket[]>({ sql, values: [name], timeout: QUERY_TIMEOUT_MS });
    contactAt = Date.now();
    return rows[0]?.answer;
  }

  function lose(err: Error): void {
    if (!holding) return;
    holding = false;
    clearInterval(checking);
    connection?.destroy();
    connection = undefined;
    markLost(err);
  }

  async function check(): Promise<void> {
    const conn = connection;
    if (!holding || !conn) return;
    const sent = Date.now();
    try {
      const answer = await ask(conn, "SELECT IS_USED_LOCK(?) = CONNECTION_ID() AS answer");
      if (Number(answer) !== 1) return lose(new Error("kunci pemimpin tidak lagi dipegang koneksi ini"));
      confirmedAt = Math.max(confirmedAt, sent);
    } catch (err) {
      lose(err instanceof Error ? err : new Error(String(err)));
    }
  }

  return {
    lost,
    lastContactAt: () => contactAt,
    held() {
      if (holding && Date.now() - confirmedAt >= LEASE_MS) lose(new Error(`kunci pemimpin tidak terkonfirmasi dalam ${LEASE_MS} ms`));
      return holding;
    },
    async acquire(signal) {
      let told = "";
      // Logs a state once when it begins, not at every try.
      const tell = (level: "info" | "warn", what: string, meta: Record<string, unknown> = {}) => {
        if (told !== what) log.log(level, what, { lock: name, ...meta });
        told = what;
      };
      while (!signal.aborted) {
        try {
          connection ??= await connect();
          const sent = Date.now();
          if (Number(await ask(connection, "SELECT GET_LOCK(?, 0) AS answer")) === 1) {
            holding = true;
            confirmedAt = sent;
            checking = setInterval(() => void check(), TRY_EVERY_MS);
            return;
          }
          tell("info", "siaga: instance lain sedang aktif; mengambil alih bila instance itu berhenti");
        } catch (err) {
          connection?.destroy();
          connection = undefined;
          tell("warn", "siaga: kunci pemimpin belum dapat dicoba; database tidak terjangkau", { error: err instanceof Error ? err.message : String(err) });
        }
        await sleep(TRY_EVERY_MS, signal);
      }
      throw new Error("berhenti sebelum menjadi instance aktif");
    },
    async release() {
      const conn = connection;
      holding = false;
      clearInterval(checking);
      connection = undefined;
      if (conn) await conn.end().catch(() => conn.destroy());
    },
  };
}
