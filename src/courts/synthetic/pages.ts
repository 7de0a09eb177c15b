import iconv from 'iconv-lite';
import type { CourtDirectory } from '../directory/types.ts';
import { DEFAULT_LAYOUT, LAYOUT_PROFILES, type Layout } from '../layouts.ts';
import type { SyntheticCase } from './generate.ts';
import { cardPath, listQuery, renderCard, renderList } from './render.ts';

export interface SyntheticPage {
  url: string;
  /** windows-1251 bytes, as a real court serves them. */
  bytes: Uint8Array;
  kind: 'case_card' | 'case_list';
}

export type LayoutMode = Layout | 'directory';

function hostOf(directory: CourtDirectory, vnkod: string): { host: string; layout: Layout } {
  const court = directory.courts.find((c) => c.vnkod === vnkod);
  return { host: court?.host ?? `${vnkod.toLowerCase()}.example.invalid`, layout: court?.layout ?? DEFAULT_LAYOUT };
}

/** Cards of every case, and each court's result-list pages (25 rows a page), as a court would serve them. */
export function syntheticPages(cases: SyntheticCase[], directory: CourtDirectory, mode: LayoutMode, perPage = 25): SyntheticPage[] {
  const pages: SyntheticPage[] = [];
  const byCourt = new Map<string, SyntheticCase[]>();
  for (const c of cases) byCourt.set(c.courtVnkod, [...(byCourt.get(c.courtVnkod) ?? []), c]);
  for (const [vnkod, list] of byCourt) {
    const { host, layout: courtLayout } = hostOf(directory, vnkod);
    const layout = mode === 'directory' ? courtLayout : mode;
    const query = listQuery(layout);
    const sorted = [...list].sort((a, b) => b.receiptDate.localeCompare(a.receiptDate) || a.caseId - b.caseId);
    for (let page = 1; (page - 1) * perPage < sorted.length; page += 1) {
      const html = renderList(
        { cases: sorted.slice((page - 1) * perPage, page * perPage), page, perPage, total: sorted.length, courtVnkod: vnkod, query },
        layout,
      );
      const pageParam = `${LAYOUT_PROFILES[layout].params.page}=${page}`;
      pages.push({
        url: `https://${host}/modules.php?name=sud_delo&srv_num=1&name_op=r&${pageParam}&${query}`,
        bytes: iconv.encode(html, 'win1251'),
        kind: 'case_list',
      });
    }
    for (const c of sorted) {
      pages.push({ url: `https://${host}${cardPath(c, layout)}`, bytes: iconv.encode(renderCard(c, layout), 'win1251'), kind: 'case_card' });
    }
  }
  return pages;
}
