-- Asylum applications of a client, one row per application (destination, procedure, its steps with dates and
-- outcomes, hand-entered deadlines): all of it one ciphertext (AAD: org, 'client_applications', 'body', id). The
-- destination is sealed too: where a client asked for protection is where he is.
create table client_applications (
  id uuid primary key,
  org_id uuid not null references organisations (id) on delete cascade,
  client_id uuid not null references clients (id) on delete cascade,
  body bytea not null,
  revision int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index client_applications_client on client_applications (client_id, created_at);
alter table client_applications enable row level security;
create policy tenant on client_applications using (org_id = nullif(current_setting('otkaz.org_id', true), '')::uuid);
