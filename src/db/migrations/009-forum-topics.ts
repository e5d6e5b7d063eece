// Forum mode: the staff group's topic of each employee (one per employee, reused for their later tickets), with the
// name it was last given, so a rename is sent only when the name changes, and whether staff closed it by hand.
import type { Knex } from "knex";
import { utf8mb4 } from "./charset.js";

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("topik", (t) => {
    utf8mb4(knex, t);
    t.increments("id");
    t.integer("id_pengguna").unsigned().notNullable().references("id").inTable("pengguna").onDelete("CASCADE");
    t.bigInteger("id_chat").notNullable();
    t.bigInteger("id_thread").notNullable();
    t.string("nama", 128).notNullable();
    /** Closed by a staff member by hand: reopened when its employee writes again. */
    t.boolean("tertutup").notNullable().defaultTo(false);
    t.bigInteger("dibuat").notNullable();
    t.unique(["id_chat", "id_pengguna"]);
    t.unique(["id_chat", "id_thread"]);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists("topik");
}
