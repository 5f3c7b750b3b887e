import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SeedFile, SeedSource } from '../../app/baseline.js';

/** Seed documents are the regular files of a directory (hidden files ignored). */
export function directorySeedSource(dir: string): SeedSource {
  return {
    async list(): Promise<SeedFile[]> {
      const entries = await readdir(dir, { withFileTypes: true });
      const files = entries.filter((e) => e.isFile() && !e.name.startsWith('.'));
      return Promise.all(files.map(async (e) => ({ name: e.name, bytes: await readFile(join(dir, e.name)) })));
    },
  };
}
