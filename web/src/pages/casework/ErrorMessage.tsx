import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import { issueLines, issuesOf } from '../../casework/issues.ts';
import { refusalText } from '../../casework/refusals.ts';

/**
 * An API failure as a clear sentence: 400 what to correct, 403 not allowed, 404 not found, 409 changed by someone
 * else. A refusal says so without the policy rule's name (an internal id such as `clients.read`); a rejected input
 * names each refused value (by the form's `label` for its path, else the path) with its reason in the UI language
 * (src/casework/issues.ts); a refusal the API sends without issues keeps the server's reason, without the request
 * part it was found in ("body.region: …" → "region: …"), unless it is a case-file refusal the app words itself
 * (src/casework/refusals.ts: no such procedure, no such case, no consent, changed meanwhile…).
 */
export function ErrorMessage({ error, label }: { error: Error | null; label?: (path: string) => string }) {
  const { t } = useTranslation();
  if (!error) return null;
  let text = t('files.errors.other', { message: error.message });
  const refusal = refusalText(error, t);
  if (refusal)
    text =
      error instanceof ApiError && error.status === 400 ? t('files.errors.invalid', { message: refusal }) : refusal.charAt(0).toUpperCase() + refusal.slice(1);
  else if (error instanceof ApiError) {
    const issues = issuesOf(error);
    if (error.status === 400)
      text = t('files.errors.invalid', {
        message: issues.length > 0 ? issueLines(issues, t, label).join('; ') : error.message.replace(/^(body|query|params)\./, ''),
      });
    else if (error.status === 403) text = t('files.errors.forbidden');
    else if (error.status === 404) text = t('files.errors.notFound');
    else if (error.status === 409) text = t('files.errors.conflict');
    else if (error.status === 401) text = t('files.errors.signedOut');
  }
  return (
    <p role="alert" className="error">
      {text}
    </p>
  );
}
