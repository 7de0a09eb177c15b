/**
 * A capture's URL as the public may see it. A URL can carry a person's name: sudrf sites search by party name
 * (`G1_PARTS__NAMESS=…`, often percent-encoded in windows-1251), and a page ingested from a file is recorded as
 * `file:<its file name>`, which people name after the client. The stored URL stays exact (it is evidence metadata,
 * exported in WARC records); what reads show passes through here:
 *  - `file:` URLs keep only the file's extension (`file:….html`);
 *  - in http(s) URLs every query value and path segment that is not plainly an identifier, code or date (ASCII
 *    letters, digits, `_ . : -`, and not two capitalised Latin words joined like `Ivanov_Ivan`) after
 *    percent-decoding becomes `…`, and so does any value of a party-name key (`G1_PARTS__NAMESS=Ivanov`) — court
 *    ids, case ids, UIDs and dates stay;
 *  - anything that is not a URL is withheld whole.
 * Pure, no I/O; never throws.
 */
const PLAIN = /^[A-Za-z0-9_.:-]*$/;
const WITHHELD = '…';
/** Query keys whose value is a person whatever it looks like: sudrf's party-name search (`G1_PARTS__NAMESS`, …). */
const PERSON_KEY = /PARTS|NAMESS|FIO|surname|lastname|firstname/i;
/** A path segment of two or more capitalised Latin words joined by `_`, `-`, `.` or a space: maybe a name. */
const LATIN_NAME = /[A-Z][a-z]+[_\-. ]+[A-Z][a-z]+/;

function decoded(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    // A byte sequence that is not UTF-8 (windows-1251 percent-encoding): not plain, whatever it says.
    return '\u0000';
  }
}

function plainPart(raw: string): string {
  const text = decoded(raw);
  return PLAIN.test(text) && !LATIN_NAME.test(text) ? raw : WITHHELD;
}

export function publicUrl(url: string | null): string | null {
  if (url === null) return null;
  if (url.startsWith('file:')) {
    const extension = /\.([A-Za-z0-9]{1,8})$/.exec(url)?.[1];
    return `file:${WITHHELD}${extension ? `.${extension}` : ''}`;
  }
  const match = /^(https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?)(\/[^?#]*)?(?:\?([^#]*))?(?:#.*)?$/i.exec(url);
  if (!match) return WITHHELD;
  const [, origin, path = '', query] = match;
  const publicPath = path
    .split('/')
    .map((segment) => (segment === '' ? '' : plainPart(segment)))
    .join('/');
  const publicQuery =
    query === undefined
      ? ''
      : `?${query
          .split('&')
          .filter((pair) => pair !== '')
          .map((pair) => {
            const eq = pair.indexOf('=');
            const key = eq < 0 ? pair : pair.slice(0, eq);
            const value = eq < 0 ? null : pair.slice(eq + 1);
            const shown = value === null ? '' : `=${PERSON_KEY.test(decoded(key)) ? WITHHELD : plainPart(value)}`;
            return `${plainPart(key)}${shown}`;
          })
          .join('&')}`;
  return `${origin}${publicPath}${publicQuery}`;
}
