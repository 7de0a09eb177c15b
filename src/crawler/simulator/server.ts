import http from 'node:http';
import type net from 'node:net';
import iconv from 'iconv-lite';
import type { Layout } from '../../courts/layouts.ts';
import { encodeCp1251Component } from '../../courts/parse/decode.ts';
import { prng } from '../../courts/synthetic/generate.ts';
import { articlesText, cardPath, renderAct, renderCard, renderList, SYNTHETIC_MARKER } from '../../courts/synthetic/render.ts';
import { digitsPng } from './png.ts';
import type { SimCourt, World } from './world.ts';

/**
 * A local HTTP server that behaves like sudrf court sites of both layouts, serving SYNTHETIC pages in
 * windows-1251: search by article and date window with the real parameter names, 25 rows a page with the
 * counter, cards, empty results — and, on request, the traps real sites set: slow answers, 429 with
 * Retry-After, throttle pages, a captcha gate, WAF and geo-block pages, PHP errors, dropped connections, and
 * cases that change between visits, and cases taken down (World.removeCard). Courts are chosen by the Host header or by a path prefix `/<host>/`.
 */
export interface Traps {
  /** Response latency range in ms. */
  latencyMs: [number, number];
  /** Every Nth request to a host answers 429 with Retry-After (0: never). */
  rateLimitEvery: number;
  retryAfterSeconds: number;
  /** Every Nth request to a host answers the 200 throttle page (0: never). */
  throttleEvery: number;
  /** Every Nth request to a host answers a PHP error page (0: never). */
  phpErrorEvery: number;
  /** Every Nth request to a host has its connection dropped (0: never). */
  dropEvery: number;
  /** Refuse requests without a User-Agent, or with a library's default one (curl, node, python-requests), as the WAF does (403, "(B)"). */
  wafWithoutUserAgent: boolean;
  /** Hosts that answer with the geo-block page. */
  geoBlocked: string[];
  /** Captcha courts require a solved captcha for result lists. */
  captcha: boolean;
  /** A solved captcha serves this many list requests. */
  captchaUses: number;
  /** Pending cases get a verdict from the second visit of their card on. */
  changing: boolean;
  /** A captcha answer counts only with the session cookie (PHPSESSID) the search form that showed the image set. */
  captchaNeedsSession: boolean;
  /** robots.txt answers per host, in turn (the last one repeats); a host not named answers 200 with `robotsTxt`. */
  robots: Record<string, RobotsAnswer[]>;
  /** Every Nth request to a host answers 503 with Retry-After (0: never). */
  unavailableEvery: number;
  /** Retry-After as an HTTP date instead of seconds (on 429 and 503). */
  retryAfterAsDate: boolean;
  /** Hosts that moved: every request but robots.txt answers 301 to the same path on the new host (another court of the world). */
  moved: Record<string, string>;
  /** The robots.txt a host not named in `robots` serves (200). */
  robotsTxt: string;
}

export interface RobotsAnswer {
  status: number;
  body?: string;
  retryAfterSeconds?: number;
}

/** One request as the simulator saw it. */
export interface SimRequest {
  host: string;
  path: string;
  status: number;
  kind: string;
  /** When its handling began, monotonic ms (performance.now()). */
  at: number;
  /** Requests to the same host being handled at that moment, this one included. */
  inFlight: number;
  /** The PHPSESSID cookie it carried, if any. */
  session: string | null;
}

export const NO_TRAPS: Traps = {
  latencyMs: [0, 0],
  rateLimitEvery: 0,
  retryAfterSeconds: 1,
  throttleEvery: 0,
  phpErrorEvery: 0,
  dropEvery: 0,
  wafWithoutUserAgent: false,
  geoBlocked: [],
  captcha: true,
  captchaUses: 50,
  changing: false,
  captchaNeedsSession: true,
  robots: {},
  unavailableEvery: 0,
  retryAfterAsDate: false,
  moved: {},
  robotsTxt: 'User-agent: *\nDisallow: /admin/\n',
};

const PER_PAGE = 25;

function page(body: string, vnkod: string | null): string {
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">${SYNTHETIC_MARKER}<title>СИНТЕТИЧЕСКИЙ суд (симулятор)</title></head><body>${
    vnkod ? `<a href="https://ej.sudrf.ru/?fromOa=${vnkod}">Подача документов</a>` : ''
  }${body}</body></html>`;
}

const THROTTLE = page(
  '<div class="box box_common m-all_m"><div class="box-title">СУДЕБНОЕ ДЕЛОПРОИЗВОДСТВО</div>Информация временно недоступна. Приносим свои извинения. Попробуйте обратиться позже или обратитесь непосредственно в суд.</div>',
  null,
);
const PHP_ERROR = page(
  '<div id="modSdpContent"><b>Warning</b>: pg_query(): Query failed: ERROR: canceling statement due to statement timeout in <b>/var/www/modules/sud_delo/r.php</b></div>',
  null,
);
const WAF = page('<h1>403</h1><p>Данный запрос некорректен, просьба изменить параметры запроса (B)</p>', null);
const GEO = page('<p>Этот запрос заблокирован по соображениям безопасности (G). Ваш IP-адрес: 127.0.0.1, страна: не определена.</p>', null);
const EMPTY = (vnkod: string) =>
  page(
    '<div id="modSdpContent"><div id="content"><div class="title">Уголовные дела - первая инстанция</div><p>Данных по запросу не обнаружено</p></div></div>',
    vnkod,
  );

/** Query parameters with windows-1251 percent-decoding, names lower-cased. */
export function cp1251Query(search: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const name = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq)).toLowerCase();
    const raw = eq < 0 ? '' : pair.slice(eq + 1).replace(/\+/g, ' ');
    const bytes: number[] = [];
    for (let i = 0; i < raw.length; i += 1) {
      if (raw[i] === '%' && /^[0-9a-f]{2}$/i.test(raw.slice(i + 1, i + 3))) {
        bytes.push(parseInt(raw.slice(i + 1, i + 3), 16));
        i += 2;
      } else bytes.push(raw.charCodeAt(i) & 0xff);
    }
    out.set(name, iconv.decode(Buffer.from(bytes), 'win1251'));
  }
  return out;
}

const ruToIso = (value: string | undefined) => {
  const m = value ? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value) : null;
  return m ? `${m[3]}-${m[2]}-${m[1]}` : null;
};

interface Session {
  answer: string;
  uses: number;
  /** The PHPSESSID the form that showed this captcha set. */
  sid: string;
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** The hidden fields of each layout's search form. */
const SEARCH_FORM_FIELDS: Record<Layout, string> = {
  classic:
    '<input name="name" type="hidden" value="sud_delo"><input name="srv_num" type="hidden" value="1"><input name="name_op" type="hidden" value="r"><input name="delo_id" type="hidden" value="1540006"><input name="case_type" type="hidden" value="0"><input name="new" type="hidden" value="0"><input name="delo_table" type="hidden" value="u1_case">',
  new: '<input name="name" type="hidden" value="sud_delo"><input name="name_op" type="hidden" value="r"><input name="_deloId" type="hidden" value="1540006"><input name="_new" type="hidden" value="0">',
};

type Send = (status: number, html: string, kind: string, headers?: Record<string, string>) => void;

export class CourtSimulator {
  private readonly counters = new Map<string, number>();
  private readonly inFlight = new Map<string, number>();
  private readonly robotsAsked = new Map<string, number>();
  private readonly sessions = new Map<string, Session>();
  private readonly sockets = new Set<net.Socket>();
  private server: http.Server | null = null;
  private readonly rand = prng(7);
  /** Requests served, by host and outcome, for tests and the benchmark. */
  readonly log: SimRequest[] = [];

  constructor(
    readonly world: World,
    readonly traps: Traps = NO_TRAPS,
  ) {}

  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server?.listen(port, host, resolve));
    const address = this.server.address();
    return `http://${host}:${typeof address === 'object' && address ? address.port : port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The answer to a captcha the simulator issued (for tests; a person reads it from the image). */
  captchaAnswer(captchaId: string): string | null {
    return this.sessions.get(captchaId)?.answer ?? null;
  }

  private count(host: string): number {
    const n = (this.counters.get(host) ?? 0) + 1;
    this.counters.set(host, n);
    return n;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const at = performance.now();
    const url = new URL(req.url ?? '/', 'http://simulator');
    let host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    let path = url.pathname;
    const prefixed = /^\/([a-z0-9.-]+\.[a-z]+)(\/.*)$/i.exec(path);
    const known = (h: string) => this.world.court(h) !== undefined || this.traps.moved[h.toLowerCase()] !== undefined;
    if (prefixed && known(prefixed[1] ?? '')) {
      host = (prefixed[1] ?? '').toLowerCase();
      path = prefixed[2] ?? '/';
    }
    const inFlight = (this.inFlight.get(host) ?? 0) + 1;
    this.inFlight.set(host, inFlight);
    res.on('close', () => this.inFlight.set(host, (this.inFlight.get(host) ?? 1) - 1));
    const entry = { host, path: `${path}${url.search}`, at, inFlight, session: cookieValue(req.headers.cookie, 'PHPSESSID') };
    const court = this.world.court(host);
    const send = (status: number, html: string, kind: string, headers: Record<string, string> = {}) => {
      this.log.push({ ...entry, status, kind });
      res.writeHead(status, { 'content-type': 'text/html; charset=windows-1251', ...headers });
      res.end(iconv.encode(html, 'win1251'));
    };
    const retryAfter = (): Record<string, string> => ({
      'retry-after': this.traps.retryAfterAsDate
        ? new Date(Math.ceil((Date.now() + this.traps.retryAfterSeconds * 1000) / 1000) * 1000).toUTCString()
        : String(this.traps.retryAfterSeconds),
    });
    const [min, max] = this.traps.latencyMs;
    if (max > 0) await new Promise((resolve) => setTimeout(resolve, min + this.rand() * (max - min)));
    const movedTo = this.traps.moved[host];
    if (!court && !movedTo) return send(404, page('<h1>404</h1>', null), 'not_found');
    const n = this.count(host);
    const ua = req.headers['user-agent'] ?? '';
    if (this.traps.wafWithoutUserAgent && (!ua || /^(curl\/|node$|undici|python-requests)/i.test(ua))) return send(403, WAF, 'waf_block');
    if (this.traps.geoBlocked.includes(host)) return send(200, GEO, 'geo_block');
    if (this.traps.dropEvery && n % this.traps.dropEvery === 0) {
      this.log.push({ ...entry, status: 0, kind: 'dropped' });
      req.socket.destroy();
      return;
    }
    if (this.traps.rateLimitEvery && n % this.traps.rateLimitEvery === 0) return send(429, page('Too Many Requests', null), 'rate_limited', retryAfter());
    if (this.traps.unavailableEvery && n % this.traps.unavailableEvery === 0)
      return send(503, page('<h1>503 Service Unavailable</h1>', null), 'unavailable', retryAfter());
    if (path === '/robots.txt') {
      const answers = this.traps.robots[host] ?? [{ status: 200, body: this.traps.robotsTxt }];
      const turn = this.robotsAsked.get(host) ?? 0;
      this.robotsAsked.set(host, turn + 1);
      const answer = answers[Math.min(turn, answers.length - 1)] ?? { status: 404 };
      this.log.push({ ...entry, status: answer.status, kind: 'robots' });
      res.writeHead(answer.status, {
        'content-type': 'text/plain',
        ...(answer.retryAfterSeconds !== undefined ? { 'retry-after': String(answer.retryAfterSeconds) } : {}),
      });
      return void res.end(answer.body ?? '');
    }
    if (movedTo) return send(301, page('<h1>Moved Permanently</h1>', null), 'redirect', { location: `https://${movedTo}${path}${url.search}` });
    if (!court) return send(404, page('<h1>404</h1>', null), 'not_found');
    if (this.traps.throttleEvery && n % this.traps.throttleEvery === 0) return send(200, THROTTLE, 'throttled');
    if (this.traps.phpErrorEvery && n % this.traps.phpErrorEvery === 0) return send(200, PHP_ERROR, 'php_error');
    if (path !== '/modules.php') return send(404, page('<h1>404</h1>', court.vnkod), 'not_found');
    const q = cp1251Query(url.search);
    const op = q.get('name_op');
    const sid = entry.session;
    if (op === 'sf') return this.searchForm(court, send, sid);
    if (op === 'r') return this.list(court, q, send, sid);
    if (op === 'case') {
      const id = Number(q.get('case_id') ?? q.get('_id'));
      if (this.world.removal(court, id) === 'http_404') return send(404, page('<h1>404 Not Found</h1>', null), 'not_found');
      const found = this.world.visitCard(court, id, this.traps.changing);
      if (!found) return send(200, EMPTY(court.vnkod), 'empty_result');
      return send(200, renderCard(found, court.layout), 'case_card');
    }
    if (op === 'doc') {
      const found = this.world.published(court).find((c) => c.caseId === Number(q.get('number')));
      if (!found || found.outcome === 'pending' || q.get('text_number') !== '1')
        return send(200, page('<div id="modSdpContent"><div id="content">ПУСТОЙ ДОКУМЕНТ</div></div>', court.vnkod), 'empty_act');
      return send(200, page(renderAct(found), court.vnkod), 'act_text');
    }
    return send(200, EMPTY(court.vnkod), 'empty_result');
  }

  private searchForm(court: SimCourt, send: Send, sid: string | null): void {
    let captcha = '';
    const headers: Record<string, string> = {};
    if (court.captcha && this.traps.captcha) {
      const id = `sim${Math.floor(this.rand() * 1e12).toString(36)}`;
      const answer = String(10000 + Math.floor(this.rand() * 90000));
      // PHP's session: the one the request carried, else a new one set by cookie.
      const session = sid ?? `s${Math.floor(this.rand() * 1e15).toString(36)}`;
      if (!sid) headers['set-cookie'] = `PHPSESSID=${session}; path=/; HttpOnly`;
      this.sessions.set(id, { answer, uses: 0, sid: session });
      captcha = `<tr><td>Проверочный код</td><td><input name='captcha' type='text'><img src="data: image/png;base64, ${digitsPng(answer).toString('base64')}"><input name="captchaid" type="hidden" value="${id}"></td></tr>`;
    }
    const hidden = SEARCH_FORM_FIELDS[court.layout];
    send(
      200,
      page(`<div id="modSdpContent"><form action="" method="get" name="calform" id="calform">${hidden}<table>${captcha}</table></form></div>`, court.vnkod),
      court.captcha && this.traps.captcha ? 'captcha_form' : 'search_form',
      headers,
    );
  }

  private list(court: SimCourt, q: Map<string, string>, send: Send, sid: string | null): void {
    const classic = q.has('delo_id');
    // The real sites' silent failures: a wrong proceeding code or an empty vnkod.
    if (q.get('vnkod') === '' || (classic && !q.has('submit'))) {
      this.searchForm(court, send, sid);
      return;
    }
    const deloId = q.get('delo_id') ?? q.get('_deloid');
    const newCode = q.get('new') ?? q.get('_new');
    if (deloId !== '1540006' || newCode !== '0') {
      send(200, EMPTY(court.vnkod), 'empty_result');
      return;
    }
    if (court.captcha && this.traps.captcha) {
      const session = this.sessions.get(q.get('captchaid') ?? '');
      const wrongSession = this.traps.captchaNeedsSession && session?.sid !== sid;
      if (!session || wrongSession || session.answer !== q.get('captcha') || session.uses >= this.traps.captchaUses) {
        send(
          200,
          page(
            '<div id="modSdpContent"><div id="error">Неверно указан проверочный код с картинки.<br><a href="/modules.php?name=sud_delo&amp;name_op=sf">Вернуться на форму поиска</a></div></div>',
            court.vnkod,
          ),
          'captcha_wrong',
        );
        return;
      }
      session.uses += 1;
    }
    const article = q.get('u1_defendant__law_articless') ?? q.get('parts__law_articless') ?? '';
    const window = (axis: 'entry' | 'result') => {
      const from = ruToIso(q.get(`u1_case__${axis}_date1d`) ?? q.get(`case__${axis}_date1d`));
      const to = ruToIso(q.get(`u1_case__${axis}_date2d`) ?? q.get(`case__${axis}_date2d`));
      return { from, to };
    };
    const entry = window('entry');
    const result = window('result');
    const inWindow = (date: string | null, w: { from: string | null; to: string | null }) =>
      (!w.from || (date !== null && date >= w.from)) && (!w.to || (date !== null && date <= w.to));
    const matches = this.world
      .published(court)
      .filter((c) => !article || articlesText(c).includes(article))
      .filter((c) => inWindow(c.receiptDate, entry) && (!result.from && !result.to ? true : inWindow(c.decisionDate, result)))
      .sort((a, b) => b.receiptDate.localeCompare(a.receiptDate) || a.caseId - b.caseId);
    if (matches.length === 0) {
      send(200, EMPTY(court.vnkod), 'empty_result');
      return;
    }
    const pageNo = Math.max(1, Number(q.get('page') ?? q.get('_page') ?? 1) || 1);
    const slice = matches.slice((pageNo - 1) * PER_PAGE, pageNo * PER_PAGE);
    if (slice.length === 0) {
      send(200, EMPTY(court.vnkod), 'empty_result');
      return;
    }
    const query = [...q.entries()]
      .filter(([k]) => k !== 'page' && k !== '_page' && k !== 'name' && k !== 'name_op' && k !== 'srv_num')
      .map(([k, v]) => `${k}=${encodeCp1251Component(v)}`)
      .join('&');
    send(200, renderList({ cases: slice, page: pageNo, perPage: PER_PAGE, total: matches.length, courtVnkod: court.vnkod, query }, court.layout), 'case_list');
  }
}

export { cardPath };
