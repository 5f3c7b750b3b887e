import { existsSync, readFileSync } from 'node:fs';
import { err, type Result } from '../domain/shared/result.js';
import { resolveSettings, type Settings, type SettingsErrorCode, type SettingsProblem } from './settings.js';

export const DEFAULT_SETTINGS_FILE = 'config/settings.json';

export type LoadSettingsResult = Result<Settings, SettingsErrorCode | 'file_not_found'> & { problems?: SettingsProblem[]; file?: string };

/**
 * Reads the settings file (explicit path, else SAHEL_WATCH_CONFIG, else config/settings.json when present)
 * and merges the environment over it. A missing default file is fine; a missing explicit file is not.
 */
export function loadSettings(env: Readonly<Record<string, string | undefined>>, explicitFile?: string): LoadSettingsResult {
  const chosen = explicitFile ?? env['SAHEL_WATCH_CONFIG'];
  const file = chosen ?? (existsSync(DEFAULT_SETTINGS_FILE) ? DEFAULT_SETTINGS_FILE : undefined);
  if (file === undefined) return resolveSettings(undefined, env);
  if (!existsSync(file)) return { ...err('file_not_found', `The settings file ${file} does not exist.`), file };
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    const problems = [{ where: `file ${file}`, expected: 'valid JSON', found: (cause as Error).message }];
    return { ...err('invalid_json', `The settings file ${file} is not valid JSON: ${(cause as Error).message}`), problems, file };
  }
  return { ...resolveSettings({ name: file, content }, env), file };
}
