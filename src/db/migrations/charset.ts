// MySQL tables in utf8mb4, so every text column holds any Unicode (emoji included); SQLite is Unicode already.
import type { Knex } from "knex";

export function utf8mb4(knex: Knex, t: Knex.CreateTableBuilder): void {
  if (knex.client.dialect !== "mysql") return;
  t.charset("utf8mb4");
  t.collate("utf8mb4_unicode_ci");
}
