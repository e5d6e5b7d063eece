// The database settings of an admin command; a configuration problem is the admin's to fix: said plainly, exit 1.
import { ConfigError, loadDatabaseConfig, type DatabaseConfig } from "../config.js";

export function databaseConfigOrExit(env: NodeJS.ProcessEnv): DatabaseConfig {
  try {
    return loadDatabaseConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}
