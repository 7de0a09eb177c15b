import type { ClientRecord } from '../../types.ts';

type RecordName = NonNullable<ClientRecord['person']>['names'][number];

/**
 * "record.military.service.0.from" (the API's path of a refused field, as in "body.record.…: reason") → the field's
 * label as the form shows it ("Service period 1 — From").
 */
export function fieldLabel(path: string, names: readonly Pick<RecordName, 'script'>[], t: (key: string, options?: Record<string, unknown>) => string): string {
  const [group, a, b, c] = path.split('.');
  const index = (s: string | undefined) => Number(s ?? 0) + 1;
  if (group === 'person') {
    if (a === 'names') {
      const script = names[Number(b ?? 0)]?.script ?? 'latin';
      return c ? `${t(`files.form.names.${script}`)} — ${t(`files.form.names.${c}`)}` : t(`files.form.names.${script}`);
    }
    if (a === 'birthDate') return t('files.form.birthDate');
    if (a === 'languages') return t('files.form.languages');
    if (a === 'contact') return b === 'times' ? t('files.edit.contactTimes') : t('files.form.contact');
  }
  if (group === 'military') {
    if (a === 'status') return t('files.form.military');
    if (a === 'rank') return t('files.form.rank');
    if (a === 'service') {
      const period = t('files.edit.period', { n: index(b) });
      return c && ['unit', 'unitNumber', 'role', 'place', 'from', 'to', 'deployed'].includes(c) ? `${period} — ${t(`files.edit.periodFields.${c}`)}` : period;
    }
  }
  if (group === 'documents') {
    const doc = t('files.edit.document', { n: index(a) });
    const part = { type: 'docType', number: 'docNumber', state: 'docState' }[b ?? ''];
    return part ? `${doc} — ${t(`files.form.${part}`)}` : doc;
  }
  if (group === 'wanted') {
    if (a === 'status') return t('files.form.wanted');
    if (a === 'checkedOn') return t('files.edit.wantedCheckedOn');
    if (a === 'evidence') return t('files.form.wantedEvidence');
  }
  if (group === 'summary') return t('files.form.summary');
  return path;
}
