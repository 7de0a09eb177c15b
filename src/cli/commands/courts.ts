import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { buildDirectoryFromFolder, DIRECTORY_FILE, loadDirectory } from '../../courts/directory/load.ts';
import type { MilitaryCourt } from '../../courts/directory/types.ts';
import { type Cell, formatFrom, print, renderCsv, renderTable } from '../output.ts';

const COLUMNS = ['vnkod', 'name', 'type', 'district', 'region', 'host', 'legacy_host', 'layout', 'captcha', 'sources'];

function row(c: MilitaryCourt): Record<string, Cell> {
  return {
    vnkod: c.vnkod,
    name: c.name,
    type: c.type,
    district: c.districtName,
    region: c.regionName,
    host: c.host,
    legacy_host: c.legacyHost,
    layout: c.layout,
    captcha: c.captcha,
    sources: c.sources.join(' '),
  };
}

export function registerCourts(program: Command): void {
  const courts = program
    .command('courts')
    .description('list and filter the directory of military courts')
    .option('--type <type>', 'garrison | okrug_fleet | appellate | cassation')
    .option('--district <text>', 'okrug/fleet court name contains this text')
    .option('--layout <layout>', 'classic | new')
    .option('--captcha', 'only courts whose search needs a captcha')
    .option('--search <text>', 'name or host contains this text')
    .option('--all', 'include courts listed only in the 2020 list (closed or renamed since)')
    .option('--json', 'machine-readable output (stable field names)')
    .option('--csv', 'CSV output')
    .option('--bom', 'with --csv: start with a UTF-8 byte-order mark (for Excel)')
    .action((options: { type?: string; district?: string; layout?: string; captcha?: boolean; search?: string; all?: boolean; json?: boolean; csv?: boolean; bom?: boolean }) => {
      const directory = loadDirectory();
      const needle = options.search?.toLowerCase();
      const list = directory.courts.filter(
        (c) =>
          (options.all || !c.onlyInOldList) &&
          (!options.type || c.type === options.type) &&
          (!options.layout || c.layout === options.layout) &&
          (!options.captcha || c.captcha === true) &&
          (!options.district || (c.districtName ?? '').toLowerCase().includes(options.district.toLowerCase())) &&
          (!needle || c.name.toLowerCase().includes(needle) || (c.host ?? '').includes(needle)),
      );
      const format = formatFrom(options);
      if (format === 'json') print(JSON.stringify({ counts: directory.counts, courts: list }, null, 2));
      else if (format === 'csv') print(renderCsv(COLUMNS, list.map(row), { bom: options.bom === true }));
      else {
        print(renderTable(['vnkod', 'name', 'type', 'district', 'host', 'layout', 'captcha'], list.map(row)));
        print(`\n${list.length} courts shown. Directory: ${directory.counts.garrison} garrison, ${directory.counts.okrug_fleet} okrug/fleet, ${directory.counts.appellate} appellate, ${directory.counts.cassation} cassation (+${directory.counts.onlyInOldList} only in the 2020 list; --all shows them).`);
      }
    });
  courts
    .command('build')
    .description('regenerate the shipped directory from the court lists (config_sudrf.json, sudrf_websites.json, sm-backend_courts.json, sudrfpractice_courts.json, rf_region_codes.json)')
    .requiredOption('--from <dir>', 'folder holding the lists, e.g. ../shared/data/courts')
    .option('--out <file>', 'where to write the directory', DIRECTORY_FILE)
    .action((options: { from: string; out: string }) => {
      const directory = buildDirectoryFromFolder(options.from);
      writeFileSync(options.out, `${JSON.stringify(directory, null, 1)}\n`);
      print(`wrote ${directory.courts.length} courts to ${options.out}: ${JSON.stringify(directory.counts)}`);
    });
}
