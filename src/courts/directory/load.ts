import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildDirectory } from './build.ts';
import type { CourtDirectory, SourceId } from './types.ts';
import { projectPath } from '../../shared/paths.ts';

export const DIRECTORY_FILE = projectPath('assets', 'courts', 'military-courts.json');

export const SOURCE_FILES: Record<SourceId, string> = {
  'tochno-st-2024': 'config_sudrf.json',
  'dataout-2023': 'sudrf_websites.json',
  'sm-backend-2020': 'sm-backend_courts.json',
  sudrfpractice: 'sudrfpractice_courts.json',
};

/** The directory shipped with otkaz (regenerate with `otkaz courts build`). */
export function loadDirectory(file = DIRECTORY_FILE): CourtDirectory {
  return JSON.parse(readFileSync(file, 'utf8')) as CourtDirectory;
}

/** Builds the directory from the four court lists in `dir` (e.g. ../shared/data/courts). */
export function buildDirectoryFromFolder(dir: string): CourtDirectory {
  const read = (file: string): unknown => JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  return buildDirectory(
    {
      tochno: read(SOURCE_FILES['tochno-st-2024']),
      dataout: read(SOURCE_FILES['dataout-2023']),
      smBackend: read(SOURCE_FILES['sm-backend-2020']),
      practice: read(SOURCE_FILES.sudrfpractice),
      regions: read('rf_region_codes.json'),
    },
    SOURCE_FILES,
  );
}
