import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { parsePage } from '../../courts/parse/page.ts';
import { redactParsed } from '../../courts/parse/redact.ts';
import { reportPages, reportText } from '../../courts/parse/report.ts';
import type { ParsedPage } from '../../courts/parse/types.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { text } from '../../shared/validation.ts';
import { parseFlags, whole } from '../flags.ts';
import { print } from '../output.ts';

function summary(page: ParsedPage): string {
  if (page.kind === 'case_card') {
    const c = page.card;
    return [
      `kind: case card (${page.layout} layout)`,
      `court: ${c.courtVnkod ?? '?'}  proceeding: ${c.proceeding ?? '?'}`,
      `case: ${c.caseNumber ?? '?'}  judicial UID: ${c.judicialUid ?? '-'}`,
      `received: ${c.receiptDate ?? '-'}  judge: ${c.judge ?? '-'}  hearing: ${c.hearingDate ?? '-'}`,
      `result: ${c.resultText?.replace(/\n/g, ' / ') ?? '-'}  → outcome: ${c.outcome?.outcome ?? '-'}${c.outcome?.ground ? ` (${c.outcome.ground})` : ''}`,
      `defendants: ${c.defendants.length} (${c.defendants.map((d) => d.articles.map((a) => `${a.article}${a.part ? ` ч.${a.part}` : ''}`).join('+') || '?').join(', ')})`,
      `events: ${c.events.length}  parties: ${c.parties.length}  acts: ${c.acts.length}  tabs: ${c.tabs.map((t) => t.label).join(' · ')}`,
    ].join('\n');
  }
  if (page.kind === 'case_list') {
    const l = page.list;
    return [
      `kind: case list (${page.layout} layout)`,
      `court: ${l.courtVnkod ?? '?'}  proceeding: ${l.proceeding ?? '?'}`,
      `total: ${l.total ?? '?'}  rows on page: ${l.rows.length} (${l.rangeFrom ?? '?'}–${l.rangeTo ?? '?'})  page ${l.currentPage ?? '?'} of ${l.pageCount ?? '?'}`,
      ...l.rows.slice(0, 10).map((r) => `  ${r.caseNumber}  received ${r.receiptDate ?? '-'}  decided ${r.decisionDate ?? '-'}  ${r.decision ?? ''}`),
      l.rows.length > 10 ? `  … ${l.rows.length - 10} more` : '',
    ]
      .filter(Boolean)
      .join('\n');
  }
  return `kind: ${page.kind}${page.detail ? ` (${page.detail})` : ''}  layout: ${page.layout ?? '-'}  court: ${page.courtVnkod ?? '-'}`;
}

/** The saved pages (.html, .htm) in a folder and its subfolders, by path relative to it, in name order. */
function* pagesIn(dir: string): Generator<{ name: string; bytes: Uint8Array }> {
  const walk = (rel: string): string[] =>
    readdirSync(path.join(dir, rel), { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((entry) => {
        const child = path.join(rel, entry.name);
        if (entry.isDirectory()) return walk(child);
        return /\.html?$/i.test(entry.name) ? [child] : [];
      });
  for (const name of walk('')) yield { name, bytes: readFileSync(path.join(dir, name)) };
}

export function registerParse(program: Command): void {
  program
    .command('parse [file]')
    .description(
      'classify a saved court page and print what it holds (no database needed); persons appear as initials. With --report DIR: every page of a folder, and what the parsers do not recognise',
    )
    .option('--url <url>', 'the page URL (gives the case ids of a card)')
    .option('--status <code>', 'HTTP status the page came with')
    .option('--json', 'the full typed result as JSON')
    .option('--show-names', "print persons' names as the page shows them (for the holder of the page only)")
    .option('--report <dir>', 'parse every .html page of the folder (and its subfolders) in one process; list unrecognised labels and fields with counts')
    .action((file: string | undefined, options: { url?: string; status?: string; json?: boolean; showNames?: boolean; report?: string }) => {
      if (options.report !== undefined) {
        if (file !== undefined) throw new OtkazError(ErrorCode.Usage, 'give a file or --report DIR, not both', { where: file });
        const dir = options.report;
        const isDir = (() => {
          try {
            return statSync(dir).isDirectory();
          } catch (cause) {
            throw new OtkazError(ErrorCode.InputNotFound, `cannot read the folder: ${(cause as Error).message}`, { where: dir, cause });
          }
        })();
        if (!isDir) throw new OtkazError(ErrorCode.Usage, '--report takes a folder of saved pages', { where: dir });
        const report = reportPages(pagesIn(dir));
        print(options.json ? JSON.stringify(report, null, 2) : reportText(report));
        return;
      }
      if (file === undefined) throw new OtkazError(ErrorCode.Usage, 'give a saved page to parse, or --report DIR', { where: 'otkaz parse' });
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(file);
      } catch (cause) {
        throw new OtkazError(ErrorCode.InputNotFound, `cannot read the page: ${(cause as Error).message}`, { where: file, cause });
      }
      const flags = parseFlags(z.object({ url: text(2000).url('expected an absolute URL').optional(), status: whole(100, 599).optional() }), options, {
        url: '--url',
        status: '--status',
      });
      const parsed = parsePage({ bytes, url: flags.url ?? null, status: flags.status ?? null });
      const page = options.showNames ? parsed : redactParsed(parsed);
      print(options.json ? JSON.stringify(page, null, 2) : summary(page));
    });
}
