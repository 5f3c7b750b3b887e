import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeedsConfig, type FeedConfig } from '../app/feeds/config.js';
import { parseAssistanceCatalog } from '../domain/advisory/assistance.js';
import type { AssistanceCatalog } from '../domain/advisory/types.js';
import type { Catalogs } from '../domain/extract/facts.js';
import type { KeywordFile } from '../domain/relevance/schema.js';
import { parseKeywordFile } from '../domain/relevance/schema.js';
import { err, ok, type Result } from '../domain/shared/result.js';
import { loadCatalogs } from './catalogs.js';

/** The data files of config/: what the bot knows about places, actors, keywords, feeds and contacts. */
export interface ProjectConfig {
  readonly catalogs: Catalogs;
  readonly keywords: KeywordFile;
  readonly feeds: readonly FeedConfig[];
  readonly assistance: AssistanceCatalog;
}

function readJson(file: string): Result<unknown, 'config_unreadable'> {
  try {
    return ok(JSON.parse(readFileSync(file, 'utf8')) as unknown);
  } catch (cause) {
    return err('config_unreadable', `${file}: ${(cause as Error).message}`);
  }
}

/** Loads every data file, listing every problem rather than stopping at the first. */
export function loadProjectConfig(dir: string): Result<ProjectConfig, 'invalid_config'> {
  const problems: string[] = [];
  const catalogs = loadCatalogs(dir);
  if (!catalogs.ok) problems.push(catalogs.error.message);
  const parse = <T>(file: string, parser: (json: unknown) => Result<T>): T | undefined => {
    const json = readJson(join(dir, file));
    const parsed = json.ok ? parser(json.value) : json;
    if (parsed.ok) return parsed.value;
    problems.push(parsed.ok ? '' : `${file}: ${parsed.error.message}`);
    return undefined;
  };
  const keywords = parse('keywords.json', parseKeywordFile);
  const feeds = parse('feeds.json', parseFeedsConfig);
  const assistance = parse('assistance.json', parseAssistanceCatalog);
  if (!catalogs.ok || !keywords || !feeds || !assistance || problems.length > 0) {
    return err('invalid_config', `The configuration in ${dir} has problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  return ok({ catalogs: catalogs.value, keywords, feeds, assistance });
}
