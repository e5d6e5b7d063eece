// The only module with SQL on `topik`: which forum topic of the staff group belongs to which employee.
import type { Db } from "./database.js";

export interface Topic {
  threadId: number;
  /** The name the bot last gave it. */
  name: string;
  /** Closed by hand in Telegram. */
  closed: boolean;
}

export async function topicOf(db: Db, chatId: number, pengguna: number): Promise<Topic | undefined> {
  const row = await db("topik")
    .where({ id_chat: chatId, id_pengguna: pengguna })
    .first<{ id_thread: number; nama: string; tertutup: number | boolean } | undefined>("id_thread", "nama", "tertutup");
  return row && { threadId: Number(row.id_thread), name: row.nama, closed: Boolean(row.tertutup) };
}

export async function employeeOfTopic(db: Db, chatId: number, threadId: number): Promise<number | undefined> {
  const row = await db("topik").where({ id_chat: chatId, id_thread: threadId }).first<{ id_pengguna: number } | undefined>("id_pengguna");
  return row && Number(row.id_pengguna);
}

/** The employee's topic from now on, replacing one that was lost. */
export async function saveTopic(db: Db, chatId: number, pengguna: number, topic: Omit<Topic, "closed">, now: number): Promise<void> {
  await db.transaction(async (trx) => {
    await trx("topik").where({ id_chat: chatId, id_pengguna: pengguna }).delete();
    await trx("topik").insert({ id_chat: chatId, id_pengguna: pengguna, id_thread: topic.threadId, nama: topic.name, dibuat: now });
  });
}

export async function markTopicClosed(db: Db, chatId: number, threadId: number, closed: boolean): Promise<void> {
  await db("topik").where({ id_chat: chatId, id_thread: threadId }).update({ tertutup: closed });
}

export async function renameTopic(db: Db, chatId: number, threadId: number, name: string): Promise<void> {
  await db("topik").where({ id_chat: chatId, id_thread: threadId }).update({ nama: name });
}

/** Forgets a topic that is gone (deleted by hand); false when it was forgotten already. */
export async function forgetTopic(db: Db, chatId: number, threadId: number): Promise<boolean> {
  return (await db("topik").where({ id_chat: chatId, id_thread: threadId }).delete()) > 0;
}

/** A person's topics as stored, every column: part of what the bot keeps about them. */
export async function topicsOfEmployee(db: Db, pengguna: number): Promise<Record<string, unknown>[]> {
  return db("topik").where({ id_pengguna: pengguna }).orderBy("id").select<Record<string, unknown>[]>("*");
}

/** Forgets a person's topics (their name is in them); the topics themselves stay in Telegram until staff delete them. */
export async function forgetTopicsOf(db: Db, pengguna: number): Promise<number> {
  return db("topik").where({ id_pengguna: pengguna }).delete();
}
