// The case files' deadlines through the API and the reminder run, on both engines, with SYNTHETIC clients: the
// deadlines of each application with their arithmetic; the overview per member and per organisation (only the
// files the member may read; another organisation sees none; the read audited); the calendar download (initials
// and file reference, no name); and the reminder e-mails, received by a local SMTP server this test starts — to the
// right members, in each one's language, with the due date and the rule, never twice. Expected dates are
// computed by hand in the comments (2026-01-01 is a Thursday).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { smtpMailer } from '../../src/agenda/mailer.ts';
import { type ReminderOptions, sendReminders } from '../../src/agenda/reminders.ts';
import { todayIn } from '../../src/agenda/today.ts';
import { loadProcedures } from '../../src/procedures/load.ts';
import { type AccountsApi, accountsApi, type Browser, makeOrg, makeUser, signInFully } from '../helpers/accounts.ts';
import { ENGINES } from '../helpers/engines.ts';
import { type LocalSmtp, localSmtp } from '../helpers/smtp.ts';

const FAMILY = 'Synthetico';
const REFERENCE = 'SYNTHETIC-BAMF-9000001-439';

for (const engine of ENGINES) {
  describe(`deadlines of the case files and their reminders (${engine.name})`, () => {
    let api: AccountsApi;
    let smtp: LocalSmtp;
    let lawyer: Browser;
    let caseworker: Browser;
    let colleague: Browser;
    let volunteer: Browser;
    let otherAdmin: Browser;
    const ids = { lawyer: '', caseworker: '', volunteer: '', colleague: '' };
    let clientId = '';
    let orgId = '';

    before(async () => {
      smtp = await localSmtp();
      api = await accountsApi(engine, { OTKAZ_TIME_ZONE: 'Europe/Berlin', OTKAZ_PUBLIC_URL: 'https://otkaz.example.org' });
      const org = await makeOrg(api, 'Remind Aid A');
      orgId = org.id;
      // 2026-03-23T23:30Z is already Tuesday 24 March in Berlin: "this week" runs 24–30 March.
      api.clock.advance(Date.parse('2026-03-23T23:30:00Z') - api.clock.now().getTime());
      const orgB = await makeOrg(api, 'Remind Aid B');
      const l = await makeUser(api, org, 'lawyer@remind-a.test', 'lawyer');
      const c = await makeUser(api, org, 'caseworker@remind-a.test', 'caseworker');
      const o = await makeUser(api, org, 'colleague@remind-a.test', 'lawyer');
      const v = await makeUser(api, org, 'volunteer@remind-a.test', 'volunteer');
      const b = await makeUser(api, orgB, 'admin@remind-b.test', 'org_admin');
      Object.assign(ids, { lawyer: l.id, caseworker: c.id, volunteer: v.id, colleague: o.id });
      ({ browser: lawyer } = await signInFully(api, 'lawyer@remind-a.test', l.password, '198.51.100.70'));
      ({ browser: caseworker } = await signInFully(api, 'caseworker@remind-a.test', c.password, '198.51.100.71'));
      ({ browser: colleague } = await signInFully(api, 'colleague@remind-a.test', o.password, '198.51.100.72'));
      ({ browser: volunteer } = await signInFully(api, 'volunteer@remind-a.test', v.password, '198.51.100.73'));
      ({ browser: otherAdmin } = await signInFully(api, 'admin@remind-b.test', b.password, '198.51.100.74'));
      const created = await lawyer.post('/api/v1/clients', {
        person: { names: [{ script: 'latin', family: FAMILY, given: 'Ivan' }] },
        consent: { shareWithinOrganisation: true, referralTo: [] },
      });
      assert.equal(created.statusCode, 200, created.body);
      clientId = created.json().id;
      for (const member of [c.id, v.id]) assert.equal((await lawyer.post(`/api/v1/clients/${clientId}/shares`, { userId: member })).statusCode, 200);
      const applications = [
        {
          destination: 'DE',
          procedure: 'de.asylum',
          region: 'DE-BE',
          reference: REFERENCE,
          steps: [{ stage: 'bamf', outcome: 'rejected', servedOn: '2026-03-20' }],
        },
        {
          destination: 'DE',
          procedure: 'de.asylum',
          region: 'DE-BE',
          steps: [{ stage: 'bamf', outcome: 'rejected_manifestly_unfounded', servedOn: '2026-03-20' }],
        },
        {
          destination: 'FR',
          procedure: 'fr.asylum',
          steps: [{ stage: 'ofpra', outcome: 'rejected', servedOn: '2026-01-15', legalAid: { requestedOn: '2026-01-20' } }],
        },
        { destination: 'US', procedure: 'us.defensive', region: 'US-NY', arrivedOn: '2025-08-01' },
      ];
      for (const body of applications) {
        const res = await lawyer.post(`/api/v1/clients/${clientId}/applications`, body);
        assert.equal(res.statusCode, 200, res.body);
      }
      assert.equal((await lawyer.post('/api/v1/account/language', { language: 'ru' })).statusCode, 200);
    });
    after(async () => {
      await api?.close();
      await smtp?.close();
    });

    it('the client file shows each deadline with its rule, sources and arithmetic; an input the engine refuses is that item’s error', async () => {
      const res = await lawyer.get(`/api/v1/clients/${clientId}/applications`);
      assert.equal(res.statusCode, 200, res.body);
      type Deadline = {
        rule: string;
        due: string | null;
        status: string;
        urgentApplication: boolean;
        error: { code: string } | null;
        result: { explanation: string[]; sources: unknown[] } | null;
      };
      type Listed = { destination: string; steps: Array<{ outcome?: string }>; deadlines: Deadline[] };
      const listed: Listed[] = res.json().applications;
      const first = (destination: string, outcome?: string): Deadline => {
        const found = listed.find((a) => a.destination === destination && (!outcome || a.steps[0]?.outcome === outcome))?.deadlines[0];
        assert.ok(found, `a deadline of the ${destination} application`);
        return found;
      };
      const [klage, manifest, cnda, us] = [first('DE', 'rejected'), first('DE', 'rejected_manifestly_unfounded'), first('FR'), first('US')];
      // 2026-03-20 + 2 weeks = Good Friday 2026-04-03; Easter Saturday, Sunday, Monday → Tuesday 2026-04-07.
      assert.equal(klage.rule, 'de.bamf.klage');
      assert.equal(klage.due, '2026-04-07');
      assert.ok(klage.result?.explanation.some((l) => l.includes('Karfreitag')));
      assert.ok((klage.result?.sources.length ?? 0) > 0);
      // + 1 week = Friday 2026-03-27, a working day; the urgent application flagged.
      assert.equal(manifest.due, '2026-03-27');
      assert.equal(manifest.urgentApplication, true);
      assert.equal(cnda.status, 'suspended');
      // The US rules have one calendar, 'US': the region US-NY is refused, for this item only — no 500.
      assert.equal(us.status, 'error');
      assert.equal(us.error?.code, 'deadlines.input');
    });

    it('the overview: mine and the organisation’s, bucketed by today in the installation’s time zone; others see nothing', async () => {
      assert.equal(todayIn('Europe/Berlin', api.clock.now()), '2026-03-24');
      const mine = await lawyer.get('/api/v1/deadlines/dashboard');
      assert.equal(mine.statusCode, 200, mine.body);
      assert.match(String(mine.headers['cache-control']), /no-store/);
      const d = mine.json();
      assert.equal(d.today, '2026-03-24');
      assert.deepEqual(
        d.thisWeek.map((e: { due: string; daysLeft: number }) => [e.due, e.daysLeft]),
        [['2026-03-27', 3]],
      );
      assert.deepEqual(
        d.later.map((e: { due: string }) => e.due),
        ['2026-04-07'],
      );
      assert.equal(d.overdue.length, 0);
      assert.deepEqual(d.undetermined.map((e: { status: string }) => e.status).sort(), ['error', 'suspended']);
      assert.equal(d.thisWeek[0].clientName, `Ivan ${FAMILY}`);
      assert.equal(d.later[0].reference, REFERENCE);

      // Shared with the caseworker: his files too. The colleague has none of his own, but sees the organisation's.
      assert.equal((await caseworker.get('/api/v1/deadlines/dashboard')).json().thisWeek.length, 1);
      assert.equal((await colleague.get('/api/v1/deadlines/dashboard')).json().thisWeek.length, 0);
      assert.equal((await colleague.get('/api/v1/deadlines/dashboard?scope=organisation')).json().thisWeek.length, 1);
      // A volunteer may not read applications; another organisation's admin sees his own (empty) organisation.
      assert.equal((await volunteer.get('/api/v1/deadlines/dashboard')).statusCode, 403);
      const other = await otherAdmin.get('/api/v1/deadlines/dashboard?scope=organisation');
      assert.equal(other.statusCode, 200);
      assert.equal(other.body.includes(FAMILY), false);
      assert.equal(other.json().later.length + other.json().thisWeek.length + other.json().undetermined.length, 0);
      const audit = await api.db.query<{ n: number }>(
        "select count(*)::int as n from audit_log where org_id = $1 and action = 'deadlines.dashboard' and actor_id = $2",
        [orgId, ids.colleague],
      );
      assert.equal(audit[0]?.n, 2);
    });

    it('the calendar: an authenticated download, events by initials and file reference, no name or file number', async () => {
      assert.equal((await new (lawyer.constructor as typeof Browser)(api, '198.51.100.79').get('/api/v1/deadlines/calendar.ics')).statusCode, 401);
      const res = await lawyer.get('/api/v1/deadlines/calendar.ics?language=en');
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /^text\/calendar/);
      assert.match(String(res.headers['content-disposition']), /attachment/);
      const ics = res.body;
      assert.match(ics, /DTSTART;VALUE=DATE:20260327/);
      assert.match(ics, /DTSTART;VALUE=DATE:20260407/);
      assert.equal((ics.match(/BEGIN:VEVENT/g) ?? []).length, 2, 'the suspended and the refused deadline have no date');
      assert.ok(ics.includes(`I. S. · file ${clientId.slice(0, 8)}`));
      for (const secret of [FAMILY, 'Ivan', REFERENCE]) assert.equal(ics.includes(secret), false, secret);
      // The lawyer's own language when none is asked: Russian (set in the app).
      assert.match((await lawyer.get('/api/v1/deadlines/calendar.ics')).body, /SUMMARY:Срок/);
    });

    it('reminders: N days before and on the day, to the file’s workers in their language, never twice; a refused address is retried', async () => {
      const services = {
        db: api.db,
        keyring: api.services.keyring,
        audit: api.services.audit,
        catalogue: loadProcedures(),
        mailer: smtpMailer(smtp.url, 'otkaz <deadlines@otkaz.example.org>'),
        now: api.clock.now,
      };
      const on = (today: string, dryRun = false): ReminderOptions => ({ today, days: 3, dryRun, publicUrl: 'https://otkaz.example.org' });
      try {
        // 24 March: 2026-03-27 is 3 days ahead → the "before" reminder; 2026-04-07 is 14 days ahead → none yet.
        const plan = await sendReminders({ ...services, mailer: null }, on('2026-03-24', true));
        assert.deepEqual(
          plan.reminders.map((r) => [r.userId, r.kind, r.due, r.state]).sort(),
          [
            [ids.caseworker, 'before', '2026-03-27', 'would_send'],
            [ids.lawyer, 'before', '2026-03-27', 'would_send'],
          ].sort(),
        );
        assert.equal(smtp.inbox.length, 0, 'a dry run sends nothing');

        const first = await sendReminders(services, on('2026-03-24'));
        assert.deepEqual(
          first.reminders.map((r) => r.state),
          ['sent', 'sent'],
        );
        assert.equal(smtp.inbox.length, 2);
        const toLawyer = smtp.inbox.find((m) => m.to.includes('lawyer@remind-a.test'));
        const toCaseworker = smtp.inbox.find((m) => m.to.includes('caseworker@remind-a.test'));
        assert.ok(toLawyer && toCaseworker);
        assert.equal(
          smtp.inbox.some((m) => m.to.includes('volunteer@remind-a.test') || m.to.includes('colleague@remind-a.test')),
          false,
        );
        // The lawyer chose Russian; the caseworker never chose: English.
        assert.match(toLawyer.mail.subject ?? '', /^Срок через 3 дня: Иск против отказа как «явно необоснованного»/);
        assert.equal(toLawyer.mail.headers.get('content-language'), 'ru');
        assert.match(toCaseworker.mail.subject ?? '', /^Deadline in 3 days: Suit against a rejection as manifestly unfounded/);
        // The arithmetic in each member's language: served Friday 20 March + 1 week = Friday 27 March, a working day in Berlin.
        const english = toCaseworker.mail.text ?? '';
        assert.match(english, /^Last day: 2026-03-27 \(Friday\)$/m);
        assert.match(english, /^ {2}- served 2026-03-20 \(Friday\) \+ 1 week = 2026-03-27 \(Friday\)$/m);
        assert.match(english, /^ {2}- 2026-03-27 \(Friday\) is a working day in DE-BE$/m);
        assert.doesNotMatch(english, /[А-Яа-яЁё]/);
        const russian = toLawyer.mail.text ?? '';
        assert.match(russian, /^Последний день: 2026-03-27 \(пятница\)$/m);
        assert.match(russian, /^Как рассчитано:$/m);
        assert.match(russian, /^ {2}- срочно: в тот же срок подайте срочное ходатайство \(§ 80\(5\) VwGO\)/m);
        assert.match(russian, /^ {2}- дата вручения 2026-03-20 \(пятница\) \+ 1 неделя = 2026-03-27 \(пятница\)$/m);
        assert.match(russian, /^ {2}- 2026-03-27 \(пятница\) — рабочий день в DE-BE$/m);
        assert.match(russian, /^ {2}- последний день срока: 2026-03-27 \(пятница\)$/m);
        assert.doesNotMatch(russian, /served|Friday|working day|holidays:|due:|the suit/);
        for (const { mail } of [toLawyer, toCaseworker]) {
          const text = mail.text ?? '';
          assert.match(text, /de\.bamf\.offensichtlich-unbegruendet/);
          assert.match(text, /§ 80\(5\) VwGO/);
          assert.ok(text.includes(`https://otkaz.example.org/files/${clientId}`));
          for (const secret of [FAMILY, 'Ivan', REFERENCE]) assert.equal(`${mail.subject}\n${text}`.includes(secret), false, secret);
        }

        const again = await sendReminders(services, on('2026-03-24'));
        assert.deepEqual(
          again.reminders.map((r) => r.state),
          ['already_sent', 'already_sent'],
        );
        assert.equal(smtp.inbox.length, 2, 'never twice');

        // On the day (27 March): the "due" reminder — but the caseworker's mailbox refuses it this time.
        smtp.refuse.add('caseworker@remind-a.test');
        const due = await sendReminders(services, on('2026-03-27'));
        const states = Object.fromEntries(due.reminders.map((r) => [r.userId, [r.kind, r.state, r.failure]]));
        assert.deepEqual(states[ids.lawyer], ['due', 'sent', null]);
        assert.equal(states[ids.caseworker]?.[1], 'failed');
        assert.match(String(states[ids.caseworker]?.[2]), /^[A-Z0-9_]+$/, 'a code, not the server’s text');
        assert.match(smtp.inbox.at(-1)?.mail.subject ?? '', /^Срок сегодня:/);
        smtp.refuse.clear();
        const retried = await sendReminders(services, on('2026-03-27'));
        assert.deepEqual(retried.reminders.map((r) => [r.userId === ids.lawyer ? 'lawyer' : 'caseworker', r.state]).sort(), [
          ['caseworker', 'sent'],
          ['lawyer', 'already_sent'],
        ]);
        // After the last day nothing more is sent (the overview shows it overdue).
        assert.equal((await sendReminders(services, on('2026-03-28'))).reminders.length, 0);
        // What is stored of a reminder: a digest and its kind — nothing of the deadline.
        const rows = await api.db.query<Record<string, unknown>>('select * from deadline_reminders where org_id = $1', [orgId]);
        assert.equal(rows.length, 4);
        assert.deepEqual(Object.keys(rows[0] ?? {}).sort(), ['digest', 'kind', 'org_id', 'sent_at', 'user_id']);
        const entries = await api.db.query<{ n: number }>("select count(*)::int as n from audit_log where org_id = $1 and action = 'reminders.send'", [orgId]);
        assert.ok((entries[0]?.n ?? 0) >= 5);
      } finally {
        services.mailer.close();
      }
    });
  });
}
