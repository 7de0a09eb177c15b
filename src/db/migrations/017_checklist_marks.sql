-- A worker's judgement on one item of a client's document checklist (issue #14): met by named documents of the
-- file and/or linked court records, not applicable (with the reason), or reopened; with an optional note. The claim
-- type, the item, the judgement and what it names are one ciphertext (AAD: org, 'client_checklist_marks', 'body',
-- id): which claim a client makes is as private as the rest of his file. Who marked it and when stay in the clear,
-- like a note's author. One row per client, claim type and item (the writer holds the client row's lock).
create table client_checklist_marks (
  id uuid primary key,
  org_id uuid not null references organisations (id) on delete cascade,
  client_id uuid not null references clients (id) on delete cascade,
  body bytea not null,
  revision int not null default 1,
  marked_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index client_checklist_marks_client on client_checklist_marks (client_id);
alter table client_checklist_marks enable row level security;
create policy tenant on client_checklist_marks using (org_id = nullif(current_setting('otkaz.org_id', true), '')::uuid);
