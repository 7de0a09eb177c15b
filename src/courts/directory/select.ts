import { DEFAULT_LAYOUT, type Layout } from '../layouts.ts';
import type { CourtDirectory } from './types.ts';

export interface CrawlableCourt {
  vnkod: string;
  host: string;
  layout: Layout;
  captcha: boolean;
}

/** Current garrison courts with a code and a host, in directory order (the simulator and the crawler agree on it). */
export function garrisonCourts(directory: CourtDirectory, options: { limit?: number; withoutCaptcha?: boolean } = {}): CrawlableCourt[] {
  return directory.courts
    .filter((c) => c.type === 'garrison' && !c.onlyInOldList && c.vnkod && c.host && !(options.withoutCaptcha && c.captcha === true))
    .slice(0, options.limit)
    .map((c) => ({ vnkod: c.vnkod as string, host: c.host as string, layout: c.layout ?? DEFAULT_LAYOUT, captcha: c.captcha === true }));
}
