import { z } from 'zod';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { layoutFromDirectory } from '../layouts.ts';
import type { CourtDirectory, CourtType, CourtTypeCode, MilitaryCourt, SourceId } from './types.ts';

/** Raw court lists, as read from their JSON files (see shared/data/courts and SOURCES.md). */
const TochnoSchema = z.array(
  z.object({
    searchString: z.string(),
    vnkod: z.string().nullable(),
    name: z.string(),
    level: z.string(),
    region: z.number().nullable(),
    searchPattern: z.string().nullable(),
    hasCaptcha: z.boolean().nullable(),
  }),
);
const DataoutSchema = z.record(
  z.string(),
  z.array(z.object({ court_id: z.string(), court_name: z.string(), court_website: z.string(), srv: z.array(z.string()) })),
);
const SmBackendSchema = z.array(
  z.object({
    fields: z.object({
      title: z.string(),
      url: z.string().nullable(),
      type: z.number(),
      site_type: z.number().nullable(),
      vn_kod: z.string().nullable(),
      region: z.number().nullable(),
    }),
  }),
);
const PracticeSchema = z.object({
  courts: z.array(z.object({ domain: z.string(), level: z.string(), title: z.string(), number: z.number().optional() })),
});
const RegionsSchema = z.record(z.string(), z.string());

export interface DirectoryInputs {
  tochno: unknown;
  dataout: unknown;
  smBackend: unknown;
  practice: unknown;
  regions: unknown;
}

function parse<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new OtkazError(ErrorCode.DirectoryInvalid, `unexpected court-list format: ${issue?.message ?? 'invalid'} at ${issue?.path.join('.') ?? ''}`, {
      where: file,
    });
  }
  return result.data;
}

/** 'http://gvs.ros.sudrf.ru/' or 'gvs--ros.sudrf.ru' → both host forms. */
export function hostForms(raw: string): { host: string; legacyHost: string } {
  const bare = raw
    .replace(/^https?:\/\//i, '')
    .replace(/\/.*$/, '')
    .toLowerCase();
  const m = /^(.+?)(?:--|\.)([a-z0-9-]+)\.sudrf\.ru$/.exec(bare);
  if (!m || /^(vkas|vap|\d?kas)$/.test(bare.split('.')[0] ?? '')) return { host: bare, legacyHost: bare };
  return { host: `${m[1]}--${m[2]}.sudrf.ru`, legacyHost: `${m[1]}.${m[2]}.sudrf.ru` };
}

const TYPE_BY_CODE: Record<CourtTypeCode, CourtType> = { GV: 'garrison', OV: 'okrug_fleet', AV: 'appellate', KV: 'cassation' };

function typeCode(vnkod: string | null): CourtTypeCode | null {
  const code = vnkod?.slice(2, 4);
  return code === 'GV' || code === 'OV' || code === 'AV' || code === 'KV' ? code : null;
}

function typeFromName(name: string): CourtType {
  if (/кассационн/i.test(name)) return 'cassation';
  if (/апелляционн/i.test(name)) return 'appellate';
  if (/окружн|флотск/i.test(name)) return 'okrug_fleet';
  return 'garrison';
}

/**
 * Garrison courts' VNKOD prefixes follow the military-court districts. A prefix shared with an okrug/fleet
 * court puts the garrison court in that court's district. Prefixes 54 (Siberia) and 63 (Volga) have no
 * okrug court of their own; they belong to the Central district court (66OV0001) — an inference, marked so.
 * Prefix 31 (Mirny, Znamensk, garrisons abroad) is left unknown.
 */
const INFERRED_DISTRICT: Record<string, string> = { '54': '66OV0001', '63': '66OV0001' };

function cleanName(name: string): { name: string; region: string | null } {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(name.trim());
  return m ? { name: (m[1] ?? '').trim(), region: (m[2] ?? '').trim() } : { name: name.trim(), region: null };
}

/** Merges the four court lists into one deduplicated directory of military courts, keyed by VNKOD. */
export function buildDirectory(inputs: DirectoryInputs, files: Record<SourceId, string>): CourtDirectory {
  const tochno = parse(TochnoSchema, inputs.tochno, files['tochno-st-2024']);
  const dataout = parse(DataoutSchema, inputs.dataout, files['dataout-2023']);
  const sm = parse(SmBackendSchema, inputs.smBackend, files['sm-backend-2020']);
  const practice = parse(PracticeSchema, inputs.practice, files.sudrfpractice);
  const regions = parse(RegionsSchema, inputs.regions, 'rf_region_codes.json');

  const byKey = new Map<string, MilitaryCourt>();
  const byLegacyHost = new Map<string, MilitaryCourt>();
  const add = (court: MilitaryCourt) => {
    byKey.set(court.vnkod ?? `host:${court.legacyHost}`, court);
    if (court.legacyHost) byLegacyHost.set(court.legacyHost, court);
  };
  const blank = (name: string, vnkod: string | null): MilitaryCourt => {
    const code = typeCode(vnkod);
    return {
      vnkod,
      name,
      type: code ? TYPE_BY_CODE[code] : typeFromName(name),
      typeCode: code,
      regionCode: null,
      regionName: null,
      districtCourt: null,
      districtName: null,
      districtBasis: null,
      host: null,
      legacyHost: null,
      layout: null,
      layoutSource: null,
      captcha: null,
      srv: [],
      sources: [],
      onlyInOldList: false,
    };
  };

  // 1. dataout (Nov 2023): names, region, both AV and KV.
  for (const [regionCode, list] of Object.entries(dataout)) {
    for (const entry of list) {
      if (!typeCode(entry.court_id)) continue;
      const { name } = cleanName(entry.court_name);
      const court = blank(name, entry.court_id);
      const forms = hostForms(entry.court_website);
      court.regionCode = regionCode;
      court.regionName = regions[regionCode] ?? cleanName(entry.court_name).region;
      court.host = forms.host;
      court.legacyHost = forms.legacyHost;
      court.srv = entry.srv;
      court.sources.push('dataout-2023');
      add(court);
    }
  }
  // 2. tochno-st (Apr 2024): current hosts, layout, captcha.
  for (const entry of tochno) {
    if (entry.level !== 'GARRISON') continue;
    const forms = hostForms(entry.searchString);
    let court = entry.vnkod ? byKey.get(entry.vnkod) : byLegacyHost.get(forms.legacyHost);
    if (!court) {
      court = blank(entry.name, entry.vnkod);
      court.legacyHost = forms.legacyHost;
      add(court);
    }
    court.host = forms.host;
    if (!court.legacyHost) court.legacyHost = forms.legacyHost;
    court.layout = layoutFromDirectory('tochnoSearchPattern', entry.searchPattern);
    court.layoutSource = 'tochno-st-2024';
    court.captcha = entry.hasCaptcha ?? null;
    if (court.regionCode === null && entry.region !== null) {
      court.regionCode = String(entry.region).padStart(2, '0');
      court.regionName = regions[court.regionCode] ?? null;
    }
    court.sources.push('tochno-st-2024');
  }
  // 3. sm-backend (2020): type 5 garrison, 6 okrug/fleet; matched by VNKOD or legacy host.
  for (const { fields } of sm) {
    if (fields.type !== 5 && fields.type !== 6) continue;
    const forms = fields.url ? hostForms(fields.url) : null;
    let court = (fields.vn_kod ? byKey.get(fields.vn_kod) : undefined) ?? (forms ? byLegacyHost.get(forms.legacyHost) : undefined);
    if (!court) {
      const { name, region } = cleanName(fields.title);
      court = blank(name, fields.vn_kod);
      court.type = fields.type === 6 ? 'okrug_fleet' : 'garrison';
      court.host = forms?.host ?? null;
      court.legacyHost = forms?.legacyHost ?? null;
      court.regionCode = fields.region !== null ? String(fields.region).padStart(2, '0') : null;
      court.regionName = (court.regionCode ? regions[court.regionCode] : undefined) ?? region;
      court.onlyInOldList = true;
      add(court);
    }
    if (court.layout === null && fields.site_type !== null) {
      court.layout = layoutFromDirectory('smSiteType', fields.site_type);
      court.layoutSource = 'sm-backend-2020';
    }
    court.sources.push('sm-backend-2020');
  }
  // 4. sudrfpractice: the Cassation Military Court.
  for (const entry of practice.courts) {
    if (!/военн/i.test(entry.title)) continue;
    const forms = hostForms(entry.domain);
    const court = [...byKey.values()].find((c) => c.legacyHost === forms.legacyHost);
    if (court) court.sources.push('sudrfpractice');
    else {
      const added = blank(entry.title, null);
      added.type = 'cassation';
      added.host = forms.host;
      added.legacyHost = forms.legacyHost;
      added.sources.push('sudrfpractice');
      add(added);
    }
  }

  const courts = [...byKey.values()];
  const okrug = new Map(courts.filter((c) => c.type === 'okrug_fleet' && c.vnkod).map((c) => [c.vnkod?.slice(0, 2) ?? '', c]));
  for (const court of courts) {
    if (court.type === 'appellate' || court.type === 'cassation') court.districtBasis = 'federal';
    else if (court.type === 'okrug_fleet' && court.vnkod) {
      court.districtCourt = court.vnkod;
      court.districtName = court.name;
      court.districtBasis = 'self';
    } else if (court.vnkod) {
      const prefix = court.vnkod.slice(0, 2);
      const own = okrug.get(prefix);
      const inferred = INFERRED_DISTRICT[prefix];
      const district = own ?? (inferred ? courts.find((c) => c.vnkod === inferred) : undefined);
      if (district) {
        court.districtCourt = district.vnkod;
        court.districtName = district.name;
        court.districtBasis = own ? 'vnkod-prefix' : 'inferred';
      }
    }
  }
  const order: Record<CourtType, number> = { cassation: 0, appellate: 1, okrug_fleet: 2, garrison: 3 };
  courts.sort((a, b) => order[a.type] - order[b.type] || a.name.localeCompare(b.name, 'ru'));
  const current = courts.filter((c) => !c.onlyInOldList);
  const countType = (type: CourtType) => current.filter((c) => c.type === type).length;
  return {
    generatedFrom: [
      { source: 'dataout-2023', file: files['dataout-2023'], date: '2023-11-18' },
      { source: 'tochno-st-2024', file: files['tochno-st-2024'], date: '2024-04' },
      { source: 'sm-backend-2020', file: files['sm-backend-2020'], date: '2020-09' },
      { source: 'sudrfpractice', file: files.sudrfpractice, date: '2026' },
    ],
    counts: {
      garrison: countType('garrison'),
      okrug_fleet: countType('okrug_fleet'),
      appellate: countType('appellate'),
      cassation: countType('cassation'),
      total: current.length,
      onlyInOldList: courts.length - current.length,
      withCaptcha: current.filter((c) => c.captcha === true).length,
      newLayout: current.filter((c) => c.layout === 'new').length,
    },
    courts,
  };
}
