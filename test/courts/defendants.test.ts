// Defendants come from the ЛИЦА tab only; the rows of the СТОРОНЫ tab (counsel, prosecutor) stay parties.
// Expected values are read by hand from leninsky_ufa_criminal.html: ЛИЦА lists one person (Никитина Алина
// Романовна, ст.173.1 ч.2 п.б УК РФ); СТОРОНЫ lists "Защитник (адвокат)" and "Прокурор".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePage } from '../../src/courts/parse/page.ts';
import type { CaseCard, ParsedPage } from '../../src/courts/parse/types.ts';
import { generateCases } from '../../src/courts/synthetic/generate.ts';
import { renderCard } from '../../src/courts/synthetic/render.ts';
import { fixture } from '../helpers/fixtures.ts';

function card(page: ParsedPage): CaseCard {
  assert.equal(page.kind, 'case_card');
  return (page as Extract<ParsedPage, { kind: 'case_card' }>).card;
}

/**
 * The real page with its СТОРОНЫ table cut to the two columns other courts publish (role, name): the four
 * empty ИНН/КПП/ОГРН/ОГРНИП columns removed from the header and from both rows.
 */
function twoColumnParties(): Buffer {
  const html = fixture('leninsky_ufa_criminal.html').toString('utf8');
  const start = html.indexOf('<th colspan="10">СТОРОНЫ</th>');
  const end = html.indexOf('</table>', start);
  assert.ok(start > 0 && end > start);
  const trimmed = html
    .slice(start, end)
    .replace(/<td align="center"><b>(ИНН|КПП|ОГРН|ОГРНИП)<\/b><\/td>/g, '')
    .replace(/(<td><\/td>){4}<\/tr>/g, '</tr>');
  assert.equal((trimmed.match(/<td/g) ?? []).length, 6, 'header and two rows of two cells');
  return Buffer.from(html.slice(0, start) + trimmed + html.slice(end));
}

describe('defendants come only from the ЛИЦА tab', () => {
  it('the real page: one defendant, two parties', () => {
    const c = card(parsePage({ bytes: fixture('leninsky_ufa_criminal.html') }));
    assert.deepEqual(
      c.defendants.map((d) => [d.name, d.articlesText]),
      [['Никитина Алина Романовна', 'ст.173.1 ч.2 п.б УК РФ']],
    );
    assert.deepEqual(
      c.parties.map((p) => p.role),
      ['Защитник (адвокат)', 'Прокурор'],
    );
  });
  it('a two-column СТОРОНЫ table is a table (its bold header is not a label/value pair) and its rows stay parties', () => {
    const c = card(parsePage({ bytes: twoColumnParties() }));
    assert.equal(c.defendants.length, 1, 'no nameless second defendant from the СТОРОНЫ rows');
    assert.equal(c.defendants[0]?.name, 'Никитина Алина Романовна');
    assert.deepEqual(
      c.parties.map((p) => [p.role, p.name]),
      [
        ['Защитник (адвокат)', 'Адвокат Сипайловского филиала г.Уфы «Башкирской Республиканской коллегии адвокатов» Фролова Надежда Викторовна'],
        ['Прокурор', 'Прокуратура Кировского района г.Уфа, Соколов Д.И.'],
      ],
    );
    const tab = c.tabs.find((t) => t.label === 'СТОРОНЫ');
    assert.deepEqual(tab?.pairs, []);
    assert.deepEqual(tab?.tables[0]?.header, ['Вид лица, участвующего в деле', 'Лицо, участвующее в деле (ФИО, наименование)']);
  });
  it('without a ЛИЦА tab (kirov_koap.html, an administrative offence) the person brought to liability is the defendant', () => {
    const c = card(parsePage({ bytes: fixture('kirov_koap.html') }));
    assert.deepEqual(
      c.defendants.map((d) => d.name),
      ['Орлова Вера Игоревна'],
    );
    assert.equal(c.parties.length, 3);
  });
  it('SYNTHETIC classic cards (the demo data) have exactly one defendant each', () => {
    const cases = generateCases({ seed: 17, count: 20, courts: ['66GV0008'], from: '2023-01-01', to: '2024-12-31' });
    for (const layout of ['classic', 'new'] as const) {
      for (const sc of cases) {
        const c = card(parsePage({ bytes: Buffer.from(renderCard(sc, layout)) }));
        assert.equal(c.defendants.length, 1, `${layout} ${sc.caseNumber}`);
        assert.equal(c.defendants[0]?.name, `${sc.defendant.surname} ${sc.defendant.name} ${sc.defendant.patronymic}`);
      }
    }
  });
});
