// Registration hardening: NIPs and failed-try keys compare byte for byte on MySQL, and each failed try is numbered
// per key so that racing requests cannot take more tries than the limit.
import type { Knex } from "knex";

/** The columns holding a NIP or a failed-try key, with their declared lengths. */
const BYTEWISE_COLUMNS = [
  { table: "pengguna", column: "nip", length: 18 },
  { table: "tunkin", column: "nip", length: 18 },
  { table: "cuti", column: "nip", length: 18 },
  { table: "percobaan_daftar", column: "kunci", length: 40 },
];
/** The tables whose `nip` references `pengguna.nip`. */
const REFERENCING = ["tunkin", "cuti"];
const CASE_INSENSITIVE = "utf8mb4_unicode_ci";

export async function up(knex: Knex): Promise<void> {
  if (knex.client.dialect === "mysql") await setCollation(knex, await bytewiseCollation(knex));
  await knex.schema.alterTable("percobaan_daftar", (t) => {
    t.integer("urutan").nullable();
  });
  // Tries made before the upgrade keep counting; their ids are unique, so they can serve as their numbers.
  await knex("percobaan_daftar").update({ urutan: knex.ref("id") });
  await knex.schema.alterTable("percobaan_daftar", (t) => {
    t.unique(["kunci", "urutan"]);
    t.index(["waktu"]);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable("percobaan_daftar", (t) => {
    t.dropUnique(["kunci", "urutan"]);
    t.dropIndex(["waktu"]);
  });
  await knex.schema.alterTable("percobaan_daftar", (t) => {
    t.dropColumn("urutan");
  });
  if (knex.client.dialect === "mysql") await setCollation(knex, CASE_INSENSITIVE);
}

/**
 * A binary collation without PAD SPACE: utf8mb4_bin still ignores trailing spaces in comparisons, and the unicode
 * collations match a NIP with zero-width characters, or in Arabic-Indic or full-width digits, to the real one.
 * MariaDB names it utf8mb4_nopad_bin, MySQL 8 utf8mb4_0900_bin; an older server has only utf8mb4_bin.
 */
async function bytewiseCollation(knex: Knex): Promise<string> {
  const [rows] = (await knex.raw("SHOW COLLATION WHERE Charset = 'utf8mb4'")) as [{ Collation: string }[]];
  const available = new Set(rows.map((r) => r.Collation));
  return ["utf8mb4_nopad_bin", "utf8mb4_0900_bin"].find((c) => available.has(c)) ?? "utf8mb4_bin";
}

/**
 * MySQL refuses to change the collation of a column a foreign key uses, and both ends of a key must share it: the
 * keys from tunkin and cuti to pengguna.nip are dropped, the columns changed, and the keys made again as they were.
 */
async function setCollation(knex: Knex, collation: string): Promise<void> {
  for (const table of REFERENCING) {
    await knex.schema.alterTable(table, (t) => {
      t.dropForeign(["nip"]);
    });
  }
  for (const { table, column, length } of BYTEWISE_COLUMNS) {
    await knex.raw(`ALTER TABLE ?? MODIFY ?? VARCHAR(${length}) CHARACTER SET utf8mb4 COLLATE ${collation} NOT NULL`, [table, column]);
  }
  for (const table of REFERENCING) {
    await knex.schema.alterTable(table, (t) => {
      t.foreign("nip").references("nip").inTable("pengguna").onDelete("CASCADE").onUpdate("CASCADE");
    });
  }
}
