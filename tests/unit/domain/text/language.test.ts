import { describe, expect, it } from 'vitest';
import { declaredLanguage, detectLanguage } from '../../../../src/domain/text/language.js';
import { seedBody } from './seed-documents.js';

const FRENCH = `Cinq ressortissants indiens ont été enlevés jeudi près de Kobri, dans l'ouest du Mali, par des hommes armés.
L'enlèvement n'a pas encore été revendiqué. Selon une source sécuritaire, les assaillants ont attaqué le site d'une
entreprise d'électrification avant d'emmener les travailleurs vers une destination inconnue.`;

const GERMAN = `Die Regierung von Mali hat am Dienstag erklärt, dass die Lage in der Region Kayes nach den Angriffen weiterhin
angespannt bleibt. Mehrere Ausländer wurden entführt, und die Botschaften raten von Reisen in das Land ab. Die Armee hat
zusätzliche Truppen in den Westen des Landes verlegt, um die Straßen zu sichern und weitere Entführungen zu verhindern.`;

describe('detectLanguage', () => {
  it('tells English from the seeds', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) expect(detectLanguage(seedBody(prefix))).toEqual({ ok: true, value: 'en' });
  });

  it('tells French', () => {
    expect(detectLanguage(FRENCH)).toEqual({ ok: true, value: 'fr' });
  });

  it('rejects a long text in another language', () => {
    const result = detectLanguage(GERMAN);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('unknown_language');
  });

  it('reads short titles by their small words', () => {
    expect(detectLanguage('Trois Indiens enlevés au Mali')).toEqual({ ok: true, value: 'fr' });
    expect(detectLanguage('Three Indians kidnapped in Mali')).toEqual({ ok: true, value: 'en' });
  });

  it('falls back to und for a short text with nothing to go on, never to an error', () => {
    expect(detectLanguage('Kayes')).toEqual({ ok: true, value: 'und' });
    expect(detectLanguage('Kidal, Gao, Tombouctou')).toEqual({ ok: true, value: 'und' });
  });

  it('lets a declared English or French tag win', () => {
    expect(detectLanguage(GERMAN, 'fr-FR')).toEqual({ ok: true, value: 'fr' });
    expect(detectLanguage(FRENCH, 'eng')).toEqual({ ok: true, value: 'en' });
  });

  it('does not trust a declared tag for another language over the text', () => {
    expect(detectLanguage(FRENCH, 'de')).toEqual({ ok: true, value: 'fr' });
    expect(detectLanguage(FRENCH, 'not a tag')).toEqual({ ok: true, value: 'fr' });
  });
});

describe('declaredLanguage', () => {
  it.each([
    ['en', 'en'], ['en-GB', 'en'], ['EN_us', 'en'], ['eng', 'en'], ['fr', 'fr'], ['fr-FR', 'fr'], ['fre', 'fr'], ['fra', 'fr'],
  ] as const)('%s is %s', (tag, lang) => {
    expect(declaredLanguage(tag)).toBe(lang);
  });

  it.each(['de', 'pt-BR', '', 'english', 'x'])('%s is not English or French', (tag) => {
    expect(declaredLanguage(tag)).toBeUndefined();
  });
});
