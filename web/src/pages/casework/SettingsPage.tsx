import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../casework/session.ts';
import { useApi } from '../../casework/useApi.ts';
import type { OrgSettings } from '../../types.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

/** /files/admin/settings: whether members need TOTP, administrators a passkey, and whether the organisation shares statistics. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { data, error } = useApi<OrgSettings>('/api/v1/org/settings');
  const [settings, setSettings] = useState<OrgSettings | null>(null);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<Error | null>(null);
  useEffect(() => setSettings(data), [data]);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!settings) return;
    setFailure(null);
    setSaved(false);
    try {
      setSettings(
        await api<OrgSettings>('POST', '/api/v1/org/settings', {
          requireTotp: settings.requireTotp,
          requirePasskeyForAdmins: settings.requirePasskeyForAdmins,
          shareStatistics: settings.shareStatistics,
        }),
      );
      setSaved(true);
    } catch (e) {
      setFailure(e as Error);
    }
  }
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t('files.settings.title')}</h1>
      <ErrorMessage error={error ?? failure} />
      {settings && (
        <form className="stack" onSubmit={submit}>
          <p>
            {settings.name} (<code>{settings.slug}</code>)
          </p>
          <label className="inline">
            <input type="checkbox" checked={settings.requireTotp} onChange={(e) => setSettings({ ...settings, requireTotp: e.target.checked })} />{' '}
            {t('files.settings.requireTotp')}
          </label>
          <label className="inline">
            <input
              type="checkbox"
              checked={settings.requirePasskeyForAdmins}
              onChange={(e) => setSettings({ ...settings, requirePasskeyForAdmins: e.target.checked })}
            />{' '}
            {t('files.settings.requirePasskey')}
          </label>
          <label className="inline">
            <input type="checkbox" checked={settings.shareStatistics} onChange={(e) => setSettings({ ...settings, shareStatistics: e.target.checked })} />{' '}
            {t('files.settings.shareStatistics')}
          </label>
          <p className="muted">{t('files.settings.shareStatisticsNote')}</p>
          <button type="submit">{t('files.settings.save')}</button>
          {saved && <p role="status">{t('files.settings.saved')}</p>}
        </form>
      )}
    </section>
  );
}
