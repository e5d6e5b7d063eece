// The consultation relay: tickets, the map from relayed messages to tickets, and the durable outgoing queue.
import type { Knex } from "knex";
import { utf8mb4 } from "./charset.js";

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("tiket", (t) => {
    utf8mb4(knex, t);
    t.increments("id");
    t.integer("id_pengguna").unsigned().notNullable().references("id").inTable("pengguna").onDelete("CASCADE");
    t.bigInteger("id_chat").notNullable();
    t.string("status", 10).notNullable().defaultTo("terbuka");
    t.bigInteger("ditanya").notNullable();
    t.bigInteger("dijawab_pertama").nullable();
    t.bigInteger("dijawab_oleh").nullable();
    t.string("nama_penjawab", 255).nullable();
    t.bigInteger("ditutup").nullable();
    t.bigInteger("ditutup_oleh").nullable();
    t.index(["id_chat", "status"]);
    t.index(["status", "ditanya"]);
  });

  await knex.schema.createTable("tiket_pesan", (t) => {
    utf8mb4(knex, t);
    t.bigIncrements("id");
    t.integer("id_tiket").unsigned().notNullable().references("id").inTable("tiket").onDelete("CASCADE");
    t.bigInteger("id_chat").notNullable();
    t.bigInteger("id_pesan").notNullable();
    t.string("arah", 6).notNullable();
    t.bigInteger("waktu").notNullable();
    t.unique(["id_chat", "id_pesan"]);
  });

  await knex.schema.createTable("antrian_kirim", (t) => {
    utf8mb4(knex, t);
    t.bigIncrements("id");
    t.string("kunci", 80).notNullable().unique();
    t.integer("id_tiket").unsigned().nullable().references("id").inTable("tiket").onDelete("CASCADE");
    t.string("jenis", 20).notNullable();
    t.bigInteger("id_chat_tujuan").notNullable();
    t.text("muatan", "mediumtext").notNullable();
    t.string("status", 10).notNullable().defaultTo("menunggu");
    t.integer("percobaan").notNullable().defaultTo(0);
    t.bigInteger("berikutnya").notNullable();
    t.text("hasil").nullable();
    t.string("galat", 500).nullable();
    t.bigInteger("dibuat").notNullable();
    t.bigInteger("dikirim").nullable();
    t.index(["status", "id"]);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ["antrian_kirim", "tiket_pesan", "tiket"]) await knex.schema.dropTableIfExists(table);
}
