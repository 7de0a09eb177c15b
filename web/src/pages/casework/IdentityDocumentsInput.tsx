import { useTranslation } from 'react-i18next';
import type { IdentityDocument } from '../../types.ts';

const TYPES: IdentityDocument['type'][] = ['internal_passport', 'international_passport', 'military_id', 'birth_certificate', 'other'];
const STATES: IdentityDocument['state'][] = ['held', 'confiscated', 'lost', 'expired', 'with_authorities'];

/** The identity documents of a client: type, number (searchable by exact value), where it is. */
export function IdentityDocumentsInput({ value, onChange }: { value: IdentityDocument[]; onChange: (docs: IdentityDocument[]) => void }) {
  const { t } = useTranslation();
  const set = (i: number, doc: IdentityDocument) => onChange(value.map((d, j) => (j === i ? doc : d)));
  return (
    <fieldset>
      <legend>{t('files.form.documents')}</legend>
      {value.map((doc, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own until saved
        <div className="row" key={i}>
          <label>
            {t('files.form.docType')}
            <select value={doc.type} onChange={(e) => set(i, { ...doc, type: e.target.value as IdentityDocument['type'] })}>
              {TYPES.map((ty) => (
                <option key={ty} value={ty}>
                  {t(`files.docTypes.${ty}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('files.form.docNumber')}
            <input autoComplete="off" value={doc.number ?? ''} onChange={(e) => set(i, { ...doc, number: e.target.value })} />
          </label>
          <label>
            {t('files.form.docState')}
            <select value={doc.state} onChange={(e) => set(i, { ...doc, state: e.target.value as IdentityDocument['state'] })}>
              {STATES.map((s) => (
                <option key={s} value={s}>
                  {t(`files.docStates.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => onChange(value.filter((_, j) => j !== i))}>
            {t('files.form.removeDocument')}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...value, { type: 'internal_passport', state: 'held', number: '' }])}>
        {t('files.form.addDocument')}
      </button>
    </fieldset>
  );
}
