import { readFile } from 'node:fs/promises';
import { err, type Result } from '../../domain/shared/result.js';
import { parseFeedsConfig, type FeedConfig } from '../../app/feeds/config.js';

export const DEFAULT_FEEDS_FILE = 'feeds.json';

/** Reads and validates the feeds file (config/feeds.json by default). */
export async function loadFeedsConfig(path: string): Promise<Result<FeedConfig[], 'invalid_feeds_config' | 'file_not_found'>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    return err('file_not_found', `cannot read the feeds file ${path}: ${(cause as { code?: string }).code ?? (cause as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    return err('invalid_feeds_config', `the feeds file ${path} is not valid JSON: ${(cause as Error).message}`);
  }
  return parseFeedsConfig(json);
}
