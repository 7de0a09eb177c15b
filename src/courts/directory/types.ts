import type { Layout } from '../layouts.ts';

export type CourtType = 'garrison' | 'okrug_fleet' | 'appellate' | 'cassation';
export type CourtTypeCode = 'GV' | 'OV' | 'AV' | 'KV';
export type SourceId = 'dataout-2023' | 'tochno-st-2024' | 'sm-backend-2020' | 'sudrfpractice';

export interface MilitaryCourt {
  vnkod: string | null;
  name: string;
  type: CourtType;
  typeCode: CourtTypeCode | null;
  /** sudrf.ru region code the court is listed under (not the VNKOD prefix). */
  regionCode: string | null;
  regionName: string | null;
  /** The okrug/fleet court (VNKOD) whose appellate district this court belongs to, when known. */
  districtCourt: string | null;
  districtName: string | null;
  districtBasis: 'vnkod-prefix' | 'inferred' | 'self' | 'federal' | null;
  /** Current form 'slug--region.sudrf.ru' (or the plain host of the higher courts). */
  host: string | null;
  /** Legacy dotted form 'slug.region.sudrf.ru'. */
  legacyHost: string | null;
  layout: Layout | null;
  layoutSource: SourceId | null;
  captcha: boolean | null;
  srv: string[];
  sources: SourceId[];
  /** True when only the 2020 list has it: probably closed or merged since. */
  onlyInOldList: boolean;
}

export interface CourtDirectory {
  generatedFrom: { source: SourceId; file: string; date: string }[];
  counts: Record<CourtType, number> & { total: number; onlyInOldList: number; withCaptcha: number; newLayout: number };
  courts: MilitaryCourt[];
}
