/**
 * Country codes: everything is stored as ISO 3166 alpha-3, or as an aggregate code that is always longer than
 * three letters (so an aggregate can never be mistaken for a country). Sources' own codes are mapped here:
 * Eurostat's alpha-2 with its exceptions (EL, UK, XK) and aggregates, UNHCR's ISO fields with its pseudo-codes,
 * CBP's upper-case citizenship names. UNHCR's own `coo`/`coa` codes are never read (UNHCR `AUS` is Austria).
 */
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json') as countries.LocaleData);
countries.registerLocale(require('i18n-iso-countries/langs/ru.json') as countries.LocaleData);

/** Aggregates and pseudo-countries, with English and Russian names. */
export const AGGREGATES: Record<string, { en: string; ru: string }> = {
  WORLD: { en: 'All countries', ru: 'Все страны' },
  EU27_2020: { en: 'EU-27 (from 2020)', ru: 'ЕС-27 (с 2020)' },
  EU28: { en: 'EU-28 (2013–2020)', ru: 'ЕС-28 (2013–2020)' },
  EU27_2007: { en: 'EU-27 (2007–2013)', ru: 'ЕС-27 (2007–2013)' },
  EXT_EU27_2020: { en: 'Non-EU-27 countries', ru: 'Страны вне ЕС-27' },
  EXT_EU28: { en: 'Non-EU-28 countries', ru: 'Страны вне ЕС-28' },
  STATELESS: { en: 'Stateless', ru: 'Лица без гражданства' },
  UNKNOWN: { en: 'Unknown', ru: 'Неизвестно' },
  OTHER: { en: 'Other (not named by the source)', ru: 'Другие (не названы источником)' },
  RECOGNISED_NON_CITIZENS: { en: 'Recognised non-citizens', ru: 'Признанные неграждане' },
  UK_OVERSEAS: { en: 'UK overseas countries and territories', ru: 'Заморские территории Великобритании' },
  TIBETANS: { en: 'Tibetans (UNHCR pseudo-code TIB)', ru: 'Тибетцы (код УВКБ TIB)' },
  KOSOVO: { en: 'Kosovo', ru: 'Косово' },
};

/** EU member states since 1 February 2020. */
export const EU27 = [
  'AUT',
  'BEL',
  'BGR',
  'HRV',
  'CYP',
  'CZE',
  'DNK',
  'EST',
  'FIN',
  'FRA',
  'DEU',
  'GRC',
  'HUN',
  'IRL',
  'ITA',
  'LVA',
  'LTU',
  'LUX',
  'MLT',
  'NLD',
  'POL',
  'PRT',
  'ROU',
  'SVK',
  'SVN',
  'ESP',
  'SWE',
] as const;

export function isAggregate(code: string): boolean {
  return code.length !== 3;
}

export function isCountry(code: string): boolean {
  return code.length === 3 && countries.isValid(code);
}

export function countryName(code: string, lang: 'en' | 'ru' = 'en'): string {
  const aggregate = AGGREGATES[code];
  if (aggregate) return aggregate[lang];
  return countries.getName(code, lang) ?? code;
}

const EUROSTAT_SPECIAL: Record<string, string> = {
  EL: 'GRC',
  UK: 'GBR',
  XK: 'KOSOVO',
  TOTAL: 'WORLD',
  EU27_2020: 'EU27_2020',
  EU28: 'EU28',
  EU27_2007: 'EU27_2007',
  EXT_EU27_2020: 'EXT_EU27_2020',
  EXT_EU28: 'EXT_EU28',
  STLS: 'STATELESS',
  UNK: 'UNKNOWN',
  RNC: 'RECOGNISED_NON_CITIZENS',
  UK_OCT: 'UK_OVERSEAS',
};

/** Eurostat geo/citizen code → stored code; null when unknown. */
export function fromEurostat(code: string): string | null {
  const special = EUROSTAT_SPECIAL[code];
  if (special) return special;
  if (code.length === 2 && /^[A-Z]{2}$/.test(code)) return countries.alpha2ToAlpha3(code) ?? null;
  return null;
}

const UNHCR_SPECIAL: Record<string, string> = { UNK: 'UNKNOWN', XXA: 'STATELESS', TIB: 'TIBETANS', XKX: 'KOSOVO', '-': 'WORLD' };

/** UNHCR ISO3 field (coo_iso / coa_iso, "Country of origin (ISO)") → stored code; null when unknown. */
export function fromUnhcrIso(code: string): string | null {
  const special = UNHCR_SPECIAL[code];
  if (special) return special;
  return /^[A-Z]{3}$/.test(code) && countries.isValid(code) ? code : null;
}

const CBP_NAMES: Record<string, string> = {
  BRAZIL: 'BRA',
  CANADA: 'CAN',
  'CHINA, PEOPLES REPUBLIC OF': 'CHN',
  COLOMBIA: 'COL',
  CUBA: 'CUB',
  ECUADOR: 'ECU',
  'EL SALVADOR': 'SLV',
  GUATEMALA: 'GTM',
  HAITI: 'HTI',
  HONDURAS: 'HND',
  INDIA: 'IND',
  MEXICO: 'MEX',
  'MYANMAR (BURMA)': 'MMR',
  NICARAGUA: 'NIC',
  PERU: 'PER',
  PHILIPPINES: 'PHL',
  ROMANIA: 'ROU',
  RUSSIA: 'RUS',
  TURKEY: 'TUR',
  UKRAINE: 'UKR',
  VENEZUELA: 'VEN',
  OTHER: 'OTHER',
};

/** CBP citizenship name → stored code; a name the source adds later is looked up by its English name. */
export function fromCbpCitizenship(name: string): string | null {
  const known = CBP_NAMES[name];
  if (known) return known;
  const titled = name.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase());
  return countries.getAlpha3Code(titled, 'en') ?? null;
}

/** A user's destination/origin argument: ISO3, alpha-2, aggregate code, or a group name (EU27, WORLD). */
export function parseArea(value: string): string | null {
  const upper = value.trim().toUpperCase();
  if (upper === 'EU' || upper === 'EU27' || upper === 'EU-27') return 'EU27_2020';
  if (upper === 'ALL' || upper === 'TOTAL') return 'WORLD';
  if (AGGREGATES[upper]) return upper;
  if (upper.length === 3 && countries.isValid(upper)) return upper;
  if (upper.length === 2) return fromEurostat(upper);
  return null;
}
