import { describe, expect, it } from 'vitest';
import { extractAdvice } from '../../../../src/domain/extract/advice.js';
import { makeDocument, projectCatalogs, sentenceDocument } from './make-document.js';

const { actors } = projectCatalogs();

describe('extractAdvice', () => {
  it('takes the advice out of a passive sentence, with no giver', () => {
    const text =
      'All Indian citizens currently residing in Mali have been advised to “exercise utmost caution, remain vigilant, and stay in close contact with the Embassy of India in Bamako for regular updates and necessary assistance.”';
    expect(extractAdvice(sentenceDocument(text), actors)).toEqual([
      {
        text: 'exercise utmost caution, remain vigilant, and stay in close contact with the Embassy of India in Bamako for regular updates and necessary assistance',
        evidence: { sentence: 0, text },
      },
    ]);
  });

  it('names the giver standing before the advice, not the embassy inside it', () => {
    const text =
      'The Indian government has issued an advisory to all Indian citizens residing in Mali, urging them to exercise utmost caution and stay in close contact with the Indian Embassy in Bamako.';
    expect(extractAdvice(sentenceDocument(text), actors)[0]).toMatchObject({
      by: 'in-gov',
      text: 'exercise utmost caution and stay in close contact with the Indian Embassy in Bamako',
    });
  });

  it('follows "it" back to the ministry named before', () => {
    const doc = makeDocument('Statement', 'The MEA added that officials were monitoring the situation. It also advised all Indian nationals in Mali to maintain caution and remain in close contact with the embassy.');
    expect(extractAdvice(doc, actors)).toMatchObject([
      { by: 'in-mea', text: 'maintain caution and remain in close contact with the embassy', evidence: { sentence: 2 } },
    ]);
  });

  it('reads advice to leave and travel advice', () => {
    const leave = 'Several Western countries have already advised their citizens to leave Mali owing to the volatile security situation.';
    expect(extractAdvice(sentenceDocument(leave), actors)[0]?.text).toBe('leave Mali owing to the volatile security situation');
    expect(extractAdvice(sentenceDocument('Reconsider travel to Mali due to crime and terrorism.'), actors)[0]?.text).toBe(
      'Reconsider travel to Mali due to crime and terrorism',
    );
  });

  it('reads French advice', () => {
    const text = "Le gouvernement malien conseille aux ressortissants étrangers de quitter le pays.";
    expect(extractAdvice(sentenceDocument(text, 'fr'), actors)[0]).toMatchObject({ by: 'ml-gov', text: 'quitter le pays' });
  });

  it('does not take a demand to a government for advice', () => {
    const text = 'The MEA calls upon the Government of the Republic of Mali to take all necessary measures to secure their release.';
    expect(extractAdvice(sentenceDocument(text), actors)).toEqual([]);
  });
});
