import { describe, expect, it } from 'vitest';
import type { Sentence } from '../../../../src/domain/model.js';
import { isBackgroundSentence, opensOnRecentMonth, recallsPast } from '../../../../src/domain/extract/background.js';
import { documentTokens, type Tokens } from '../../../../src/domain/extract/tokens.js';
import { sentenceDocument } from './make-document.js';
import { fold } from '../../../../src/domain/text/normalize.js';

function sentence(text: string): Sentence {
  return { index: 1, text, folded: fold(text), lead: false };
}

const tokensOf = (text: string): Tokens => documentTokens(sentenceDocument(text))[0] as Tokens;

describe('isBackgroundSentence and recallsPast', () => {
  it.each([
    'Earlier this year, three Indian nationals from the Diamond Cement Factory in Kayes were also kidnapped.',
    'JNIM has also claimed responsibility for two significant earlier attacks.',
    'Togo recorded more terrorist attacks in 2024 than in any previous year.',
    'Previous Indian abductions add to unease',
    'The country is also dealing with unresolved kidnappings of foreign nationals in recent years.',
    'Mali has faced a deteriorating security environment since 2012.',
    'Formed in 2017, the group has built networked influence across Mali.',
    'JNIM, which emerged in 2017 through the unification of four Islamist factions, grew fast.',
    'Iyad Ag Ghali announced the formation of the group on March 2, 2017.',
    'The Ministry of External Affairs had then underscored that safety was a priority.',
    'Last year, gunmen kidnapped two Chinese workers in the same area.',
    'In 2019, twin attacks on Boulkessi and Mondoro killed dozens of soldiers.',
    'En août 2020, des militaires avaient extirpé de leur domicile le président et son premier ministre.',
    'In September 2019, twin attacks on Boulkessi and Mondoro killed dozens of soldiers.',
    'Trois autres Indiens avaient déjà été enlevés à Kayes.',
    'Une attaque précédente avait fait dix morts.',
    'Similar incident took place in July when three Indians employed at the Diamond Cement Factory in Kayes were abducted.',
    'In a similar attack, gunmen killed five soldiers near Gao.',
    'Un enlèvement similaire avait visé des ouvriers chinois.',
    "L'an dernier, deux Chinois avaient été enlevés près de Kayes.",
    "L'année dernière, le camp avait été attaqué.",
    'Plus tôt cette année, le JNIM avait revendiqué une embuscade.',
    'Le Mali est en crise depuis 2012.',
    'Fondé en 2017, le groupe contrôle de vastes zones.',
    "Rappelons que l'enlèvement de cet Américain intervient quelques semaines après la libération d'un otage.",
    'Il y a environ quatre ans, Jeffery Woodke a été enlevé à Abalak.',
    'Two years ago, gunmen kidnapped an American aid worker in the same region.',
    "Il a appelé à la prudence, faisant référence à l'attaque de ce village, le 9 juin, qui a fait 35 morts.",
    'He urged caution, referring to the attack on Sobane Da on June 9, which killed 35.',
    'Quarante soldats avaient été tués dans deux assauts djihadistes le 30 septembre à Boulkessy et le 1er octobre à Mondoro.',
    'Forty soldiers had been killed in two assaults on Boulkessi and Mondoro.',
  ])('%s looks back', (text) => {
    expect(isBackgroundSentence(sentence(text))).toBe(true);
    expect(recallsPast(tokensOf(text))).toBe(true);
  });

  it.each([
    'Earlier, the military said assaults had occurred in at least seven towns and cities.',
    'The kidnapping took place on July 1 when armed assailants attacked the Diamond Cement Factory.',
    'Three Indian nationals were abducted from a cement factory in Mali on Tuesday, July 1.',
    'On the previous day, gunmen had surrounded the factory.',
    'The latest abduction takes the total number of Indians kidnapped in Mali this year to eight.',
    'Cinq ressortissants indiens ont été enlevés jeudi près de Kobri.',
    'The army said it was established in the area.',
    'Forty-two soldiers were killed near Tessit on Sunday, the government said, updating a previous death toll of 17.',
    'Le précédent bilan faisait état de 17 morts.',
    'Parc W sous feu : une attaque terroriste sans précédent',
    'Le 8 janvier 2025 alors que le peuple béninois avait déjà la tête aux festivités, les terroristes ont fait irruption dans le parc W.',
    'A Swede who had been held hostage by Al-Qaeda in Mali since 2011 has been freed, the government said.',
    'La Française, retenue en otage au Mali depuis 2016, a été libérée jeudi.',
    'Le pays a connu dans la nuit de vendredi à samedi l’attaque la plus meurtrière depuis 2015.',
    'It was the deadliest attack on the army since 2015, officials said.',
    'Jeffrey Woodke, who lived in the city of Abalak since 1992, was driven off in a pickup truck.',
    "Le prêtre, qui vivait à Bomoanga depuis 2007, a été enlevé lundi soir.",
    'Armed men on Tuesday killed 37 Fulani civilians in central Mali, where ethnic violence cost hundreds of lives last year, the government said.',
    'A previous assessment of this attack in the village of Ogossagou reported at least fifty deaths.',
    'Les assaillants ont pris pour cible le village de Binedama, dans la région de Mopti, qui a connu des dizaines de massacres au cours des dernières années.',
    'Gunmen attacked Binedama, a village which has seen dozens of massacres in recent years.',
    "L'attaque de Yirgou le 1er janvier 2019 a fait beaucoup plus de morts que précédemment annoncé.",
    'In September, gunmen attacked the camp.',
  ])('%s reports the current event', (text) => {
    expect(isBackgroundSentence(sentence(text))).toBe(false);
    expect(recallsPast(tokensOf(text))).toBe(false);
  });
});

describe('opensOnRecentMonth', () => {
  it.each([
    ['In March 2025, more than 100 civilians were killed near Solenzo.', '2025-05-12', true],
    ['En mars 2025, plus de 100 civils ont été tués près de Solenzo.', '2025-03-20', true],
    ['In March 2025, more than 100 civilians were killed near Solenzo.', '2025-12-12', false],
    ['In March 2025, more than 100 civilians were killed near Solenzo.', '2025-02-12', false],
    ['In 2025, more than 100 civilians were killed near Solenzo.', '2025-05-12', false],
    ['In March 2025, a previous attack killed 100 civilians near Solenzo.', '2025-05-12', false],
  ])('%s (published %s): %s', (text, published, expected) => {
    expect(opensOnRecentMonth(sentence(text), published)).toBe(expected);
  });
});
