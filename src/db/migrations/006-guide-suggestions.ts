// Answers before asking: the guide topic that closed a ticket (its asker said the topic answered it), and one row per
// question the guides were searched for: how many topics were offered, and the question's words when none matched.
import type { Knex } from "knex";
import { utf8mb4 } from "./charset.js";

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable("tiket", (t) => {
    t.string("ditutup_topik", 40).nullable();
  });
  await knex.schema.createTable("saran_panduan", (t) => {
    utf8mb4(knex, t);
    t.increments("id");
    // Nothing links a row to its asker: no chat, no update or message id, and the time rounded to the hour.
    t.bigInteger("waktu").notNullable().index();
    t.integer("jumlah_saran").notNullable();
    t.string("topik", 120).nullable();
    t.string("kata", 255).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists("saran_panduan");
  await knex.schema.alterTable("tiket", (t) => {
    t.dropColumn("ditutup_topik");
  });
}
