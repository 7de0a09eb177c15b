// A SYNTHETIC Eurostat-shaped TSV (API header generation, monthly migr_asyappctzm): cells with flags and ':' like
// the real ones. Used by the statistics-import and web benchmarks; never by the product.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

const PERIODS = Array.from({ length: 18 * 12 }, (_, i) => `${2008 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
const CITIZENS =
  'AF AL DZ AO AR AM AZ BD BY BJ BO BA BR BF BI KH CM CF TD CL CN CO CD CG CR CI CU DJ DO EC EG SV ER ET GA GM GE GH GT GN GW HT HN IN ID IR IQ IL JM JO KZ KE KP KR KW KG LA LB LR LY MG MW ML MR MX MD MN ME MA MZ MM NA NP NI NE NG MK PK PS PA PY PE PH QA RU RW SA SN RS SL SO ZA SS LK SD SY TJ TZ TH TG TN TR TM UG UA AE UZ VE VN YE ZM ZW STLS UNK TOTAL'.split(
    ' ',
  );
const GEOS = 'AT BE BG HR CY CZ DK EE FI FR DE EL HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE CH IS LI NO EU27_2020'.split(' ');
const APPLICANTS = ['TOTAL', 'FRST', 'SSEQ'];
const SEXES = ['T', 'F', 'M', 'UNK'];
const AGES = ['TOTAL', 'Y_LT14', 'Y14-17', 'Y_LT18', 'Y18-34', 'Y35-64', 'Y_GE65', 'UNK'];

/** Writes the SYNTHETIC TSV: API header generation, monthly periods, cells with flags and ':' like the real ones. */
export async function generateStatsTsv(file: string, observations: number): Promise<number> {
  const series = Math.ceil(observations / PERIODS.length);
  const out = createWriteStream(file);
  out.write(`freq,unit,citizen,sex,age,applicant,geo\\TIME_PERIOD\t${PERIODS.map((p) => `${p} `).join('\t')}\n`);
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  let written = 0;
  outer: for (const age of AGES)
    for (const sex of SEXES)
      for (const citizen of CITIZENS)
        for (const applicant of APPLICANTS)
          for (const geo of GEOS) {
            if (written >= series) break outer;
            const cells = PERIODS.map(() => {
              const r = random();
              if (r < 0.05) return ': ';
              if (r < 0.06) return ': c';
              const value = Math.round(random() * 400) * 5;
              return r < 0.09 ? `${value} p` : `${value} `;
            });
            if (!out.write(`M,PER,${citizen},${sex},${age},${applicant},${geo}\t${cells.join('\t')}\n`)) await once(out, 'drain');
            written += 1;
          }
  out.end();
  await once(out, 'finish');
  return written * PERIODS.length;
}
