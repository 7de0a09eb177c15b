-- Deadline reminders (issue #14): the language a member reads the application in (the reminder e-mails are written
-- in it), and which reminder was sent to whom, so that none is sent twice. A sent reminder is named by a keyed
-- digest (HMAC under a key derived from the organisation's data key, src/agenda/reminders.ts) of the deadline and
-- its due date: the table holds no date, no rule and no client — and after a crypto-erasure not even that.
alter table users add column locale text not null default 'en' check (locale in ('en', 'ru'));

create table deadline_reminders (
  org_id uuid not null references organisations (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  -- HMAC-SHA256(reminder key, deadline key ‖ due date)
  digest bytea not null,
  -- 'before': the reminder N days ahead; 'due': on the day
  kind text not null check (kind in ('before', 'due')),
  sent_at timestamptz not null,
  primary key (org_id, user_id, digest, kind)
);
alter table deadline_reminders enable row level security;
create policy tenant on deadline_reminders using (org_id = nullif(current_setting('otkaz.org_id', true), '')::uuid);
