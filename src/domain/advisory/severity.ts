import type { Severity } from '../model.js';
import type { Localized } from './types.js';

export interface SeverityLevel {
  readonly level: Severity;
  readonly name: Localized;
  /** The meaning, worded after the US travel advisory level of the same number. */
  readonly meaning: Localized;
  /** Embed colour (RGB). */
  readonly colour: number;
}

/**
 * Four levels so that a reader who knows the US scale (Exercise Normal Precautions,
 * Exercise Increased Caution, Reconsider Travel, Do Not Travel) reads ours the same way.
 */
export const SEVERITY_SCALE: Readonly<Record<Severity, SeverityLevel>> = {
  1: {
    level: 1,
    name: { en: 'Low', fr: 'Faible' },
    meaning: { en: 'Exercise normal precautions', fr: 'Prendre les précautions habituelles' },
    colour: 0x2e7d32,
  },
  2: {
    level: 2,
    name: { en: 'Elevated', fr: 'Élevé' },
    meaning: { en: 'Exercise increased caution', fr: 'Faire preuve d’une vigilance accrue' },
    colour: 0xf9a825,
  },
  3: {
    level: 3,
    name: { en: 'High', fr: 'Haut' },
    meaning: { en: 'Reconsider travel', fr: 'Reconsidérer tout déplacement' },
    colour: 0xef6c00,
  },
  4: {
    level: 4,
    name: { en: 'Critical', fr: 'Critique' },
    meaning: { en: 'Do not travel', fr: 'Ne pas se rendre dans la zone' },
    colour: 0xc62828,
  },
};

export const SEVERITIES: readonly Severity[] = [1, 2, 3, 4];

export function isSeverity(value: number): value is Severity {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** "4/4 Critical" */
export function severityLabel(level: Severity, lang: 'en' | 'fr'): string {
  return `${level}/4 ${SEVERITY_SCALE[level].name[lang]}`;
}
