/**
 * `otkaz client …`: case files from the command line, for scripts and administration. Every command acts as a
 * named member (`--as`), with that member's rights — the same operations and policies as the API — and every read
 * and change is audited.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { z } from 'zod';
import { STEP_CHANGE_FIELDS } from '../../casework/applications.ts';
import { JUDGEMENTS } from '../../casework/checklist-marks.ts';
import { MILITARY_STATUSES } from '../../casework/record.ts';
import { CLAIM_TYPES } from '../../guidance/schema.ts';
import { addApplicationOperation, editStepOperation, listApplicationsOperation } from '../../operations/clients/applications.ts';
import { markChecklistItemOperation } from '../../operations/clients/checklist-mark.ts';
import { createClientOperation } from '../../operations/clients/create.ts';
import { deleteDocumentOperation } from '../../operations/clients/delete-document.ts';
import { downloadDocumentOperation } from '../../operations/clients/download.ts';
import { linkCaseOperation } from '../../operations/clients/link-case.ts';
import { listClientsOperation } from '../../operations/clients/list.ts';
import { addNoteOperation } from '../../operations/clients/note.ts';
import { type ChecklistViewSchema, clientChecklistOperation, clientExclusionOperation, type ExclusionViewSchema } from '../../operations/clients/prepare.ts';
import { referClientOperation } from '../../operations/clients/refer.ts';
import { listReferralsOperation } from '../../operations/clients/referrals.ts';
import type { ClientFileView } from '../../operations/clients/schemas.ts';
import { addServicePeriodOperation } from '../../operations/clients/service-add.ts';
import { shareClientOperation, unshareClientOperation } from '../../operations/clients/share.ts';
import { showClientOperation } from '../../operations/clients/show.ts';
import { clientStatsOperation } from '../../operations/clients/stats.ts';
import { unlinkCaseOperation } from '../../operations/clients/unlink-case.ts';
import { updateClientOperation } from '../../operations/clients/update.ts';
import { uploadDocumentOperation } from '../../operations/clients/upload.ts';
import { clientPolicy } from '../../policies/clients.ts';
import { ErrorCode, OtkazError } from '../../shared/errors.ts';
import { checkJsonShape } from '../../shared/limits.ts';
import { bindCommand } from '../bind.ts';
import { renderTable } from '../output.ts';

const CYRILLIC = /[\u0400-\u04ff]/;

/** "Family Given Patronymic" or "Given Family" → a name record; the script is read from the letters. */
export function nameFromText(text: string): Record<string, unknown> {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const script = CYRILLIC.test(text) ? 'cyrillic' : 'latin';
  if (script === 'cyrillic') {
    const [family, given, patronymic] = words;
    return { script, family: family ?? '', ...(given ? { given } : {}), ...(patronymic ? { patronymic } : {}) };
  }
  const family = words.length > 1 ? words[words.length - 1] : words[0];
  const given = words.length > 1 ? words.slice(0, -1).join(' ') : undefined;
  return { script, family: family ?? '', ...(given ? { given } : {}) };
}

export function registerClients(program: Command): void {
  const client = program.command('client').description('case files of a legal-aid organisation (acting as a member: --as)');
  bindCommand(client.command('add').description('open a client file'), createClientOperation, {
    member: true,
    map: (_raw, o) => {
      const names = [o.name, o.latin].filter((v): v is string => typeof v === 'string').map(nameFromText);
      return {
        person: { names, ...(o.born ? { birthDate: o.born } : {}), ...(o.language ? { languages: String(o.language).split(',') } : {}) },
        ...(o.military ? { military: { status: o.military } } : {}),
        consent: { shareWithinOrganisation: o.consentShare === true, referralTo: o.consentReferral ? String(o.consentReferral).split(',') : [] },
      };
    },
    text: (r) => `client file ${r.id} opened (revision ${r.revision})`,
  })
    .requiredOption('--name <name>', 'the name as the client writes it (Cyrillic or Latin)')
    .option('--latin <name>', 'another spelling, in Latin letters')
    .option('--born <date>', 'date of birth, YYYY-MM-DD')
    .option('--language <list>', 'languages, comma-separated')
    .option('--military <status>', `military status: ${MILITARY_STATUSES.join(', ')}`)
    .option('--consent-share', 'the client consents to sharing the file with named members')
    .option('--consent-referral <orgs>', 'organisations (slugs, or *) the client consents to be referred to');
  bindCommand(
    client
      .command('edit <id>')
      .description(
        'replace the record of a client file with a JSON file (`-`: standard input), on the revision you read (otkaz client show); links to court records are kept',
      ),
    updateClientOperation,
    {
      member: true,
      args: ['id'],
      flags: {
        revision: ['--revision <n>', 'the revision you read (a newer one on the file is a conflict)'],
        record: ['--record <file>', 'the whole record as JSON: person, military (status, rank, service), documents, wanted, consent, summary'],
        status: ['--status <status>', 'open, closed or referred (default: unchanged)'],
      },
      map: (raw) => ({ ...raw, ...(typeof raw.record === 'string' ? { record: readRecordFile(raw.record) } : {}) }),
      text: (r) => `client file ${r.id} saved (revision ${r.revision})`,
    },
  );
  const SERVICE_FLAGS = {
    unit: '--unit',
    unitNumber: '--unit-number',
    role: '--role',
    place: '--place',
    from: '--from',
    to: '--to',
    deployed: '--deployed',
  } as const;
  bindCommand(
    client
      .command('service-add <id>')
      .description('add a service period to the military service of a client file, on the revision you read (otkaz client show)'),
    addServicePeriodOperation,
    {
      member: true,
      args: ['id'],
      flags: { revision: ['--revision <n>', 'the revision you read (a newer one on the file is a conflict)'] },
      names: Object.fromEntries(Object.entries(SERVICE_FLAGS).map(([field, flag]) => [`service.${field}`, flag])),
      map: (raw, o) => ({
        ...raw,
        service: Object.fromEntries(Object.keys(SERVICE_FLAGS).flatMap((field) => (o[field] === undefined ? [] : [[field, o[field]]]))),
      }),
      text: (r) => `service period added to client file ${r.id}: ${r.periods} period(s) (revision ${r.revision})`,
    },
  )
    .option('--unit <name>', 'the unit as the client names it (e.g. "64-я ОМСБр")')
    .option('--unit-number <number>', 'the military unit number (в/ч)')
    .option('--role <role>', 'his role in the unit')
    .option('--place <place>', 'where the unit was')
    .option('--from <date>', 'from, YYYY-MM-DD')
    .option('--to <date>', 'to, YYYY-MM-DD')
    .option('--deployed', 'deployed to a combat zone in this period');
  bindCommand(client.command('list'), listClientsOperation, {
    member: true,
    flags: { status: ['--status <status>', 'open, closed or referred'], limit: ['--limit <n>', 'rows (default 50)'], offset: ['--offset <n>', 'skip rows'] },
    text: (r) =>
      `${renderTable(
        ['id', 'status', 'name', 'militaryStatus', 'linkedCases', 'updatedAt'],
        r.clients.map((c) => ({ ...c, name: c.name ?? '(hidden for your role)' })),
      )}\n${r.clients.length} of ${r.total} file(s)`,
  });
  bindCommand(client.command('show <id>'), showClientOperation, { member: true, args: ['id'], text: fileText });
  bindCommand(client.command('note <id> <text>'), addNoteOperation, {
    member: true,
    args: ['id', 'text'],
    flags: { kind: ['--kind <kind>', 'note, call, meeting, hearing, document, decision, other'], occurredOn: ['--on <date>', 'when it happened, YYYY-MM-DD'] },
    text: (r) => `note ${r.id} added`,
  });
  bindCommand(client.command('applications <id>').description("the client's asylum applications"), listApplicationsOperation, {
    member: true,
    args: ['id'],
    text: (r) =>
      r.applications.length === 0
        ? 'no applications'
        : r.applications
            .map(
              (a) =>
                `${a.id} ${a.destination} ${a.procedure} (revision ${a.revision})${a.reference ? ` ref ${a.reference}` : ''}\n` +
                a.steps
                  .map(
                    (st) =>
                      `  ${st.id} ${st.stage}: ${[
                        st.filedOn && `filed ${st.filedOn}`,
                        st.decidedOn && `decided ${st.decidedOn}`,
                        st.servedOn && `served ${st.servedOn}`,
                        st.outcome,
                        st.legalAid && `legal aid requested ${st.legalAid.requestedOn}`,
                        st.legalAid?.decidedOn && `legal-aid decision ${st.legalAid.decidedOn}`,
                      ]
                        .filter(Boolean)
                        .join(', ')}`,
                  )
                  .join('\n'),
            )
            .join('\n'),
  });
  bindCommand(
    client.command('apply <id>').description('add an asylum application (a destination and one of its procedures: otkaz procedures)'),
    addApplicationOperation,
    {
      member: true,
      args: ['id'],
      flags: {
        destination: ['--destination <country>', 'e.g. DE'],
        procedure: ['--procedure <id>', 'e.g. de.asylum'],
        reference: ['--reference <ref>', "the authority's file number"],
        region: ['--region <region>', 'the holiday region of the court, e.g. DE-BE'],
        arrivedOn: ['--arrived <date>', 'last arrival, YYYY-MM-DD'],
      },
      text: (r) => `application ${r.id} added`,
    },
  );
  bindCommand(
    client
      .command('step <id> <applicationId> <stepId>')
      .description('correct one step of an application (otkaz client applications lists the step ids and the revision)')
      .option(
        '--clear <fields>',
        `take these fields out, comma-separated: ${STEP_CHANGE_FIELDS.filter((f) => f !== 'stage' && f !== 'documentIds').join(', ')}`,
      ),
    editStepOperation,
    {
      member: true,
      args: ['id', 'applicationId', 'stepId'],
      flags: {
        revision: ['--revision <n>', 'the revision of the application the change is made on'],
        stage: ['--stage <stage>', 'a stage id of the procedure'],
        filedOn: ['--filed <date>', 'YYYY-MM-DD'],
        decidedOn: ['--decided <date>', 'YYYY-MM-DD'],
        servedOn: ['--served <date>', 'when the decision was served, YYYY-MM-DD: deadlines run from here'],
        outcome: ['--outcome <outcome>', "one of the stage's outcome ids"],
        legalAidRequestedOn: ['--legal-aid-requested <date>', 'France: when legal aid was requested, YYYY-MM-DD'],
        legalAidDecidedOn: ['--legal-aid-decided <date>', 'France: when the legal-aid decision was notified, YYYY-MM-DD'],
        overseas: ['--overseas', 'France: the applicant lives overseas (one more month)'],
        note: ['--note <text>', 'a note on the step'],
      },
      map: (raw, options) => {
        const out: Record<string, unknown> = { ...raw };
        const clear = typeof options.clear === 'string' ? options.clear.split(',').map((f) => f.trim()) : [];
        for (const field of clear) out[field] = null;
        return out;
      },
      text: (r) => `application ${r.id} now at revision ${r.revision}`,
    },
  );
  bindCommand(client.command('link <id>').description('link the file to a criminal case in the tracker'), linkCaseOperation, {
    member: true,
    args: ['id'],
    flags: {
      caseId: ['--case <id>', "the tracker's case id"],
      judicialUid: ['--uid <uid>', 'the judicial UID'],
      court: ['--court <vnkod>', 'the court, with --number'],
      caseNumber: ['--number <number>', 'the case number, with --court'],
    },
    text: (l) => `linked case #${l.caseId} (${l.caseNumber ?? 'no number'}, ${l.courtVnkod}); card captured as sha256 ${l.captureSha256 ?? '(no capture)'}`,
  });
  bindCommand(client.command('unlink <id> <linkId>').description('remove the link to a court record (the link id: otkaz client show)'), unlinkCaseOperation, {
    member: true,
    args: ['id', 'linkId'],
    text: (r) =>
      `link ${r.linkId} to case #${r.caseId} removed (file revision ${r.revision})${r.marksToCheck ? `; ${r.marksToCheck} checklist item(s) it met to check again` : ''}`,
  });
  bindCommand(client.command('attach <id> <file>').description('add a document (metadata stripped, then encrypted)'), uploadDocumentOperation, {
    member: true,
    args: ['id'],
    map: (raw, o) => {
      const file = String(o.file ?? '');
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        throw new OtkazError(ErrorCode.InputNotFound, 'cannot read the file', { where: file });
      }
      return { ...raw, name: path.basename(file), ...(o.type ? { mediaType: o.type } : {}), contentBase64: bytes.toString('base64') };
    },
    text: (d) =>
      `document ${d.id}: ${d.name} (${d.mediaType}, ${d.size} bytes, sha256 ${d.sha256}); metadata ${d.metadata}${d.removed.length ? `: removed ${d.removed.join(', ')}` : ''}`,
  }).option('--type <media-type>', 'the media type, when not JPEG, PNG or PDF');
  bindCommand(client.command('download <id> <documentId>'), downloadDocumentOperation, {
    member: true,
    args: ['id', 'documentId'],
    text: (d) => `${d.name}: ${d.bytes.length} bytes, sha256 ${d.sha256}`,
    after: (d, _input, o) => writeFileSync(String(o.out), d.bytes, { mode: 0o600, flag: 'wx' }),
  }).requiredOption('--out <file>', 'where to write the document (a new file, mode 0600)');
  bindCommand(
    client
      .command('delete-document <id> <documentId>')
      .description('delete a document: its encrypted bytes and metadata (cannot be undone; asks first, or --yes)'),
    deleteDocumentOperation,
    {
      member: true,
      args: ['id', 'documentId'],
      // Asked only of a member who may delete (a worker of the organisation): anyone else is refused, and audited, by the operation.
      confirm: (input, ctx) =>
        ctx.actor.kind === 'user' && clientPolicy.deleteDocument.check(ctx.actor, ctx.config, { orgId: ctx.actor.orgId, sharedWith: [ctx.actor.userId] }).allow
          ? `delete document ${input.documentId} of client file ${input.id} for good? Its encrypted bytes and metadata go; this cannot be undone.`
          : null,
      text: (r) =>
        [
          `document ${r.documentId} deleted`,
          ...(r.applications ? [`${r.applications} application(s) no longer name it`] : []),
          ...(r.marksToCheck ? [`${r.marksToCheck} checklist item(s) it met to check again`] : []),
        ].join('; '),
    },
  );
  bindCommand(client.command('share <id> <userId>'), shareClientOperation, {
    member: true,
    args: ['id', 'userId'],
    text: (r) => `shared with ${r.sharedWith.length} member(s)`,
  });
  bindCommand(client.command('unshare <id> <userId>'), unshareClientOperation, {
    member: true,
    args: ['id', 'userId'],
    text: (r) => `shared with ${r.sharedWith.length} member(s)`,
  });
  bindCommand(client.command('refer <id> <organisation>'), referClientOperation, {
    member: true,
    args: ['id', 'organisation'],
    text: (r) =>
      `referred to ${r.organisation} (referral ${r.referralId}; ${r.documents} document(s), ${r.applications} application(s), ${r.checklistMarks} checklist mark(s) copied; ${r.possibleDuplicates} possible duplicate(s) there)`,
  });
  bindCommand(client.command('referrals'), listReferralsOperation, {
    member: true,
    text: (r) => renderTable(['direction', 'organisation', 'clientId', 'referredAt'], r.referrals),
  });
  bindCommand(client.command('checklist <id>').description('the document checklist of a claim type, held against the file'), clientChecklistOperation, {
    member: true,
    args: ['id'],
    flags: { claimType: ['--claim-type <type>', `the claim type: ${CLAIM_TYPES.join(', ')}`] },
    text: checklistText,
  });
  bindCommand(
    client
      .command('checklist-mark <id>')
      .description("record a worker's judgement on a checklist item: met by documents or court records, not applicable (with --reason), or reopened"),
    markChecklistItemOperation,
    {
      member: true,
      args: ['id'],
      flags: {
        claimType: ['--claim-type <type>', `the claim type: ${CLAIM_TYPES.join(', ')}`],
        itemId: ['--item <id>', "the item's id (otkaz client checklist lists them)"],
        judgement: ['--judgement <judgement>', JUDGEMENTS.join(', ')],
        documentIds: ['--documents <ids>', 'met: document ids of the file, comma-separated'],
        linkIds: ['--records <linkIds>', 'met: linked court record (link) ids of the file, comma-separated'],
        reason: ['--reason <text>', 'not_applicable: why the item does not apply'],
        note: ['--note <text>', 'a short note'],
        revision: ['--revision <n>', "the item's revision you read (0: it had no mark)"],
      },
      map: (raw) => ({
        ...raw,
        ...(typeof raw.documentIds === 'string' ? { documentIds: listOf(raw.documentIds) } : {}),
        ...(typeof raw.linkIds === 'string' ? { linkIds: listOf(raw.linkIds) } : {}),
        ...(typeof raw.revision === 'string' ? { revision: /^\d+$/.test(raw.revision) ? Number(raw.revision) : raw.revision } : {}),
      }),
      text: (r, input) => `${input.claimType}/${input.itemId}: ${input.judgement} (mark ${r.id}, revision ${r.revision})`,
    },
  );
  bindCommand(
    client.command('exclusion <id>').description('exclusion (art. 1F) preparation: service timeline and public allegations — to prepare for, not a verdict'),
    clientExclusionOperation,
    {
      member: true,
      args: ['id'],
      text: exclusionText,
    },
  );
  bindCommand(client.command('stats'), clientStatsOperation, {
    member: true,
    text: (r) =>
      [
        `${r.total} file(s); ${r.withLinkedCase} linked to a court record`,
        `by status: ${JSON.stringify(r.byStatus)}`,
        `by military status: ${JSON.stringify(r.byMilitaryStatus)}`,
        `referrals sent ${r.referrals.sent}, received ${r.referrals.received}`,
      ].join('\n'),
  });
}

/** Bytes of a record file read by `client edit` (a record is a few kilobytes; its arrays are bounded by the schema). */
const RECORD_FILE_BYTES = 1024 * 1024;

/**
 * The JSON record `client edit --record FILE` names (`-`: standard input): unreadable, too large or not JSON is a
 * coded error naming the file and, for bad JSON, the line and column. A `criminalCases` member (as `client show
 * --json` prints the record) is dropped: links are changed with `client link` / `client unlink`, and kept by an edit.
 */
export function readRecordFile(file: string): unknown {
  const where = file === '-' ? 'standard input' : file;
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch {
    throw new OtkazError(ErrorCode.InputNotFound, 'cannot read the record file', { where });
  }
  if (Buffer.byteLength(text) > RECORD_FILE_BYTES)
    throw new OtkazError(ErrorCode.LimitExceeded, `a record file of more than ${RECORD_FILE_BYTES} bytes`, { where });
  checkJsonShape(text, where);
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : text.length;
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    throw new OtkazError(ErrorCode.InputInvalid, `--record: not JSON (${message.replace(/ in JSON at position \d+.*$/s, '')})`, {
      where: `${where}:${line}:${column}`,
    });
  }
  if (record && typeof record === 'object' && !Array.isArray(record) && 'criminalCases' in record) {
    const { criminalCases: _links, ...rest } = record as Record<string, unknown>;
    return rest;
  }
  return record;
}

function fileText(view: ClientFileView): string {
  const lines = [`client file ${view.id}${view.synthetic ? '  [SYNTHETIC]' : ''} — ${view.status}, revision ${view.revision}`];
  const person = view.record.person;
  if (person) for (const n of person.names) lines.push(`  name (${n.script}): ${[n.family, n.given, n.patronymic].filter(Boolean).join(' ')}`);
  if (person?.birthDate) lines.push(`  born ${person.birthDate}`);
  if (view.record.military) lines.push(`  military status: ${view.record.military.status}`);
  if (view.record.wanted)
    lines.push(`  wanted list: ${view.record.wanted.status}${view.record.wanted.checkedOn ? ` (checked ${view.record.wanted.checkedOn})` : ''}`);
  for (const c of view.cases ?? []) {
    lines.push(
      `  case #${c.link.caseId} ${c.link.caseNumber ?? ''} (${c.link.courtVnkod}) linked ${c.link.linkedAt.slice(0, 10)} (link ${c.link.linkId}); capture sha256 ${c.link.captureSha256 ?? '—'}`,
    );
    if (c.current)
      lines.push(
        `    now: ${c.current.outcome ?? 'no outcome'}${c.current.decision_date ? `, decided ${c.current.decision_date}` : ''}; ${c.changesSinceLink.length} change(s) since linked`,
      );
  }
  for (const n of view.notes ?? []) lines.push(`  ${n.createdAt.slice(0, 10)} ${n.kind}: ${n.text}`);
  for (const d of view.documents ?? []) lines.push(`  document ${d.id}: ${d.name} (${d.size} bytes, metadata ${d.metadata})`);
  return lines.join('\n');
}

const sourcesText = (facts: ReadonlyArray<{ id: string; sources: ReadonlyArray<{ url?: string; document?: string }> }>) =>
  facts.map((f) => `${f.id} (${f.sources.map((s) => s.url ?? s.document).join('; ')})`).join(', ');

const listOf = (text: string) =>
  text
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

function checklistText(view: z.infer<typeof ChecklistViewSchema>): string {
  const c = view.counts;
  const lines = [
    `checklist: ${view.title.en} — ${view.summary.en}`,
    `  ${c.met} met, ${c.not_applicable} not applicable, ${c.to_check} to check, ${c.open} open`,
  ];
  for (const item of view.items) {
    lines.push(
      `  [${item.status}${item.metBy ? ` by ${item.metBy.replace('_', ' ')}` : ''}] ${item.id} (${item.kind}, revision ${item.revision}): ${item.what.en}`,
      `      why: ${item.why.en}`,
      `      sources: ${sourcesText(item.sources)}`,
    );
    const mark = item.mark;
    if (mark) {
      lines.push(
        `      marked ${mark.judgement} by ${mark.markedByEmail ?? mark.markedBy ?? 'a former member'} at ${mark.markedAt}${mark.reason ? `: ${mark.reason}` : ''}`,
      );
      for (const d of mark.documents) lines.push(`        document ${d.id} ${d.name} (sha256 ${d.sha256})`);
      for (const r of mark.courtRecords)
        lines.push(`        court record ${r.linkId}: case #${r.caseId} ${r.caseNumber ?? ''} (capture sha256 ${r.captureSha256 ?? '—'})`);
      for (const m of mark.missing) lines.push(`        CHECK AGAIN: ${m.kind.replace('_', ' ')} ${m.id} ${m.why.replaceAll('_', ' ')}`);
      if (mark.note) lines.push(`        note: ${mark.note}`);
    }
    for (const d of item.destinations) lines.push(`      ${d.country}: ${d.note.en} — ${sourcesText(d.sources)}`);
    for (const r of item.courtRecords)
      lines.push(
        `      court record ${r.linkId}: case #${r.caseId} ${r.caseNumber ?? ''} (${r.courtVnkod}), capture sha256 ${r.captureSha256 ?? '—'}${r.captureArchived ? ' (archived)' : ' (capture not archived)'}`,
      );
    for (const d of item.documents) lines.push(`      document on file: ${d.id} ${d.name} (sha256 ${d.sha256})`);
  }
  return lines.join('\n');
}

function exclusionText(view: z.infer<typeof ExclusionViewSchema>): string {
  const lines = [view.notice.en, 'service timeline:'];
  for (const s of view.timeline)
    lines.push(
      `  #${s.index} ${s.from ?? '…'} – ${s.to ?? '…'}: ${[s.unit, s.unitNumber, s.role, s.place].filter(Boolean).join(', ')}${s.deployed ? ' (deployed)' : ''}`,
    );
  lines.push(`${view.matches.length} allegation(s) to prepare for:`);
  for (const m of view.matches) {
    lines.push(`  service #${m.serviceIndex} ↔ ${m.allegationId} [${m.confidence}, licence ${m.licence}, period overlap ${m.periodOverlap}]: ${m.alleged.en}`);
    for (const r of m.reasons) lines.push(`      matched ${r.field} by ${r.rule}: "${r.client}" ~ "${r.allegation.en}"`);
    for (const s of m.sources)
      lines.push(`      source: ${s.publisher}, "${s.title}", ${s.published}${s.url ? `, ${s.url}` : ''}${s.document ? `, ${s.document}` : ''}`);
  }
  return lines.join('\n');
}
