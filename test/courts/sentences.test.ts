// Sentences read from real wordings. Every expected value was worked out by hand from the wording quoted in the
// test (a fixture page's act text, or a published sentence whose source is named beside it), never from the
// parser's output. Published wordings are quoted only as far as the term, without any person's name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { colonyRegime, extractSentence, fineRub, outcomeFromAct, termMonths } from '../../src/courts/parse/outcome.ts';
import { parsePage } from '../../src/courts/parse/page.ts';
import type { CaseCard, ParsedPage } from '../../src/courts/parse/types.ts';
import { fixture } from '../helpers/fixtures.ts';

function card(page: ParsedPage): CaseCard {
  assert.equal(page.kind, 'case_card');
  return (page as Extract<ParsedPage, { kind: 'case_card' }>).card;
}

describe('terms in years and months', () => {
  it('"2 года 6 месяцев" is 30 months, not 24 (the "год" of "года" was taken for the whole word)', () => {
    // reputation.su/sudrf/237289471 (Севастопольский городской суд, 22-586/2022): "… с лишением права управления
    // транспортным средством на 2 года 6 месяцев".
    assert.equal(termMonths('с лишением права управления транспортным средством на 2 года 6 месяцев'), 30);
  });
  it('the dative of a sentence "к 1 году 2 месяцам" is 14 months', () => {
    // reputation.su/sudrf/243896118 (Моршанский районный суд, 2022): "… к 1 году 2 месяцам ограничения свободы".
    assert.equal(termMonths('к 1 году 2 месяцам ограничения свободы'), 14);
  });
  it('terms written in words and with the words in brackets', () => {
    assert.equal(termMonths('на срок 2 (два) года 6 (шесть) месяцев'), 30);
    assert.equal(termMonths('в виде двух лет шести месяцев'), 30);
    assert.equal(termMonths('на срок пять лет'), 60);
    assert.equal(termMonths('в течение 2 месяцев'), 2);
    assert.equal(termMonths('несколько лет назад, затем на 3 года'), 36);
  });
});

describe('sentences from the act texts of the fixture pages', () => {
  it('samara_kas_appeal_card.html: a redacted prison term in a general-regime colony; the 1 year 6 months there are the restriction of liberty', () => {
    // The act quotes the earlier judgment: "назначено наказание в виде <данные изъяты> лишения свободы в
    // исправительной колонии общего режима с ограничением свободы на срок 1 год 6 месяцев со штрафом в размере
    // <данные изъяты> рублей." The term and the fine are redacted; the colony regime is not.
    const c = card(parsePage({ bytes: fixture('samara_kas_appeal_card.html') }));
    const wording = /назначено наказание в виде[^\n]*рублей\./.exec(c.acts[0]?.text ?? '')?.[0];
    assert.ok(wording, 'the act quotes the sentence');
    assert.deepEqual(extractSentence(wording), { kind: 'imprisonment', termMonths: null, probationMonths: null, fineRub: null, colony: 'general' });
  });
  it('kirov_koap.html: the card says "назначение административного наказания"; the act gives the fine, 100 000 (сто тысяч) руб.', () => {
    const c = card(parsePage({ bytes: fixture('kirov_koap.html') }));
    assert.equal(c.outcome?.outcome, 'conviction');
    assert.equal(c.outcome?.source, 'result');
    // Not the 30 000 руб. of the earlier decision the act recounts: the operative part's 100 000.
    assert.deepEqual(c.outcome?.sentence, { kind: 'fine', termMonths: null, probationMonths: null, fineRub: 100000, colony: null });
    const fromAct = outcomeFromAct(c.acts[0]?.title ?? '', c.acts[0]?.text ?? '');
    assert.equal(fromAct?.sentence?.fineRub, 100000);
  });
  it('leninsky_ufa_criminal.html: the court fine of the termination, "в размере 50 000 рублей", not the 2 months to pay it', () => {
    const c = card(parsePage({ bytes: fixture('leninsky_ufa_criminal.html') }));
    const text = c.acts[0]?.text ?? '';
    const operative = text.slice(text.search(/ПОСТАНОВИЛ/));
    assert.equal(fineRub(operative), 50000);
  });
});

describe('sentences as the press reports them', () => {
  it('"приговорили к 5,5 года условно" is a suspended 66 months', () => {
    // news.mail.ru/incident/64722890 (Новороссийский гарнизонный военный суд, citing «Ъ-Кубань»): "Его
    // приговорили к 5,5 года условно за самовольное оставление части."
    assert.deepEqual(extractSentence('приговорили к 5,5 года условно за самовольное оставление части'), {
      kind: 'suspended',
      termMonths: 66,
      probationMonths: null,
      fineRub: null,
      colony: null,
    });
  });
  it('"шесть лет в исправительной колонии общего режима" is 72 months of imprisonment, general regime', () => {
    // Same report: "В этот раз по совокупности ему назначили шесть лет в исправительной колонии общего режима".
    assert.deepEqual(extractSentence('по совокупности ему назначили шесть лет в исправительной колонии общего режима'), {
      kind: 'imprisonment',
      termMonths: 72,
      probationMonths: null,
      fineRub: null,
      colony: 'general',
    });
  });
  it('"13 years in a strict-regime colony" (guidance-facts.md §1.3) in the wording a judgment uses', () => {
    assert.equal(colonyRegime('с отбыванием наказания в исправительной колонии строгого режима'), 'strict');
    assert.equal(colonyRegime('с отбыванием наказания в колонии-поселении'), 'settlement');
    const s = extractSentence(
      'назначить наказание в виде лишения свободы на срок 13 (тринадцать) лет с отбыванием наказания в исправительной колонии строгого режима',
    );
    assert.deepEqual([s?.kind, s?.termMonths, s?.colony], ['imprisonment', 156, 'strict']);
  });
});

describe('suspended terms with probation, as the result field and the operative part write them', () => {
  it('a term and a probation in years and months', () => {
    assert.deepEqual(extractSentence('ОСУЖДЕН к лишению свободы на срок 2 года 6 месяцев условно с испытательным сроком 2 года'), {
      kind: 'suspended',
      termMonths: 30,
      probationMonths: 24,
      fineRub: null,
      colony: null,
    });
    const s = extractSentence(
      'назначить ему наказание в виде 2 (двух) лет 6 (шести) месяцев лишения свободы. На основании ст. 73 УК РФ назначенное наказание считать условным с испытательным сроком 3 (три) года',
    );
    assert.deepEqual([s?.kind, s?.termMonths, s?.probationMonths], ['suspended', 30, 36]);
  });
});
