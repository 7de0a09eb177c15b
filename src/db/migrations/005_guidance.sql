-- The guidance knowledge base (assets/guidance/*.yaml), loaded on start: one row per entry, replaced as a whole
-- in one transaction whenever the files' content hash changes.
create table guidance_entries (
  kind text not null check (kind in ('fact', 'offence', 'exit_route', 'restriction', 'destination', 'organisation')),
  id text not null,
  data jsonb not null,
  verified date,
  primary key (kind, id)
);

create table guidance_meta (
  id integer primary key check (id = 1),
  content_hash text not null,
  loaded_at timestamptz not null default now()
);
