import { EventEmitter } from 'node:events';
import type { APIApplicationCommand, APIMessage, InteractionResponseType } from 'discord.js';
import type { CommandBody } from './validation.js';

export interface RecordedRequest {
  readonly at: string;
  readonly method: string;
  /** Decoded path after the API version, e.g. "/webhooks/1/abc/messages/@original". */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly authorized: boolean;
  readonly body: unknown;
  status: number;
}

export type InteractionReply =
  | { readonly kind: 'callback'; readonly type: InteractionResponseType; readonly data: unknown }
  | { readonly kind: 'edit'; readonly data: unknown }
  | { readonly kind: 'followup'; readonly data: unknown; readonly message: APIMessage };

export interface InteractionRecord {
  readonly id: string;
  readonly token: string;
  readonly applicationId: string;
  /** Null for a command used in a direct message with the bot. */
  readonly guildId: string | null;
  readonly channelId: string;
  readonly commandName: string;
  readonly createdAt: number;
  readonly replies: InteractionReply[];
  acknowledged: boolean;
  deferred: boolean;
  ephemeral: boolean;
  /** The response message (after a reply, a defer and later edits). */
  original: APIMessage | null;
  readonly followUps: APIMessage[];
  /** Choices sent back to an autocomplete interaction. */
  choices: readonly { name: string; value: string | number }[] | null;
}

export interface CommandWrite {
  readonly scope: 'global' | { readonly guildId: string };
  readonly commands: readonly CommandBody[];
}

/** Everything the fake remembers; every change is announced so that tests can wait for it. */
export class FakeStore extends EventEmitter {
  readonly requests: RecordedRequest[] = [];
  readonly channelMessages = new Map<string, APIMessage[]>();
  readonly messagesById = new Map<string, APIMessage>();
  readonly nonces = new Map<string, { readonly messageId: string; readonly at: number }>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly commandWrites: CommandWrite[] = [];
  /** Direct-message channels the bot opened, by channel id: the recipient's user id. */
  readonly dmChannels = new Map<string, string>();
  /** Registered commands by scope key: "global" or the guild id. */
  readonly commands = new Map<string, APIApplicationCommand[]>();

  changed(): void {
    this.emit('change');
  }

  addChannelMessage(message: APIMessage): void {
    const list = this.channelMessages.get(message.channel_id) ?? [];
    list.push(message);
    this.channelMessages.set(message.channel_id, list);
    this.messagesById.set(message.id, message);
  }

  interactionByToken(token: string): InteractionRecord | undefined {
    return [...this.interactions.values()].find((record) => record.token === token);
  }
}
