import { parseArgs } from 'node:util';
import { fetchApplicationId, registerCommands } from '../adapters/discord/commands/register.js';
import { settingsFor } from './context.js';
import { EXIT, type CliIo } from './io.js';

const USAGE = 'usage: sahel-watch register-commands [--guild ID] [--config FILE]';
const SNOWFLAKE = /^\d{5,25}$/;

/**
 * `sahel-watch register-commands`: replaces the bot's slash commands in one bulk overwrite, in one
 * guild (`--guild`, else DISCORD_DEV_GUILD_ID: instant, for development) or globally. The
 * application id comes from DISCORD_APPLICATION_ID, else from Discord itself.
 */
export async function registerCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { guild: { type: 'string' }, config: { type: 'string' } }, strict: true });
  if (values.guild !== undefined && !SNOWFLAKE.test(values.guild)) {
    io.stderr.write(`--guild takes a server id (digits), not "${values.guild}"\n${USAGE}\n`);
    return EXIT.usage;
  }
  const settings = settingsFor(io, values.config);
  if (!settings) return EXIT.usage;
  const { token, apiUrl } = settings.discord;
  if (!token) {
    io.stderr.write('DISCORD_TOKEN is not set: registering commands needs the bot token (Developer Portal > your application > Bot).\n');
    return EXIT.usage;
  }
  let applicationId = settings.discord.applicationId;
  if (!applicationId) {
    const fetched = await fetchApplicationId(token, apiUrl);
    if (!fetched.ok) {
      io.stderr.write(`could not learn the application id from Discord (${fetched.error.code}): ${fetched.error.message}; set DISCORD_APPLICATION_ID\n`);
      return EXIT.failed;
    }
    applicationId = fetched.value;
  }
  const guildId = values.guild ?? settings.discord.devGuildId;
  const registered = await registerCommands({ token, applicationId, ...(apiUrl ? { apiUrl } : {}), ...(guildId ? { guildId } : {}) });
  if (!registered.ok) {
    io.stderr.write(`Discord refused the commands (${registered.error.code}): ${registered.error.message}\n`);
    return EXIT.failed;
  }
  const where = guildId ? `in server ${guildId}` : 'globally';
  const names = registered.value.commands.map((command) => `/${command.name}`).join(' ');
  io.stdout.write(`registered ${registered.value.commands.length} commands ${where} for application ${applicationId}: ${names}\n`);
  return EXIT.ok;
}
