// The ordered list of migrations, imported statically so they run the same under tsx, compiled code and tests.
import type { Knex } from "knex";
import * as initial from "./001-initial.js";
import * as relay from "./002-relay.js";
import * as pengumuman from "./003-pengumuman.js";
import * as registrationHardening from "./004-registration-hardening.js";
import * as outbox from "./005-outbox.js";
import * as guideSuggestions from "./006-guide-suggestions.js";
import * as serviceLoop from "./007-service-loop.js";
import * as staffDesk from "./008-staff-desk.js";
import * as forumTopics from "./009-forum-topics.js";

interface Migration {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

const migrations: Record<string, Migration> = {
  "001-initial": initial,
  "002-relay": relay,
  "003-pengumuman": pengumuman,
  "004-registration-hardening": registrationHardening,
  "005-outbox": outbox,
  "006-guide-suggestions": guideSuggestions,
  "007-service-loop": serviceLoop,
  "008-staff-desk": staffDesk,
  "009-forum-topics": forumTopics,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name]!,
};
