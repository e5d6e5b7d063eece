// Announcements: a staff message sent to every registered active employee through the relay queue.
import type { Knex } from "knex";
import { utf8mb4 } from "./charset.js";

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("pengumuman", (t) => {
    utf8mb4(knex, t);
    t.increments("id");
    t.bigInteger("id_chat_sumber").notNullable();
    t.bigInteger("id_pesan_sumber").notNullable();
    t.bigInteger("dibuat_oleh").notNullable();
    t.string("status", 10).notNullable().defaultTo("draf");
    t.integer("jumlah_penerima").notNullable().defaultTo(0);
    t.bigInteger("dibuat").notNullable();
    t.bigInteger("dimulai").nullable();
    t.bigInteger("selesai").nullable();
  });
  await knex.schema.alterTable("antrian_kirim", (t) => {
    t.integer("id_pengumuman").unsigned().nullable().references("id").inTable("pengumuman").onDelete("CASCADE");
    t.index(["id_pengumuman", "status"]);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable("antrian_kirim", (t) => {
    t.dropForeign(["id_pengumuman"]);
    t.dropIndex(["id_pengumuman", "status"]);
    t.dropColumn("id_pengumuman");
  });
  await knex.schema.dropTableIfExists("pengumuman");
}
