import { describe, expect, it } from 'vitest';
import { langOf, messages } from '../../../../src/adapters/discord/messages.js';

function shape(value: unknown): unknown {
  if (typeof value === 'function') return `function/${value.length}`;
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]).sort());
  return typeof value;
}

describe('messages', () => {
  it('say the same things in English and French', () => {
    expect(shape(messages('fr'))).toEqual(shape(messages('en')));
    expect(messages('fr').needsManageGuild).not.toBe(messages('en').needsManageGuild);
  });

  it('answer French Discord locales in French and everything else in English', () => {
    expect(['fr', 'fr-FR', 'en-US', 'en-GB', 'hi', undefined, null].map(langOf)).toEqual(['fr', 'fr', 'en', 'en', 'en', 'en', 'en']);
  });
});
