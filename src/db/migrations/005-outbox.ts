// The outbox says what it knows instead of leaving it to be parsed: a stored flag for a recipient who blocked the
// bot (it was read from the error text), and its own kind for answers deferred during an outage (a key prefix).
import type { Knex } from "knex";

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable("antrian_kirim", (t) => {
    t.boolean("diblokir").notNullable().defaultTo(false);
  });
  // The last time the old encodings are read: from here on the columns say it.
  await knex("antrian_kirim").where("status", "gagal").where("galat", "like", "403%").update({ diblokir: true });
  await knex("antrian_kirim").where("kunci", "like", "tunda:%").update({ jenis: "tunda" });
}

export async function down(knex: Knex): Promise<void> {
  await knex("antrian_kirim").where({ jenis: "tunda" }).update({ jenis: "info" });
  await knex.schema.alterTable("antrian_kirim", (t) => {
    t.dropColumn("diblokir");
  });
}
