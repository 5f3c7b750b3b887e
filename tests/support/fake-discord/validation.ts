import { z } from 'zod';

/**
 * The fake answers malformed bodies the way Discord does (400, code 50035, "Invalid Form Body"),
 * so tests catch payloads that the real API would refuse: too-long embeds, oversized nonces, empty messages.
 */

const embedSchema = z
  .object({
    title: z.string().max(256).optional(),
    description: z.string().max(4096).optional(),
    url: z.string().optional(),
    color: z.number().int().min(0).max(0xffffff).optional(),
    timestamp: z.string().optional(),
    footer: z.object({ text: z.string().min(1).max(2048), icon_url: z.string().optional() }).optional(),
    author: z.object({ name: z.string().min(1).max(256), url: z.string().optional(), icon_url: z.string().optional() }).optional(),
    fields: z
      .array(z.object({ name: z.string().min(1).max(256), value: z.string().min(1).max(1024), inline: z.boolean().optional() }))
      .max(25)
      .optional(),
  })
  .loose();

export type EmbedBody = z.infer<typeof embedSchema>;

const allowedMentionsSchema = z.object({
  parse: z.array(z.enum(['users', 'roles', 'everyone'])).optional(),
  users: z.array(z.string()).max(100).optional(),
  roles: z.array(z.string()).max(100).optional(),
  replied_user: z.boolean().optional(),
});

export type AllowedMentionsBody = z.infer<typeof allowedMentionsSchema>;

const messageFields = {
  content: z.string().max(2000).optional(),
  embeds: z.array(embedSchema).max(10).optional(),
  components: z.array(z.unknown()).max(5).optional(),
  allowed_mentions: allowedMentionsSchema.optional(),
  flags: z.number().int().optional(),
  tts: z.boolean().optional(),
};

export const messageCreateSchema = z
  .object({
    ...messageFields,
    nonce: z.union([z.string().max(25), z.number().int()]).optional(),
    enforce_nonce: z.boolean().optional(),
    message_reference: z
      .object({
        message_id: z.string(),
        channel_id: z.string().optional(),
        guild_id: z.string().optional(),
        fail_if_not_exists: z.boolean().optional(),
      })
      .optional(),
  })
  .loose();

export type MessageCreateBody = z.infer<typeof messageCreateSchema>;

export const messageEditSchema = z.object(messageFields).loose();
export type MessageEditBody = z.infer<typeof messageEditSchema>;

export const callbackSchema = z.object({
  type: z.number().int(),
  data: z.unknown().optional(),
});

export const autocompleteDataSchema = z.object({
  choices: z
    .array(z.object({ name: z.string().min(1).max(100), value: z.union([z.string().max(100), z.number()]) }).loose())
    .max(25),
});

const localizations = z.record(z.string(), z.string()).nullable().optional();

interface CommandOptionBody {
  type: number;
  name: string;
  description: string;
  required?: boolean | undefined;
  options?: CommandOptionBody[] | undefined;
  [key: string]: unknown;
}

const commandName = z.string().regex(/^[-_'\p{L}\p{N}]{1,32}$/u).refine((name) => name === name.toLowerCase(), 'lower case');

const commandOptionSchema: z.ZodType<CommandOptionBody> = z.lazy(() =>
  z
    .object({
      type: z.number().int().min(1).max(11),
      name: commandName,
      name_localizations: localizations,
      description: z.string().min(1).max(100),
      description_localizations: localizations,
      required: z.boolean().optional(),
      options: z.array(commandOptionSchema).max(25).optional(),
    })
    .loose(),
);

export const commandSchema = z
  .object({
    name: commandName,
    name_localizations: localizations,
    description: z.string().min(1).max(100),
    description_localizations: localizations,
    type: z.number().int().optional(),
    options: z.array(commandOptionSchema).max(25).optional(),
    default_member_permissions: z.string().regex(/^\d+$/).nullable().optional(),
    contexts: z.array(z.number().int()).nullable().optional(),
    integration_types: z.array(z.number().int()).optional(),
    nsfw: z.boolean().optional(),
  })
  .loose();

export type CommandBody = z.infer<typeof commandSchema>;
export type CommandOptionDefinition = CommandOptionBody;

export const bulkCommandsSchema = z.array(commandSchema).max(100);

/** Characters that count towards Discord's 6000-character limit over all embeds of a message. */
export function embedCharacters(embeds: readonly EmbedBody[]): number {
  return embeds.reduce(
    (sum, embed) =>
      sum +
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      (embed.footer?.text.length ?? 0) +
      (embed.author?.name.length ?? 0) +
      (embed.fields ?? []).reduce((acc, field) => acc + field.name.length + field.value.length, 0),
    0,
  );
}

/** Discord's nested error shape: { field: { 0: { _errors: [{ code, message }] } } }. */
export function formErrors(issues: readonly z.core.$ZodIssue[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const issue of issues) {
    let node = root;
    for (const key of issue.path) {
      const name = String(key);
      node[name] ??= {};
      node = node[name] as Record<string, unknown>;
    }
    const list = (node._errors ??= []) as { code: string; message: string }[];
    list.push({ code: issueCode(issue), message: issue.message });
  }
  return root;
}

function issueCode(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_big') return 'BASE_TYPE_MAX_LENGTH';
  if (issue.code === 'too_small') return 'BASE_TYPE_MIN_LENGTH';
  if (issue.code === 'invalid_type') return 'BASE_TYPE_BAD_TYPE';
  return 'BASE_TYPE_INVALID';
}
