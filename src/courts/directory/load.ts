import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { projectPath } from '../../shared/paths.ts';
import { buildDirectory } from './build.ts';
import type { CourtDirectory, SourceId } from './types.ts';

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

/** The region-code list the builder needs besides the four court lists. */
export const REGION_FILE = 'rf_region_codes.json';

/**
 * Builds the directory from the four court lists and the region codes in `dir` (e.g. ../shared/data/courts). A
 * folder or a list that is missing, or a list that is not JSON, is a coded error naming it (and the files expected).
 */
export function buildDirectoryFromFolder(dir: string): CourtDirectory {
  const expected = [...Object.values(SOURCE_FILES), REGION_FILE];
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new OtkazError(ErrorCode.InputNotFound, `no such folder; it should hold ${expected.join(', ')}`, { where: dir });
  const read = (file: string): unknown => {
    const where = path.join(dir, file);
    if (!existsSync(where)) throw new OtkazError(ErrorCode.InputNotFound, `the folder lacks ${file} (it should hold ${expected.join(', ')})`, { where });
    try {
      return JSON.parse(readFileSync(where, 'utf8'));
    } catch (error) {
      throw new OtkazError(ErrorCode.InputInvalid, `not a JSON court list: ${(error as Error).message}`, { where, cause: error });
    }
  };
  return buildDirectory(
    {
      tochno: read(SOURCE_FILES['tochno-st-2024']),
      dataout: read(SOURCE_FILES['dataout-2023']),
      smBackend: read(SOURCE_FILES['sm-backend-2020']),
      practice: read(SOURCE_FILES.sudrfpractice),
      regions: read(REGION_FILE),
    },
    SOURCE_FILES,
  );
}
