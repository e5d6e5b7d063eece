// The base schema: employees (pengguna), their allowance (tunkin) and leave (cuti), the message log (pesan),
// the inbox of updates, failed registration tries and the uploaded-document cache.
import type { Knex } from "knex";
import { utf8mb4 } from "./charset.js";

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("pengguna", (t) => {
    utf8mb4(knex, t);
    t.increments("id");
    t.string("nip", 18).notNullable().unique();
    t.string("nama", 150).notNullable();
    t.string("password", 255).nullable();
    t.bigInteger("id_telegram").nullable().unique();
    t.string("status", 20).notNullable().defaultTo("aktif");
    t.string("hak_pengguna", 20).notNullable().defaultTo("pegawai");
    t.string("jabatan", 200).nullable();
    t.string("unit_kerja", 200).nullable();
    t.string("pangkat_golongan", 100).nullable();
    t.bigInteger("terdaftar_pada").nullable();
    t.bigInteger("dibuat").notNullable();
    t.bigInteger("diubah").notNullable();
  });

  await knex.schema.createTable("tunkin", (t) => {
    utf8mb4(knex, t);
    t.increments("id");
    t.string("nip", 18).notNullable().references("nip").inTable("pengguna").onDelete("CASCADE").onUpdate("CASCADE");
    t.string("periode", 7).notNullable();
    t.integer("kelas_jabatan").nullable();
    t.bigInteger("nominal").notNullable();
    t.bigInteger("potongan").notNullable().defaultTo(0);
    t.string("keterangan", 255).nullable();
    t.unique(["nip", "periode"]);
  });

  await knex.schema.createTable("cuti", (t) => {
    utf8mb4(knex, t);
    t.increments("id");
    t.string("nip", 18).notNullable().references("nip").inTable("pengguna").onDelete("CASCADE").onUpdate("CASCADE");
    t.integer("tahun").notNullable();
    t.string("jenis_cuti", 60).notNullable();
    t.integer("hak_hari").notNullable();
    t.integer("terpakai_hari").notNullable().defaultTo(0);
    t.unique(["nip", "tahun", "jenis_cuti"]);
  });

  await knex.schema.createTable("pesan", (t) => {
    utf8mb4(knex, t);
    t.bigIncrements("id");
    t.bigInteger("waktu").notNullable().index();
    t.string("arah", 6).notNullable();
    t.bigInteger("id_chat").nullable();
    t.bigInteger("id_pengirim").nullable();
    t.string("pengirim", 255).nullable();
    t.text("isi_pesan").nullable();
    t.string("jenis", 20).notNullable();
    t.string("perintah", 40).nullable();
    t.text("data", "mediumtext").nullable();
    t.bigInteger("id_pesan").nullable();
    t.bigInteger("update_id").nullable().unique();
    t.index(["id_chat", "waktu"]);
    t.index(["perintah", "waktu"]);
  });

  await knex.schema.createTable("update_masuk", (t) => {
    utf8mb4(knex, t);
    t.bigInteger("update_id").primary();
    t.string("kunci_chat", 40).notNullable();
    t.text("data", "mediumtext").notNullable();
    t.bigInteger("diterima").notNullable();
    t.bigInteger("selesai").nullable().index();
  });

  await knex.schema.createTable("percobaan_daftar", (t) => {
    utf8mb4(knex, t);
    t.bigIncrements("id");
    t.string("kunci", 40).notNullable();
    t.bigInteger("waktu").notNullable();
    t.index(["kunci", "waktu"]);
  });

  await knex.schema.createTable("dokumen_file", (t) => {
    utf8mb4(knex, t);
    t.string("sha256", 64).primary();
    t.string("file_id", 255).notNullable();
    t.bigInteger("diunggah").notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ["dokumen_file", "percobaan_daftar", "update_masuk", "pesan", "cuti", "tunkin", "pengguna"]) {
    await knex.schema.dropTableIfExists(table);
  }
}
