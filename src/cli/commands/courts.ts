import type { Command } from 'commander';
import { COURT_LAYOUTS, COURT_TYPES, courtRow } from '../../courts/directory/list.ts';
import { buildCourtsOperation } from '../../operations/courts/build.ts';
import { listCourtsOperation } from '../../operations/courts/list.ts';
import { bindCommand } from '../bind.ts';
import { renderTable } from '../output.ts';

export function registerCourts(program: Command): void {
  // Positional options: `courts build --json` is the build's flag, not the list's.
  const courts = program
    .command('courts')
    .description('list and filter the directory of military courts (the same list as GET /api/v1/courts)')
    .enablePositionalOptions();
  bindCommand(courts, listCourtsOperation, {
    flags: {
      type: ['--type <type>', COURT_TYPES.join(' | ')],
      district: ['--district <text>', 'okrug/fleet court name contains this text'],
      layout: ['--layout <layout>', COURT_LAYOUTS.join(' | ')],
      captcha: ['--captcha', 'only courts whose search needs a captcha'],
      search: ['--search <text>', 'name or host contains this text'],
      all: ['--all', 'include courts listed only in the 2020 list (closed or renamed since)'],
    },
    // Flags are switches here; the API's parameters say true/false. Without --all the old list is left out.
    map: (raw) => ({ ...raw, ...(raw.captcha === true ? { captcha: 'true' } : {}), all: raw.all === true ? 'true' : 'false' }),
    text: (result) => {
      const c = result.counts;
      return `${renderTable(['vnkod', 'name', 'type', 'districtName', 'host', 'layout', 'captcha'], result.courts.map(courtRow))}\n\n${result.courts.length} courts shown. Directory: ${c.garrison} garrison, ${c.okrug_fleet} okrug/fleet, ${c.appellate} appellate, ${c.cassation} cassation (+${c.onlyInOldList} only in the 2020 list; --all shows them).`;
    },
  });
  bindCommand(courts.command('build'), buildCourtsOperation, {
    flags: {
      from: ['--from <dir>', 'folder holding the lists, e.g. ../shared/data/courts'],
      out: ['--out <file>', 'where to write the directory (default: the shipped assets/courts/military-courts.json)'],
    },
    text: (result) => `wrote ${result.courts} courts to ${result.file}: ${JSON.stringify(result.counts)}`,
  });
}
