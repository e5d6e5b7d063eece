// Closing the loop: when the employee last wrote and was last answered (for closing a quiet ticket), how it was
// closed, the answer-time reminders already sent, and the employee's rating and comment.
import type { Knex } from "knex";

const COLUMNS = ["aktivitas_pegawai", "dijawab_terakhir", "ditutup_cara", "pengingat", "nilai", "dinilai", "komentar", "komentar_diminta"];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable("tiket", (t) => {
    t.bigInteger("aktivitas_pegawai").nullable();
    t.bigInteger("dijawab_terakhir").nullable();
    /** staf | pegawai | otomatis | panduan */
    t.string("ditutup_cara", 10).nullable();
    /** 0: none yet; 1: the 75% reminder; 2: the overdue one. */
    t.tinyint("pengingat").notNullable().defaultTo(0);
    t.tinyint("nilai").nullable();
    t.bigInteger("dinilai").nullable();
    t.text("komentar").nullable();
    t.bigInteger("komentar_diminta").nullable();
    t.index(["status", "dijawab_terakhir"]);
    t.index(["ditutup", "nilai"]);
  });
  // Tickets from before: their question and answer times stand in for the new activity columns.
  await knex("tiket").update({ aktivitas_pegawai: knex.ref("ditanya"), dijawab_terakhir: knex.ref("dijawab_pertama") });
  await knex("tiket").whereNotNull("ditutup_topik").update({ ditutup_cara: "panduan" });
  await knex("tiket").where({ status: "selesai" }).whereNull("ditutup_cara").update({ ditutup_cara: "staf" });
  // A ticket from before that was answered already needs no reminder about it.
  await knex("tiket").whereNotNull("dijawab_pertama").update({ pengingat: 2 });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable("tiket", (t) => {
    t.dropIndex(["status", "dijawab_terakhir"]);
    t.dropIndex(["ditutup", "nilai"]);
  });
  await knex.schema.alterTable("tiket", (t) => {
    for (const column of COLUMNS) t.dropColumn(column);
  });
}
