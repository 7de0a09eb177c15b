import { initials, redactNames } from '../cases/privacy.ts';
import type { ParsedPage } from './types.ts';

/** A parsed page as shown to people: persons' names reduced to initials (the raw page keeps them). */
export function redactParsed(page: ParsedPage): ParsedPage {
  if (page.kind === 'case_card') {
    const card = page.card;
    return {
      ...page,
      card: {
        ...card,
        defendants: card.defendants.map((d) => ({ ...d, name: d.hidden ? d.name : (initials(d.name) ?? '') })),
        parties: card.parties.map((p) => ({ ...p, name: p.hidden ? p.name : redactNames(p.name) })),
        info: card.info.map((pair) => ({ ...pair, value: redactNames(pair.value) })),
        appeals: card.appeals.map((pair) => ({ ...pair, value: redactNames(pair.value) })),
        acts: card.acts.map((a) => ({ ...a, text: redactNames(a.text) })),
        tabs: card.tabs.map((t) => ({
          ...t,
          pairs: t.pairs.map((pair) => ({ ...pair, value: redactNames(pair.value) })),
          tables: t.tables.map((table) => ({ ...table, rows: table.rows.map((row) => row.map(redactNames)) })),
        })),
      },
    };
  }
  if (page.kind === 'case_list') {
    return {
      ...page,
      list: { ...page.list, rows: page.list.rows.map((r) => ({ ...r, info: r.info.map((line) => ({ ...line, value: redactNames(line.value) })) })) },
    };
  }
  return page;
}
