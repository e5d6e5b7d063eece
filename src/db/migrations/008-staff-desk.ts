// The staff desk: who has taken a ticket (claimed it), and which employees' messages are no longer relayed (blocked),
// each with who did it and when.
import type { Knex } from "knex";
import { utf8mb4 } from "./charset.js";

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable("tiket", (t) => {
    t.bigInteger("diambil_oleh").nullable();
    t.string("nama_pengambil", 255).nullable();
    t.bigInteger("diambil").nullable();
  });
  await knex.schema.createTable("blokir", (t) => {
    utf8mb4(knex, t);
    t.increments("id");
    t.integer("id_pengguna").unsigned().notNullable().references("id").inTable("pengguna").onDelete("CASCADE");
    t.bigInteger("diblokir").notNullable();
    t.bigInteger("diblokir_oleh").notNullable();
    t.string("nama_pemblokir", 255).notNullable();
    /** When the employee was told (once) that their messages are no longer relayed. */
    t.bigInteger("diberitahu").nullable();
    t.bigInteger("dibuka").nullable();
    t.bigInteger("dibuka_oleh").nullable();
    t.string("nama_pembuka", 255).nullable();
    t.index(["id_pengguna", "dibuka"]);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists("blokir");
  await knex.schema.alterTable("tiket", (t) => {
    for (const column of ["diambil_oleh", "nama_pengambil", "diambil"]) t.dropColumn(column);
  });
}
