import { describe, expect, it } from 'vitest';
import { adviceStep, ISSUER_IDS, travelAdvice } from '../../../../src/domain/extract/travel-advice.js';
import { makeDocument } from './make-document.js';

const advice = (title: string, body = '', headlineEvent = false) => {
  const found = travelAdvice(makeDocument(title, body), headlineEvent);
  return found === undefined ? undefined : { type: found.type, issuer: found.issuer?.id };
};

describe('travelAdvice', () => {
  it('reads a US level as advisory, whatever risks it lists', () => {
    expect(advice('Mali - Level 4: Do Not Travel', 'Do not travel to Mali due to crime, terrorism, and kidnapping.')).toEqual({
      type: 'advisory',
      issuer: undefined,
    });
    expect(advice('US keeps Mali at Level 4: Do Not Travel')).toEqual({ type: 'advisory', issuer: 'us-gov' });
    expect(advice('The United States raises its travel alert to Burkina Faso to the maximum level')).toEqual({ type: 'advisory', issuer: 'us-gov' });
    expect(advice('Britain issues travel warning for Niger')).toEqual({ type: 'advisory', issuer: 'uk-gov' });
    expect(advice('US moves Burkina Faso to level four')).toEqual({ type: 'advisory', issuer: 'us-gov' });
  });

  it('reads a call to shelter as advice, and a thinned-out embassy as a step of leaving', () => {
    expect(advice('British nationals in Niger told to stay indoors amid unrest')).toEqual({ type: 'advisory', issuer: 'uk-gov' });
    expect(advice("L'Égypte appelle ses ressortissants au Mali à limiter leurs déplacements")).toMatchObject({ type: 'advisory' });
    expect(advice('La France demande à ses ressortissants de rester chez eux à Niamey')).toEqual({ type: 'advisory', issuer: 'fr-gov' });
    expect(advice('Niger: the United Kingdom reduces the staff in its embassy')).toEqual({ type: 'evacuation', issuer: 'uk-gov' });
    expect(advice('Britain scales back Niger embassy as Britons evacuated')).toEqual({ type: 'evacuation', issuer: 'uk-gov' });
    expect(advice('Residents told to stay indoors as gunmen attack Niamey', '', true)).toBeUndefined();
  });

  it('reads leave-now calls and ordered departures as evacuation, with the government that gave them', () => {
    expect(advice('US orders non-emergency staff out of embassy in Bamako')).toEqual({ type: 'evacuation', issuer: 'us-gov' });
    expect(advice('Mali travel advice: British nationals should leave now')).toEqual({ type: 'evacuation', issuer: 'uk-gov' });
    expect(advice('Italy tells its citizens to exit Mali')).toEqual({ type: 'evacuation', issuer: 'it-gov' });
    expect(advice('La France appelle ses ressortissants à quitter temporairement le Mali')).toEqual({ type: 'evacuation', issuer: 'fr-gov' });
    expect(advice('Washington pulls non-essential diplomats from Mali')).toEqual({ type: 'evacuation', issuer: 'us-gov' });
    expect(advice('Le Quai d\'Orsay recommande aux Français de prévoir un départ temporaire du Mali')).toMatchObject({ type: 'evacuation' });
    expect(advice('US urges its citizens to depart Mali immediately')).toEqual({ type: 'evacuation', issuer: 'us-gov' });
    expect(advice("US Embassy in Mali urges Americans to leave 'immediately'")).toEqual({ type: 'evacuation', issuer: 'us-gov' });
    expect(advice('India asks its nationals in Niger to leave at the earliest')).toEqual({ type: 'evacuation', issuer: 'in-gov' });
    expect(advice("L'Australie demande à ses ressortissants de quitter le Mali")).toEqual({ type: 'evacuation', issuer: 'au-gov' });
    expect(advice('Canada urges its citizens to leave Niger')).toEqual({ type: 'evacuation', issuer: 'ca-gov' });
    // The government another follows is not the one advising.
    expect(advice("Mali : après les États-Unis, l'Australie demande à ses ressortissants de quitter le pays")).toEqual({ type: 'evacuation', issuer: 'au-gov' });
    expect(advice('Niger : la France demande à ses ressortissants de quitter « immédiatement » le pays')).toMatchObject({ type: 'evacuation', issuer: 'fr-gov' });
  });

  it("reads a government flying its people out as its advice to leave", () => {
    expect(advice('Italy to evacuate its citizens from Niger')).toEqual({ type: 'evacuation', issuer: 'it-gov' });
    expect(advice('Niger : la France va évacuer ses ressortissants')).toEqual({ type: 'evacuation', issuer: 'fr-gov' });
    expect(advice('Spain begins evacuation of its nationals from Niamey')).toEqual({ type: 'evacuation', issuer: 'es-gov' });
    expect(advice('Wounded soldiers evacuated to Niamey')).toBeUndefined();
    expect(advice('US bans entry from Mali, Burkina Faso and Niger', 'Some countries refused to repatriate deported nationals, the proclamation says.')).toBeUndefined();
  });

  it('reads a headline that drops the article before "country"', () => {
    expect(advice('US Warns Citizens in Mali To Leave Country Immediately')).toEqual({ type: 'evacuation', issuer: 'us-gov' });
  });

  it('names the rung of leaving the headline announces', () => {
    const step = (title: string, body = '') => adviceStep(makeDocument(title, body));
    expect(step('U.S. Department Urges Non-Emergency Staff to Leave Mali')).toBe('staff-allowed');
    expect(step('Authorized departure for the US Embassy in Bamako')).toBe('staff-allowed');
    expect(step('US directs all nonessential staff and families to leave Mali')).toBe('staff-ordered');
    expect(step('Les États-Unis ordonnent le départ de leur personnel non essentiel du Mali')).toBe('staff-ordered');
    expect(step('US warns citizens to leave Mali immediately')).toBe('citizens-leave');
    expect(step('La France appelle ses ressortissants à quitter le Mali')).toBe('citizens-leave');
    expect(step('Security alert', 'American citizens should leave Mali now.')).toBe('citizens-leave');
    expect(step('US keeps Mali at Level 4: Do Not Travel')).toBeUndefined();
  });

  it('finds the advice in the first sentence when the headline says nothing of it', () => {
    expect(advice('A new warning for Mali', 'The Foreign Office now advises against all travel to the country. Flights continue.')).toEqual({
      type: 'advisory',
      issuer: 'uk-gov',
    });
  });

  it('leaves a story whose headline reports violence to that violence', () => {
    expect(advice('Three Indians kidnapped in Kayes; India advises against all travel', '', true)).toBeUndefined();
  });

  it("reads an embassy's security alert to its citizens as its government's advice", () => {
    expect(advice("Mali : alerte à la bombe à Bamako, l'ambassade des États-Unis met en garde")).toEqual({ type: 'advisory', issuer: 'us-gov' });
    expect(advice('US embassy in Bamako warns citizens of possible attack')).toEqual({ type: 'advisory', issuer: 'us-gov' });
    expect(advice('Security alert: Bamako', 'The U.S. Embassy advises citizens to avoid the airport road.')).toEqual({ type: 'advisory', issuer: 'us-gov' });
  });

  it('does not take the pronoun "us" for the United States', () => {
    expect(advice('Mali: let us leave now, villagers plead', 'The French embassy said nothing.')).toEqual({ type: 'evacuation', issuer: 'fr-gov' });
    expect(advice('U.S. Orders Departure of Staff From Mali', 'France said nothing.')).toEqual({ type: 'evacuation', issuer: 'us-gov' });
  });

  it("reads a government's closing of its embassy as its advice", () => {
    expect(advice('Niger: la France annonce la fermeture de son ambassade')).toEqual({ type: 'advisory', issuer: 'fr-gov' });
    expect(advice("L'ambassade de France au Niger fermée jusqu'à nouvel ordre, confirme le Quai d'Orsay")).toEqual({ type: 'advisory', issuer: 'fr-gov' });
    expect(advice('US closes its embassy in Niamey')).toEqual({ type: 'advisory', issuer: 'us-gov' });
    expect(advice('Embassy staff meet business leaders in Niamey')).toBeUndefined();
  });

  it('knows the issuers it can name', () => {
    expect([...ISSUER_IDS].sort()).toEqual(['au-gov', 'be-gov', 'ca-gov', 'ch-gov', 'de-gov', 'es-gov', 'fr-gov', 'in-gov', 'it-gov', 'uk-gov', 'us-gov']);
  });
});
