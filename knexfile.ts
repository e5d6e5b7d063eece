// knex configuration for operators' tools: the same connection and migrations the bot uses (see src/db/database.ts).
import "dotenv/config";
import { loadDatabaseConfig } from "./src/config.js";
import { knexConfig } from "./src/db/database.js";

export default knexConfig(loadDatabaseConfig(process.env));
