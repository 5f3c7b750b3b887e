import { PhraseIndex } from './tokens.js';

/** The nationalities victims are counted by, with the words that name them in English and French (folded). */
export const DEMONYMS: readonly (readonly [string, readonly string[]])[] = [
  ['Indian', ['indian', 'indians', 'indien', 'indiens', 'indienne', 'indiennes']],
  ['Chinese', ['chinese', 'chinois', 'chinoise', 'chinoises']],
  ['Malian', ['malian', 'malians', 'malien', 'maliens', 'malienne', 'maliennes']],
  ['French', ['french', 'francais', 'francaise', 'francaises', 'frenchman', 'frenchmen']],
  ['Burkinabe', ['burkinabe', 'burkinabes', 'burkina faso']],
  ['Nigerien', ['nigerien', 'nigeriens', 'nigerienne', 'nigeriennes']],
  ['Nigerian', ['nigerian', 'nigerians', 'nigeriane', 'nigerianes']],
  ['Senegalese', ['senegalese', 'senegalais', 'senegalaise', 'senegalaises']],
  ['Mauritanian', ['mauritanian', 'mauritanians', 'mauritanien', 'mauritaniens', 'mauritanienne', 'mauritaniennes']],
  ['Algerian', ['algerian', 'algerians', 'algerien', 'algeriens', 'algerienne', 'algeriennes']],
  ['Ivorian', ['ivorian', 'ivorians', 'ivoirien', 'ivoiriens', 'ivoirienne', 'ivoiriennes']],
  ['Guinean', ['guinean', 'guineans', 'guineen', 'guineens', 'guineenne', 'guineennes']],
  ['Beninese', ['beninese', 'beninois', 'beninoise', 'beninoises']],
  ['Togolese', ['togolese', 'togolais', 'togolaise', 'togolaises']],
  ['Ghanaian', ['ghanaian', 'ghanaians', 'ghaneen', 'ghaneens', 'ghaneenne', 'ghaneennes']],
  ['Chadian', ['chadian', 'chadians', 'tchadien', 'tchadiens', 'tchadienne', 'tchadiennes']],
  ['Moroccan', ['moroccan', 'moroccans', 'marocain', 'marocains', 'marocaine', 'marocaines']],
  ['Egyptian', ['egyptian', 'egyptians', 'egyptien', 'egyptiens', 'egyptienne', 'egyptiennes']],
  ['Turkish', ['turkish', 'turk', 'turks', 'turc', 'turcs', 'turque', 'turques']],
  ['Russian', ['russian', 'russians', 'russe', 'russes']],
  ['American', ['american', 'americans', 'americain', 'americains', 'americaine', 'americaines', 'u s']],
  ['British', ['british', 'briton', 'britons', 'britannique', 'britanniques']],
  ['German', ['german', 'germans', 'allemand', 'allemands', 'allemande', 'allemandes']],
  ['Italian', ['italian', 'italians', 'italien', 'italiens', 'italienne', 'italiennes']],
  ['Spanish', ['spanish', 'spaniard', 'spaniards', 'espagnol', 'espagnols', 'espagnole', 'espagnoles']],
  ['Swiss', ['swiss', 'suisse', 'suisses']],
  ['Austrian', ['austrian', 'austrians', 'autrichien', 'autrichiens', 'autrichienne']],
  ['Canadian', ['canadian', 'canadians', 'canadien', 'canadiens', 'canadienne', 'canadiennes']],
  ['Romanian', ['romanian', 'romanians', 'roumain', 'roumains', 'roumaine', 'roumaines']],
  ['Serbian', ['serbian', 'serbians', 'serbe', 'serbes']],
  ['Lebanese', ['lebanese', 'libanais', 'libanaise', 'libanaises']],
  ['Pakistani', ['pakistani', 'pakistanis', 'pakistanais', 'pakistanaise']],
  ['Bangladeshi', ['bangladeshi', 'bangladeshis', 'bangladais', 'bangladaise']],
  ['Nepali', ['nepali', 'nepalis', 'nepalese', 'nepalais']],
  ['Emirati', ['emirati', 'emiratis', 'emirien', 'emiriens', 'emirienne', 'uae']],
  ['Iranian', ['iranian', 'iranians', 'iranien', 'iraniens', 'iranienne']],
  ['South African', ['south african', 'south africans', 'sud africain', 'sud africains']],
  ['Colombian', ['colombian', 'colombians', 'colombien', 'colombiens', 'colombienne', 'colombiennes']],
  ['Australian', ['australian', 'australians', 'australien', 'australiens', 'australienne', 'australiennes']],
  ['Swedish', ['swedish', 'swede', 'swedes', 'suedois', 'suedoise', 'suedoises']],
  ['Dutch', ['dutch', 'dutchman', 'neerlandais', 'neerlandaise', 'hollandais', 'hollandaise']],
  ['Belgian', ['belgian', 'belgians', 'belge', 'belges']],
  ['Portuguese', ['portuguese', 'portugais', 'portugaise', 'portugaises']],
  ['Brazilian', ['brazilian', 'brazilians', 'bresilien', 'bresiliens', 'bresilienne', 'bresiliennes']],
  ['Ukrainian', ['ukrainian', 'ukrainians', 'ukrainien', 'ukrainiens', 'ukrainienne', 'ukrainiennes']],
  ['Japanese', ['japanese', 'japonais', 'japonaise', 'japonaises']],
  ['South Korean', ['south korean', 'south koreans', 'sud coreen', 'sud coreens', 'sud coreenne']],
  ['Libyan', ['libyan', 'libyans', 'libyen', 'libyens', 'libyenne', 'libyennes']],
  ['Tunisian', ['tunisian', 'tunisians', 'tunisien', 'tunisiens', 'tunisienne', 'tunisiennes']],
  ['Cameroonian', ['cameroonian', 'cameroonians', 'camerounais', 'camerounaise', 'camerounaises']],
  ['Sudanese', ['sudanese', 'soudanais', 'soudanaise', 'soudanaises']],
];

export const NATIONALITIES = new PhraseIndex<string>(DEMONYMS.flatMap(([name, forms]) => forms.map((form) => [form, name] as const)));

/** Whether words[start..end) are a nationality ("Togolais", "Malians") rather than a country's name. */
export function isDemonymAt(words: readonly string[], start: number, end: number): boolean {
  return NATIONALITIES.matchAt(words, start)?.end === end;
}
