/**
 * The database schema version this build writes: the last entry of the renderer's
 * lib/db/migrations (its test holds the two equal). Here so tests outside the renderer, such as
 * the e2e specs, can name it without loading the migrations.
 */
export const SCHEMA_VERSION = 5
