// Open-loop load at a fixed rate, for `bench:web`: one request every 1000/rate ms, evenly spaced, over a pool of
// keep-alive connections, whatever the answers' speed (a slow answer does not delay the next request). Latency is
// measured from the moment a request was due, not from when it was sent, so a client that falls behind counts
// against the server (no coordinated omission). autocannon's `overallRate` instead gives each connection a
// per-second budget that it spends back to back at the start of every second: bursts, not a rate.
// Runs as its own process: node --import tsx bench/paced-load.ts URL RATE SECONDS [CONNECTIONS] → one JSON line.
// `{n}` in the URL becomes the request's number, `{date}` the date n days after 2030-01-01 (distinct URLs: no
// response-cache hits, every request reaches the database); PACED_RAW=1 adds every
// latency to the line (`latencies`, in the order the requests were due) so runs can be merged.
import http from 'node:http';

const [url, rateArg, secondsArg, connectionsArg] = process.argv.slice(2);
if (!url || !rateArg || !secondsArg) throw new Error('usage: paced-load.ts URL RATE SECONDS [CONNECTIONS]');
const rate = Number(rateArg);
const total = Math.round(rate * Number(secondsArg));
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(connectionsArg ?? 32) });
const interval = 1000 / rate;
const latencies: number[] = [];
let errors = 0;

const byDue: number[] = [];

function once(due: number, n: number): Promise<void> {
  return new Promise((resolve) => {
    const date = new Date(Date.UTC(2030, 0, 1 + n)).toISOString().slice(0, 10);
    const req = http.get(url!.replace('{n}', String(n)).replace('{date}', date), { agent }, (res) => {
      if (res.statusCode !== 200) errors += 1;
      res.resume();
      res.on('end', () => {
        latencies.push(performance.now() - due);
        byDue[n] = performance.now() - due;
        resolve();
      });
    });
    req.on('error', () => {
      errors += 1;
      resolve();
    });
  });
}

const start = performance.now() + 50;
const pending: Array<Promise<void>> = [];
for (let i = 0; i < total; i += 1) {
  const due = start + i * interval;
  const wait = due - performance.now();
  if (wait > 1) await new Promise((r) => setTimeout(r, wait - 0.5));
  while (performance.now() < due) {
    /* the last half millisecond: spin, timers are not that precise */
  }
  pending.push(once(due, i));
}
await Promise.all(pending);
agent.destroy();
const elapsed = (performance.now() - start) / 1000;
const sorted = latencies.sort((a, b) => a - b);
const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
process.stdout.write(`${JSON.stringify({ p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1], rps: total / elapsed, errors, requests: total, ...(process.env.PACED_RAW ? { latencies: byDue } : {}) })}\n`);
