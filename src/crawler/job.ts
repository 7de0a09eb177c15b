/** A crawl job as the job store keeps it (src/crawler/jobs.ts): one request, and where it came from. */
import type { DateAxis } from './urls.ts';

export interface ActCase {
  caseUid: string | null;
  caseId: string | null;
  deloId: string | null;
  actTitle: string | null;
}

export interface CrawlJob {
  id: number;
  /** 'form': a court's search form, fetched for a new captcha image in the host's session. */
  kind: 'list' | 'card' | 'act' | 'form';
  court_vnkod: string;
  host: string;
  url: string;
  article: string | null;
  axis: DateAxis | null;
  window_from: string | null;
  window_to: string | null;
  page: number | null;
  parent_id: number | null;
  act_case: ActCase | null;
  attempts: number;
}

/** A job to add: everything but what the store assigns. */
export type NewJob = Omit<CrawlJob, 'id' | 'attempts' | 'act_case'> & { act_case?: ActCase | null };
