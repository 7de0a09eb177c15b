-- Courts core: directory, evidence archive, cases with history.

create table courts (
  vnkod text primary key,
  name text not null,
  court_type text not null,            -- garrison | okrug_fleet | appellate | cassation
  military_district text,
  region_code text,
  host text,
  legacy_host text,
  layout text,                         -- classic | new | null (unknown)
  captcha boolean,
  sources jsonb not null default '[]'
);

-- Exact bytes, stored once per content hash.
create table blobs (
  sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
  size integer not null,
  body bytea not null
);

-- Every page that entered the system. Rows are never updated or deleted.
create table captures (
  id bigserial primary key,
  url text not null,
  retrieved_at timestamptz,            -- null: a saved file whose retrieval time is unknown
  ingested_at timestamptz not null default now(),
  http_status integer,
  http_headers jsonb,                  -- [[name, value], ...] as received
  request_headers jsonb,
  sha256 text not null references blobs (sha256),
  content_type text,
  source text not null check (source in ('file', 'warc', 'crawl', 'synthetic')),
  source_ref text,
  synthetic boolean not null default false,
  page_kind text not null,
  layout text,
  court_vnkod text
);
create unique index captures_identity on captures (url, sha256, coalesce(retrieved_at, 'epoch'::timestamptz));
create index captures_sha256 on captures (sha256);
create index captures_court on captures (court_vnkod);

create table cases (
  id bigserial primary key,
  court_vnkod text not null,
  case_key text not null,              -- the court's own ids, never the displayed number
  case_uid text,
  case_id text,
  delo_id text,
  proceeding text,
  case_number text,
  judicial_uid text,
  receipt_date date,
  decision_date date,
  legal_force_date date,
  judge text,
  category text,
  result_text text,
  outcome text,
  synthetic boolean not null default false,
  record jsonb not null,               -- latest merged record, names reduced to initials
  record_hash text not null,
  first_capture_id bigint not null references captures (id),
  last_capture_id bigint not null references captures (id),
  first_seen_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector,
  unique (court_vnkod, case_key)
);
create index cases_judicial_uid on cases (judicial_uid);
create index cases_receipt on cases (receipt_date);
create index cases_search on cases using gin (search);

create table case_history (
  id bigserial primary key,
  case_id bigint not null references cases (id),
  capture_id bigint not null references captures (id),
  recorded_at timestamptz not null default now(),
  kind text not null check (kind in ('created', 'updated')),
  changes jsonb not null,
  unique (case_id, capture_id)
);

create table case_defendants (
  case_id bigint not null references cases (id) on delete cascade,
  position integer not null,
  name_hash text,                      -- keyed hash of the normalised full name; null when hidden
  initials text,
  hidden boolean not null default false,
  decision_date date,
  result_text text,
  outcome text,
  sentence_kind text,
  sentence jsonb,
  primary key (case_id, position)
);
create index case_defendants_name_hash on case_defendants (name_hash);

create table case_articles (
  case_id bigint not null references cases (id) on delete cascade,
  defendant_position integer not null,
  position integer not null,
  code text not null,
  article text not null,
  part text,
  point text,
  primary key (case_id, defendant_position, position)
);
create index case_articles_article on case_articles (article, part);

create table case_events (
  case_id bigint not null references cases (id) on delete cascade,
  position integer not null,
  name text,
  event_date date,
  event_time text,
  place text,
  result text,
  basis text,
  note text,
  published_date date,
  primary key (case_id, position)
);

create table case_acts (
  case_id bigint not null references cases (id) on delete cascade,
  position integer not null,
  title text,
  act_type text,
  body text,
  search tsvector,
  primary key (case_id, position)
);
create index case_acts_search on case_acts using gin (search);
