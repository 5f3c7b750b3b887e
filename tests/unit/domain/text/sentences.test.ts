import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../../src/domain/text/sentences.js';

describe('splitSentences', () => {
  it('splits on full stops, question and exclamation marks', () => {
    expect(splitSentences('Was JNIM behind the abduction? Nobody knows! The army said nothing.')).toEqual([
      'Was JNIM behind the abduction?',
      'Nobody knows!',
      'The army said nothing.',
    ]);
  });

  it('does not split after titles and ranks', () => {
    expect(splitSentences('Army spokesperson Col. Souleymane Dembele spoke. Gen. Michael Langley and Mr. Smith agreed.')).toEqual([
      'Army spokesperson Col. Souleymane Dembele spoke.',
      'Gen. Michael Langley and Mr. Smith agreed.',
    ]);
  });

  it('does not split inside dotted acronyms and initials', () => {
    expect(splitSentences('The U.S. embassy and the U.N. mission closed. J. Smith left.')).toEqual([
      'The U.S. embassy and the U.N. mission closed.',
      'J. Smith left.',
    ]);
  });

  it('splits after an initial or acronym that ends a sentence before a word that opens one', () => {
    expect(splitSentences("Les soldats ont été attaqués dans le parc W. Les assauts ont visé des positions déjà sous surveillance.")).toEqual([
      'Les soldats ont été attaqués dans le parc W.',
      'Les assauts ont visé des positions déjà sous surveillance.',
    ]);
    expect(splitSentences('He was flown to the U.S. The embassy said nothing. J. Smith left.')).toEqual([
      'He was flown to the U.S.',
      'The embassy said nothing.',
      'J. Smith left.',
    ]);
  });

  it('does not split decimals or abbreviated months before a day', () => {
    expect(splitSentences('About 5.8 million people need aid. It began on Nov. 6 in Kobri.')).toEqual([
      'About 5.8 million people need aid.',
      'It began on Nov. 6 in Kobri.',
    ]);
  });

  it('keeps hyphenated Arabic articles within a sentence', () => {
    expect(splitSentences('An al-Qaeda affiliate, Jama’at Nusrat al-Islam wal-Muslimin, claimed it. Al-Murabitun did not.')).toEqual([
      'An al-Qaeda affiliate, Jama’at Nusrat al-Islam wal-Muslimin, claimed it.',
      'Al-Murabitun did not.',
    ]);
  });

  it('keeps a closing quote with the sentence it ends', () => {
    expect(splitSentences('He said, “The enemy suffered significant losses.” He added that weapons were recovered.')).toEqual([
      'He said, “The enemy suffered significant losses.”',
      'He added that weapons were recovered.',
    ]);
  });

  it('splits a quotation that opens the next sentence', () => {
    expect(splitSentences('The Embassy posted a message. "The Embassy is aware of the incident."')).toEqual([
      'The Embassy posted a message.',
      '"The Embassy is aware of the incident."',
    ]);
  });

  it('handles French guillemets and the abbreviation M.', () => {
    expect(splitSentences('« Nous condamnons fermement cet acte. » Le ministère a réagi. M. Diallo a confirmé l’enlèvement.')).toEqual([
      '« Nous condamnons fermement cet acte. »',
      'Le ministère a réagi.',
      'M. Diallo a confirmé l’enlèvement.',
    ]);
  });

  it('does not split when the next word is in lower case', () => {
    expect(splitSentences('Weapons, e.g. rifles and drones, were seized.')).toEqual(['Weapons, e.g. rifles and drones, were seized.']);
  });

  it('starts a new sentence after a number that ends one', () => {
    expect(splitSentences('Benin reported more deaths in 2024. Togo did too.')).toEqual(['Benin reported more deaths in 2024.', 'Togo did too.']);
  });

  it('returns nothing for an empty paragraph and the text itself when there is no boundary', () => {
    expect(splitSentences('   ')).toEqual([]);
    expect(splitSentences('What we know about the JNIM')).toEqual(['What we know about the JNIM']);
  });

  it('treats a long run of dots as one boundary candidate', () => {
    const sentences = splitSentences(`Attack${'.'.repeat(1_000_000)} Then calm.`);
    expect(sentences).toHaveLength(2);
    expect(sentences[1]).toBe('Then calm.');
  });
});
