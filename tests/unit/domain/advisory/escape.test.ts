import { describe, expect, it } from 'vitest';
import { discordSafe, escapeMarkdown, neutralizeMentions, stripControls } from '../../../../src/domain/advisory/escape.js';

describe('escape', () => {
  it('escapes inline markdown and masked links', () => {
    expect(escapeMarkdown('**a** _b_ ~~c~~ `d` ||e|| [f](https://x.test) \\g')).toBe('\\*\\*a\\*\\* \\_b\\_ \\~\\~c\\~\\~ \\`d\\` \\|\\|e\\|\\| \\[f\\](https://x.test) \\\\g');
  });

  it('escapes block markers only at the start of a line', () => {
    expect(escapeMarkdown('# title\n> quote\n- item\n1. first\nnot # here - or > there')).toBe('\\# title\n\\> quote\n\\- item\n1\\. first\nnot # here - or > there');
  });

  it('breaks every kind of mention', () => {
    const out = neutralizeMentions('@everyone @here <@12345678901234567> <@!12345678901234567> <@&12345678901234567> <#12345678901234567> <t:1700000000:R> </cmd:1>');
    expect(out).not.toMatch(/@everyone|@here|<@|<#|<t:|<\//);
    expect(out.replace(/\u200b/g, '')).toBe('@everyone @here <@12345678901234567> <@!12345678901234567> <@&12345678901234567> <#12345678901234567> <t:1700000000:R> </cmd:1>');
  });

  it('removes control and bidi characters, and folds lines when asked', () => {
    expect(stripControls('a\u001b[31mb\u202ec\n\td')).toBe('a[31mbc d');
    expect(stripControls('a\nb', false)).toBe('a\nb');
  });

  it('leaves ordinary text alone', () => {
    expect(discordSafe('Diamond Cement Factory, Kayes (Mali) — 1er juillet')).toBe('Diamond Cement Factory, Kayes (Mali) — 1er juillet');
  });
});
