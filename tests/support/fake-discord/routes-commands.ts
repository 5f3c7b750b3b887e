import { ApplicationCommandType, type APIApplicationCommand } from 'discord.js';
import { apiError, type Reply, type RestContext } from './http.js';
import { bulkCommandsSchema, formErrors, type CommandBody } from './validation.js';

export function overwriteCommands(ctx: RestContext, applicationId: string, guildId: string | undefined, raw: unknown): Reply {
  if (applicationId !== ctx.applicationId) return apiError(403, 50001, 'Missing Access');
  if (guildId && !ctx.guilds.some((guild) => guild.id === guildId)) return apiError(404, 10004, 'Unknown Guild');
  const parsed = bulkCommandsSchema.safeParse(raw);
  if (!parsed.success) return apiError(400, 50035, 'Invalid Form Body', formErrors(parsed.error.issues));
  const names = parsed.data.map((command) => command.name);
  if (new Set(names).size !== names.length) return apiError(400, 50035, 'Invalid Form Body', { _errors: [{ code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: 'Application command names must be unique' }] });
  const previous = ctx.store.commands.get(guildId ?? 'global') ?? [];
  const registered = parsed.data.map((body) => toCommand(ctx, body, guildId, previous.find((command) => command.name === body.name)?.id));
  ctx.store.commands.set(guildId ?? 'global', registered);
  ctx.store.commandWrites.push({ scope: guildId ? { guildId } : 'global', commands: parsed.data });
  ctx.store.changed();
  return { status: 200, body: registered };
}

export function listCommands(ctx: RestContext, guildId: string | undefined): Reply {
  return { status: 200, body: ctx.store.commands.get(guildId ?? 'global') ?? [] };
}

/** An overwrite keeps the id of a command that already existed under the same name, as Discord does. */
function toCommand(ctx: RestContext, body: CommandBody, guildId: string | undefined, id: string | undefined): APIApplicationCommand {
  return {
    ...(body as Omit<APIApplicationCommand, 'id' | 'application_id' | 'version' | 'type' | 'default_member_permissions'>),
    id: id ?? ctx.ids.next(),
    application_id: ctx.applicationId,
    version: ctx.ids.next(),
    type: body.type ?? ApplicationCommandType.ChatInput,
    default_member_permissions: body.default_member_permissions ?? null,
    ...(guildId ? { guild_id: guildId } : {}),
  };
}

export function gatewayBot(ctx: RestContext): Reply {
  return {
    status: 200,
    body: {
      url: ctx.gatewayUrl(),
      shards: ctx.recommendedShards,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: ctx.maxConcurrency },
    },
  };
}

export function currentApplication(ctx: RestContext): Reply {
  return {
    status: 200,
    body: {
      id: ctx.applicationId,
      name: ctx.bot.username,
      icon: null,
      description: '',
      bot_public: false,
      bot_require_code_grant: false,
      verify_key: '0'.repeat(64),
      flags: 0,
      team: null,
      summary: '',
      bot: ctx.botUser,
    },
  };
}
