import { useTranslation } from 'react-i18next';

/** The SYNTHETIC mark, where the API says a record is demo data. */
export function SyntheticLabel({ synthetic }: { synthetic: boolean }) {
  const { t } = useTranslation();
  return synthetic ? <span className="synthetic">{t('common.synthetic')}</span> : null;
}
