import { ApplicationCommandOptionType, type APIApplicationCommandOption } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { ADMIN_COMMANDS, COMMAND_DEFINITIONS } from '../../../../../src/adapters/discord/commands/definitions.js';
import { HANDLERS } from '../../../../../src/adapters/discord/commands/handlers.js';

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

interface Named {
  readonly name: string;
  readonly description: string;
  readonly name_localizations?: Partial<Record<string, string | null>> | null | undefined;
  readonly description_localizations?: Partial<Record<string, string | null>> | null | undefined;
}

function checkNamed(item: Named): string[] {
  const problems: string[] = [];
  const frName = item.name_localizations?.fr ?? '';
  const frText = item.description_localizations?.fr ?? '';
  if (!NAME.test(item.name) || item.name !== item.name.toLowerCase()) problems.push(`name ${item.name}`);
  if (!NAME.test(frName) || frName !== frName.toLowerCase()) problems.push(`fr name of ${item.name}: "${frName}"`);
  if (item.description.length < 1 || item.description.length > 100) problems.push(`description of ${item.name}`);
  if (frText.length < 1 || frText.length > 100) problems.push(`fr description of ${item.name}`);
  return problems;
}

function checkOptions(options: readonly APIApplicationCommandOption[], where: string): string[] {
  const problems: string[] = options.flatMap((option) => checkNamed(option).map((p) => `${where}: ${p}`));
  if (options.length > 25) problems.push(`${where}: more than 25 options`);
  const firstOptional = options.findIndex((o) => !('required' in o) || !o.required);
  if (firstOptional >= 0 && options.slice(firstOptional).some((o) => 'required' in o && o.required)) problems.push(`${where}: required option after an optional one`);
  for (const names of [options.map((o) => o.name), options.map((o) => o.name_localizations?.fr)]) {
    if (new Set(names).size !== names.length) problems.push(`${where}: duplicate option names`);
  }
  for (const option of options) {
    if (option.type === ApplicationCommandOptionType.Subcommand) problems.push(...checkOptions(option.options ?? [], `${where} ${option.name}`));
    if ('choices' in option && option.choices) {
      if (option.choices.length > 25) problems.push(`${where} ${option.name}: more than 25 choices`);
      for (const c of option.choices) if (c.name.length > 100 || (c.name_localizations?.fr ?? '').length > 100) problems.push(`${where} ${option.name}: long choice`);
    }
  }
  return problems;
}

/** Discord counts names, descriptions and choice names of a command together, up to 4000. */
function characters(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + characters(item), 0);
  if (typeof value !== 'object' || value === null) return 0;
  const record = value as Record<string, unknown>;
  const own = ['name', 'description'].reduce((sum, key) => sum + (typeof record[key] === 'string' ? (record[key] as string).length : 0), 0);
  return own + characters(record.options ?? []) + characters(record.choices ?? []);
}

describe('slash command definitions', () => {
  it('meet Discord naming and length rules in English and French', () => {
    const problems = COMMAND_DEFINITIONS.flatMap((command) => [...checkNamed(command), ...checkOptions(command.options ?? [], command.name)]);
    expect(problems).toEqual([]);
  });

  it('stay under 4000 characters per command', () => {
    for (const command of COMMAND_DEFINITIONS) expect(characters(command), command.name).toBeLessThanOrEqual(4000);
  });

  it('hide the admin commands from members without Manage Server', () => {
    expect([...ADMIN_COMMANDS].sort()).toEqual(['feeds', 'keywords', 'subscribe', 'unsubscribe', 'why']);
    for (const command of COMMAND_DEFINITIONS) {
      expect(command.default_member_permissions ?? null, command.name).toBe(ADMIN_COMMANDS.has(command.name) ? '32' : null);
      expect(command.contexts, command.name).toEqual([0]);
    }
  });

  it('have exactly one handler per command or subcommand', () => {
    const keys = COMMAND_DEFINITIONS.flatMap((command) => {
      const subs = (command.options ?? []).filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
      return subs.length === 0 ? [command.name] : subs.map((sub) => `${command.name} ${sub.name}`);
    });
    expect(keys.sort()).toEqual(Object.keys(HANDLERS).sort());
  });
});
