// Card parse throughput on one core over the real fixture cards, against tokenizing the same bytes with the
// same HTML tokenizer (htmlparser2's Tokenizer, no-op callbacks), measured in the same run.
// Both sides decode the bytes first with the same decoder. Target: full parse ≥ 0.5× tokenize-only.
// Run: npm run bench:parse
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Tokenizer } from 'htmlparser2';
import { decodePage } from '../src/courts/parse/decode.ts';
import { parsePage } from '../src/courts/parse/page.ts';
import { compare, machine } from './harness.ts';

const dir = path.resolve(import.meta.dirname, '../test/fixtures/courts');
const cards = ['leninsky_ufa_criminal.html', 'kirov_koap.html', 'blag_card.html', 'samara_kas_appeal_card.html'].map((f) => readFileSync(path.join(dir, f)));
const bytes = cards.reduce((sum, c) => sum + c.byteLength, 0);

const noop = () => undefined;
const callbacks = {
  onattribdata: noop,
  onattribentity: noop,
  onattribend: noop,
  onattribname: noop,
  oncdata: noop,
  onclosetag: noop,
  oncomment: noop,
  ondeclaration: noop,
  onend: noop,
  onopentagend: noop,
  onopentagname: noop,
  onprocessinginstruction: noop,
  onselfclosingtag: noop,
  ontext: noop,
  ontextentity: noop,
};

let sink = 0;
const results = await compare(
  [
    {
      name: 'tokenize only',
      run: () => {
        for (const card of cards) {
          const { text } = decodePage(card);
          const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
          tokenizer.write(text);
          tokenizer.end();
          sink += text.length;
        }
        return cards.length;
      },
    },
    {
      name: 'full card parse',
      run: () => {
        for (const card of cards) {
          const page = parsePage({ bytes: card });
          if (page.kind !== 'case_card') throw new Error('expected a card');
          sink += page.card.events.length;
        }
        return cards.length;
      },
    },
  ],
  { rounds: Number(process.env.BENCH_ROUNDS ?? 7), minMs: 1000 },
);

const [tokenize, full] = results;
const mbPerPage = bytes / cards.length / 1e6;
console.log(`parse benchmark — ${cards.length} real cards, ${(bytes / 1e6).toFixed(2)} MB; ${machine()}; sink ${sink % 7}`);
for (const r of results)
  console.log(`  ${r.name.padEnd(16)} ${r.unitsPerSecond.toFixed(1).padStart(8)} pages/s  ${(r.unitsPerSecond * mbPerPage).toFixed(1).padStart(6)} MB/s`);
const ratio = (full?.unitsPerSecond ?? 0) / (tokenize?.unitsPerSecond ?? 1);
console.log(`  ratio full/tokenize = ${ratio.toFixed(2)} (target ≥ 0.50: ${ratio >= 0.5 ? 'met' : 'NOT met'})`);
