// Expected URLs written by hand from shared/docs/sudrf-protocol.md §8–§9 (templates and worked encodings).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actUrl, cardUrl, docketUrl, judicialUidUrl, listUrl, searchFormUrl } from '../../src/crawler/urls.ts';

describe('court-site URLs', () => {
  it('classic list by article and receipt window (protocol §9.4)', () => {
    assert.equal(
      listUrl({ host: 'gvs--ros.sudrf.ru', layout: 'classic', article: '337', from: '2024-01-01', to: '2024-01-31' }),
      'https://gvs--ros.sudrf.ru/modules.php?name=sud_delo&srv_num=1&name_op=r&page=1&delo_id=1540006&case_type=0&new=0&delo_table=u1_case&u1_case__ENTRY_DATE1D=01.01.2024&u1_case__ENTRY_DATE2D=31.01.2024&U1_DEFENDANT__LAW_ARTICLESS=337&Submit=%CD%E0%E9%F2%E8',
    );
  });
  it('a part is encoded from windows-1251 ("337 ч.5" → 337+%F7.5), the court code only when known', () => {
    const url = listUrl({ host: 'gvs--ros.sudrf.ru', layout: 'classic', vnkod: '61GV0001', article: '337 ч.5', axis: 'decision', page: 3 });
    assert.match(url, /&page=3&vnkod=61GV0001&/);
    assert.match(url, /&U1_DEFENDANT__LAW_ARTICLESS=337\+%F7\.5&/);
    assert.ok(!listUrl({ host: 'h', layout: 'classic', vnkod: '' }).includes('vnkod='), 'never an empty vnkod=');
  });
  it('publication axis uses the document table', () => {
    assert.match(listUrl({ host: 'h', layout: 'classic', axis: 'publication', from: '2026-06-01' }), /&U1_DOCUMENT__PUBL_DATE1D=01\.06\.2026&/);
  });
  it('new-layout list (protocol §9.4)', () => {
    assert.equal(
      listUrl({ host: 'bgvs--amr.sudrf.ru', layout: 'new', vnkod: '27GV0006', article: '337', from: '2024-01-01', to: '2024-01-31' }),
      'https://bgvs--amr.sudrf.ru/modules.php?name=sud_delo&name_op=r&_page=1&srv_num=1&_deloId=1540006&case__case_type=0&_new=0&case__vnkod=27GV0006&case__num_build=1&process-type=1540006_0_0&case__entry_date1d=01.01.2024&case__entry_date2d=31.01.2024&parts__law_articless=337',
    );
  });
  it('captcha answer is appended', () => {
    assert.match(
      listUrl({ host: 'h', layout: 'classic', captcha: { answer: '12345', captchaId: 'v3ru' } }),
      /Submit=%CD%E0%E9%F2%E8&captcha=12345&captchaid=v3ru$/,
    );
  });
  it('cards, acts, docket, UID lookup, search forms', () => {
    assert.equal(
      cardUrl({ host: 'h', layout: 'classic', caseId: '18223875', caseUid: '3128af6a-aafd-43ab-a873-18c4f46b860e' }),
      'https://h/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=18223875&case_uid=3128af6a-aafd-43ab-a873-18c4f46b860e&delo_id=1540006&new=0',
    );
    assert.equal(
      cardUrl({ host: 'h', layout: 'new', caseId: '1', caseUid: 'u' }),
      'https://h/modules.php?name=sud_delo&name_op=case&_id=1&_uid=u&_deloId=1540006&_caseType=0&_new=0&srv_num=1',
    );
    assert.equal(actUrl('h', '18565938'), 'https://h/modules.php?name=sud_delo&srv_num=1&name_op=doc&number=18565938&delo_id=1540006&new=0&text_number=1');
    assert.equal(docketUrl('h', '2026-04-22'), 'https://h/modules.php?name=sud_delo&srv_num=1&H_date=22.04.2026');
    assert.equal(
      judicialUidUrl('h', 'classic', '03RS0003-01-2026-003803-62', '03RS0004'),
      'https://h/modules.php?name=sud_delo&name_op=r_juid&vnkod=03RS0004&srv_num=1&delo_id=1540006&case_type=0&judicial_uid=03RS0003-01-2026-003803-62',
    );
    assert.equal(
      judicialUidUrl('h', 'new', '28RS0004-01-2025-018120-67', '28RS0004'),
      'https://h/modules.php?name=sud_delo&name_op=r&srv_num=1&token=judicial_uid&case__judicial_uidss=28RS0004-01-2025-018120-67&_ord=asc',
    );
    assert.equal(searchFormUrl('h', 'classic'), 'https://h/modules.php?name=sud_delo&srv_num=1&name_op=sf&delo_id=1540006&case_type=0&new=0');
    assert.equal(searchFormUrl('h', 'new'), 'https://h/modules.php?name=sud_delo&name_op=sf&srv_num=1&_deloId=1540006&_caseType=0&_new=0');
  });
});
