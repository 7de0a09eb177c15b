/**
 * Operator only (/operator/captchas, not linked from the public pages): the captcha queue of the crawl — the image,
 * and a field for the digits. The token stays in this tab.
 */
import { type SubmitEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson } from '../api.ts';
import type { Captcha } from '../types.ts';

const KEY = 'otkaz.operatorToken';

export function CaptchaQueue() {
  const { t } = useTranslation();
  const [token, setToken] = useState(() => sessionStorage.getItem(KEY) ?? '');
  const [items, setItems] = useState<Captcha[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const auth = () => ({ authorization: `Bearer ${token}` });
  const load = async (event?: SubmitEvent) => {
    event?.preventDefault();
    sessionStorage.setItem(KEY, token);
    setMessage(null);
    try {
      setItems(await getJson<Captcha[]>('/api/v1/operations/captchas', { headers: auth() }));
    } catch (e) {
      setItems(null);
      setMessage((e as Error).message);
    }
  };
  const answer = async (id: number, digits: string) => {
    try {
      await getJson(`/api/v1/operations/captchas/${id}`, { method: 'POST', headers: auth(), body: JSON.stringify({ answer: digits }) });
      setMessage(t('captcha.answered', { id }));
      await load();
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  return (
    <>
      <h1>{t('captcha.title')}</h1>
      <form className="filters" onSubmit={(e) => void load(e)}>
        <label>
          {t('captcha.token')}
          <input type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
        </label>
        <button type="submit">{t('captcha.load')}</button>
      </form>
      {message && <p role="status">{message}</p>}
      {items && items.length === 0 && <p>{t('captcha.none')}</p>}
      {items?.map((c) => (
        <form
          key={c.id}
          className="filters"
          onSubmit={(e) => {
            e.preventDefault();
            void answer(c.id, String(new FormData(e.currentTarget).get('digits') ?? ''));
          }}
        >
          <span>
            {c.host} ({c.court_vnkod ?? '—'})
          </span>
          {c.png && <img src={`data:image/png;base64,${c.png}`} alt={t('captcha.image', { host: c.host })} />}
          <label>
            {t('captcha.digits')}
            <input name="digits" inputMode="numeric" pattern="[0-9]{3,8}" required />
          </label>
          <button type="submit">{t('captcha.answer')}</button>
        </form>
      ))}
    </>
  );
}
