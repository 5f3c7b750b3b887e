/**
 * Discord message payloads as plain JSON, shaped like the API's (snake_case where the API is):
 * the domain builds them without depending on discord.js.
 */

export interface EmbedField {
  readonly name: string;
  readonly value: string;
  readonly inline?: boolean;
}

export interface Embed {
  readonly title?: string;
  readonly description?: string;
  readonly url?: string;
  /** RGB integer. */
  readonly color?: number;
  /** ISO date-time. */
  readonly timestamp?: string;
  readonly footer?: { readonly text: string };
  readonly author?: { readonly name: string };
  readonly fields?: readonly EmbedField[];
}

/** A link button (component type 2, style 5). */
export interface LinkButton {
  readonly type: 2;
  readonly style: 5;
  readonly label: string;
  readonly url: string;
}

export interface ActionRow {
  readonly type: 1;
  readonly components: readonly LinkButton[];
}

export interface DiscordMessage {
  readonly embeds: readonly Embed[];
  readonly components: readonly ActionRow[];
  /** Always empty: nothing in an alert may ping anyone. */
  readonly allowed_mentions: { readonly parse: readonly [] };
}
