import { Routes } from 'discord.js';
import { z } from 'zod';
import type { SendError } from '../../../app/delivery/ports.js';
import { err, ok, type Result } from '../../../domain/shared/result.js';
import { createDiscordRest } from '../rest.js';
import { sendErrorFrom } from '../send-errors.js';
import { COMMAND_DEFINITIONS } from './definitions.js';

export interface RegisterOptions {
  readonly token: string;
  readonly apiUrl?: string;
  readonly applicationId: string;
  /** Registers in one guild (instant, for development) instead of globally. */
  readonly guildId?: string;
}

export interface RegisterReport {
  readonly scope: 'global' | { readonly guildId: string };
  readonly commands: readonly { readonly id: string; readonly name: string }[];
}

const applicationSchema = z.object({ id: z.string().regex(/^\d{5,25}$/) }).loose();

/** The bot's application id, asked of Discord with the bot token (GET /applications/@me). */
export async function fetchApplicationId(token: string, apiUrl?: string): Promise<Result<string, SendError>> {
  const rest = createDiscordRest(token, { ...(apiUrl ? { apiUrl } : {}), retries: 2 });
  let answer: unknown;
  try {
    answer = await rest.get(Routes.currentApplication());
  } catch (error) {
    return { ok: false, error: sendErrorFrom(error) };
  }
  const parsed = applicationSchema.safeParse(answer);
  return parsed.success ? ok(parsed.data.id) : err('server_error', 'Discord described the application without an id');
}

const registeredSchema = z.array(z.object({ id: z.string(), name: z.string() }).loose());

/**
 * Replaces the application's slash commands with ours in one bulk overwrite (PUT): commands that
 * we no longer define disappear, and running it twice changes nothing.
 */
export async function registerCommands(options: RegisterOptions): Promise<Result<RegisterReport, SendError>> {
  const rest = createDiscordRest(options.token, { ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}), retries: 2 });
  const route = options.guildId ? Routes.applicationGuildCommands(options.applicationId, options.guildId) : Routes.applicationCommands(options.applicationId);
  let answer: unknown;
  try {
    answer = await rest.put(route, { body: COMMAND_DEFINITIONS });
  } catch (error) {
    return { ok: false, error: sendErrorFrom(error) };
  }
  const parsed = registeredSchema.safeParse(answer);
  if (!parsed.success) return err('server_error', 'Discord answered the command overwrite with something other than a command list');
  return ok({
    scope: options.guildId ? { guildId: options.guildId } : 'global',
    commands: parsed.data.map(({ id, name }) => ({ id, name })),
  });
}
