import { join } from 'node:path';
import { z } from 'zod';

/** The database file's name inside the data directory. */
export const DATABASE_FILE_NAME = 'sahel-watch.sqlite';

export const MEMORY = ':memory:';

export type SqliteLocation = { readonly dataDir: string } | { readonly file: string };

const locationSchema = z.union([
  z.object({ dataDir: z.string().min(1) }),
  z.object({ file: z.string().min(1) }),
]);

/** Where the database lives: `file` as given, or the standard file name inside `dataDir`. */
export function databaseFile(location: SqliteLocation): string {
  const parsed = locationSchema.parse(location);
  return 'file' in parsed ? parsed.file : join(parsed.dataDir, DATABASE_FILE_NAME);
}
