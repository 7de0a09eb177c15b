// Open-loop load at a fixed rate, for `bench:web`: one request every 1000/rate ms, evenly spaced, over a pool of
// keep-alive connections, whatever the answers' speed (a slow answer does not delay the next request). Latency is
// measured from the moment a request was due, not from when it was sent, so a client that falls behind counts
// against the server (no coordinated omission). autocannon's `overallRate` instead gives each connection a
// per-second budget that it spends back to back at the start of every second: bursts, not a rate.
// Runs as its own process: node --import tsx bench/paced-load.ts URL RATE SECONDS [CONNECTIONS] → one JSON line
// (p50, p99, max, rps, errors, requests, and the count of each HTTP status). URL may be @FILE: one URL a line, taken
// in turn (`bench:soak`). `{n}` in a URL becomes the request's number, `{date}` the date n days after 2030-01-01
// (distinct URLs: no response-cache hits, every request reaches the database); PACED_RAW=1 adds every latency to the
// line (`latencies`, in the order the requests were due) so runs can be merged. A line of the file that starts with
// `{` is a whole request, as JSON: {"url", "method"?, "headers"?, "body"?} (`bench:casework`: a member's session
// cookie, the CSRF token, a note to add); a 2xx answer to it counts as success. Loopback only, and bounded:
// RATE × SECONDS requests, then it stops.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { present } from '../src/shared/present.ts';

const [target, rateArg, secondsArg, connectionsArg] = process.argv.slice(2);
if (!target || !rateArg || !secondsArg) throw new Error('usage: paced-load.ts URL|@FILE RATE SECONDS [CONNECTIONS]');
/** One request of the list: a URL (GET), or a line of JSON naming the method, headers and body too. */
interface Request {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}
const urls: Request[] = (
  target.startsWith('@')
    ? readFileSync(target.slice(1), 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
    : [target]
).map((line) => (line.startsWith('{') ? (JSON.parse(line) as Request) : { url: line }));
for (const { url: u } of urls) {
  const host = new URL(u).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') throw new Error(`paced-load sends to loopback only, not ${host}`);
}
const rate = Number(rateArg);
const seconds = Number(secondsArg);
if (!(urls.length > 0 && rate > 0 && rate <= 5000 && seconds > 0 && seconds <= 86_400))
  throw new Error('need at least one URL, 0 < RATE ≤ 5000 and 0 < SECONDS ≤ 86400');
const total = Math.round(rate * seconds);
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(connectionsArg ?? 32) });
const interval = 1000 / rate;
const latencies: number[] = [];
let errors = 0;
const statuses: Record<string, number> = {};
const byDue: number[] = [];

/** One request; an answer that takes over 30 s counts as an error ('timeout'), so no request hangs the run. */
function once(request: Request, due: number, n: number): Promise<void> {
  const date = new Date(Date.UTC(2030, 0, 1 + n)).toISOString().slice(0, 10);
  const url = request.url.replace('{n}', String(n)).replace('{date}', date);
  const ok = (status: number | undefined) => (request.method || request.body ? status !== undefined && status >= 200 && status < 300 : status === 200);
  return new Promise((resolve) => {
    let settled = false;
    let timedOut = false;
    const fail = () => {
      if (settled) return;
      settled = true;
      const kind = timedOut ? 'timeout' : 'network';
      statuses[kind] = (statuses[kind] ?? 0) + 1;
      errors += 1;
      resolve();
    };
    const req = http.request(url, { agent, method: request.method ?? 'GET', headers: request.headers ?? {} }, (res) => {
      res.resume();
      res.on('error', fail);
      res.on('end', () => {
        if (settled) return;
        settled = true;
        statuses[String(res.statusCode)] = (statuses[String(res.statusCode)] ?? 0) + 1;
        if (!ok(res.statusCode)) errors += 1;
        latencies.push(performance.now() - due);
        byDue[n] = performance.now() - due;
        resolve();
      });
    });
    req.setTimeout(30_000, () => {
      timedOut = true;
      req.destroy();
    });
    req.on('error', fail);
    req.end(request.body);
  });
}

const start = performance.now() + 50;
const pending = new Set<Promise<void>>(); // the requests in flight (each leaves when answered)
for (let i = 0; i < total; i += 1) {
  const due = start + i * interval;
  const wait = due - performance.now();
  if (wait > 1) await new Promise((r) => setTimeout(r, wait - 0.5));
  while (performance.now() < due) {
    /* the last half millisecond: spin, timers are not that precise */
  }
  const request: Promise<void> = once(present(urls[i % urls.length], 'a request of the list'), due, i).then(() => void pending.delete(request));
  pending.add(request);
}
await Promise.all(pending);
agent.destroy();
const elapsed = (performance.now() - start) / 1000;
const sorted = latencies.sort((a, b) => a - b);
const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
process.stdout.write(
  `${JSON.stringify({ p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1], rps: total / elapsed, errors, requests: total, statuses, ...(process.env.PACED_RAW ? { latencies: byDue } : {}) })}\n`,
);
